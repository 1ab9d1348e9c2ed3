import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AuthTokenService } from './auth-token.service';

const key = createSecretKey(Buffer.from('a-test-secret-of-enough-length-123456'));
const jwt = new JwtService({ secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
const requestWith = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as FastifyRequest;

describe('AuthTokenService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('verifies a token once and then answers from memory until the token expires', () => {
    const tokens = new AuthTokenService(jwt);
    const token = jwt.sign({ kind: 'member', sub: 7 }, { expiresIn: 60 });
    const verify = jest.spyOn(jwt, 'verify');
    expect(tokens.verifyRequest(requestWith(token), 'member').sub).toBe(7);
    expect(tokens.verifyRequest(requestWith(token), 'member').sub).toBe(7);
    expect(verify).toHaveBeenCalledTimes(1);

    // A minute later the remembered token is as dead as a verified one would be.
    const later = Date.now() + 61_000;
    jest.spyOn(Date, 'now').mockReturnValue(later);
    expect(() => tokens.verifyRequest(requestWith(token), 'member')).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
  });

  it('still refuses a remembered token of the other kind, and never remembers a bad one', () => {
    const tokens = new AuthTokenService(jwt);
    const staff = jwt.sign({ kind: 'staff', sub: 1, role: 'owner' }, { expiresIn: 60 });
    expect(tokens.verifyRequest(requestWith(staff), 'staff').sub).toBe(1);
    expect(() => tokens.verifyRequest(requestWith(staff), 'member')).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
    const tampered = `${staff.slice(0, -2)}xx`;
    expect(() => tokens.verifyRequest(requestWith(tampered), 'staff')).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
    expect(() => tokens.verifyRequest(requestWith(tampered), 'staff')).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
  });
});
