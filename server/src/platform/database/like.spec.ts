import { escapeLike } from './like';

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character itself', () => {
    expect(escapeLike('100%_好!')).toBe('100!%!_好!!');
    expect(escapeLike('龙井')).toBe('龙井');
  });
});
