import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type { StaffRole } from '../../../../shared';
import { ApiException } from '../errors/api-exception';

/** The two kinds of tokens never stand in for each other: a staff token is not a member token. */
export type TokenPayload = { kind: 'member'; sub: number } | { kind: 'staff'; sub: number; role: StaffRole };

const MEMBER_TOKEN_TTL = '30d';
const STAFF_TOKEN_TTL = '12h';
/** Verified tokens remembered per instance; beyond this many the memory starts over (a re-verify is all it costs). */
const VERIFIED_TOKENS_KEPT = 10_000;

@Injectable()
export class AuthTokenService {
  /**
   * Tokens that verified, with their payload and expiry: a shopper sends the same token with every request,
   * and checking its signature and claims again each time was several percent of an order's CPU.
   * A token is trusted from here only until its own expiry, exactly as long as verifying it would pass.
   */
  private readonly verified = new Map<string, { payload: TokenPayload; expiresAtMs: number }>();

  constructor(private readonly jwt: JwtService) {}

  signMember(memberId: number): string {
    return this.jwt.sign({ kind: 'member', sub: memberId }, { expiresIn: MEMBER_TOKEN_TTL });
  }

  signStaff(staffId: number, role: StaffRole): string {
    return this.jwt.sign({ kind: 'staff', sub: staffId, role }, { expiresIn: STAFF_TOKEN_TTL });
  }

  /** Verifies the request's bearer token and that it is of the expected kind; throws 401 otherwise. */
  /** Pages visitors may read too: the member when a token is sent (it must then be a valid member token), else null. */
  optionalMemberId(request: FastifyRequest): number | null {
    return request.headers.authorization ? this.verifyRequest(request, 'member').sub : null;
  }

  verifyRequest<K extends TokenPayload['kind']>(
    request: FastifyRequest,
    kind: K,
  ): Extract<TokenPayload, { kind: K }> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new ApiException('UNAUTHORIZED', HttpStatus.UNAUTHORIZED, kind === 'member' ? '请先登录' : '请先登录管理后台');
    }
    const payload = this.verify(match[1]);
    if (payload.kind !== kind || !Number.isInteger(payload.sub)) {
      throw new ApiException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED, '登录凭证类型不符，请重新登录');
    }
    return payload as Extract<TokenPayload, { kind: K }>;
  }

  private verify(token: string): TokenPayload {
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.payload;
    let payload: TokenPayload & { exp?: number };
    try {
      payload = this.jwt.verify<TokenPayload & { exp?: number }>(token);
    } catch {
      throw new ApiException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED, '登录已失效，请重新登录');
    }
    if (payload.exp !== undefined) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.clear();
      this.verified.set(token, { payload, expiresAtMs: payload.exp * 1000 });
    }
    return payload;
  }
}
