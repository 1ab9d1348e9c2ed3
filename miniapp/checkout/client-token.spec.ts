import { newClientToken } from './client-token';

describe('newClientToken', () => {
  it('fits the token rule the server checks', () => {
    const token = newClientToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('differs between two checkout pages opened in the same millisecond', () => {
    expect(newClientToken(1_700_000_000_000)).not.toBe(newClientToken(1_700_000_000_000));
  });
});
