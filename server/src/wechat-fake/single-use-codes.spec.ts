import { SingleUseCodes } from './single-use-codes';

describe('SingleUseCodes', () => {
  it('redeems a code once, within five minutes', () => {
    let now = 1_000_000;
    const codes = new SingleUseCodes<string>(() => now);
    const code = codes.issue('alice');
    expect(codes.redeem(code)).toEqual({ ok: true, value: 'alice' });
    expect(codes.redeem(code)).toEqual({ ok: false, reason: 'used' });
    expect(codes.redeem('never-issued')).toEqual({ ok: false, reason: 'unknown' });

    const late = codes.issue('bob');
    now += 5 * 60 * 1000 + 1;
    expect(codes.redeem(late)).toEqual({ ok: false, reason: 'expired' });
  });
});
