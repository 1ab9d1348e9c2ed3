import { HttpStatus, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest } from 'fastify';
import type { StaffRole } from '../../../../shared';
import { ApiException } from '../errors/api-exception';

/** The two kinds of tokens never stand in for each other: a staff token is not a member token. */
export type TokenPayload = { kind: 'member'; sub: number } | { kind: 'staff'; sub: number; role: StaffRole };

const MEMBER_TOKEN_TTL = '30d';
const STAFF_TOKEN_TTL = '12h';

@Injectable()
export class AuthTokenService {
  constructor(private readonly jwt: JwtService) {}

  signMember(memberId: number): string {
    return this.jwt.sign({ kind: 'member', sub: memberId }, { expiresIn: MEMBER_TOKEN_TTL });
  }

  signStaff(staffId: number, role: StaffRole): string {
    return this.jwt.sign({ kind: 'staff', sub: staffId, role }, { expiresIn: STAFF_TOKEN_TTL });
  }

  /** Verifies the request's bearer token and that it is of the expected kind; throws 401 otherwise. */
  verifyRequest<K extends TokenPayload['kind']>(
    request: FastifyRequest,
    kind: K,
  ): Extract<TokenPayload, { kind: K }> {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new ApiException('UNAUTHORIZED', HttpStatus.UNAUTHORIZED, kind === 'member' ? '请先登录' : '请先登录管理后台');
    }
    let payload: TokenPayload;
    try {
      payload = this.jwt.verify<TokenPayload>(match[1]);
    } catch {
      throw new ApiException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED, '登录已失效，请重新登录');
    }
    if (payload.kind !== kind || !Number.isInteger(payload.sub)) {
      throw new ApiException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED, '登录凭证类型不符，请重新登录');
    }
    return payload as Extract<TokenPayload, { kind: K }>;
  }
}
