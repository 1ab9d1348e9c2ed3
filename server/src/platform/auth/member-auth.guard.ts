import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthTokenService } from './auth-token.service';

declare module 'fastify' {
  interface FastifyRequest {
    memberId?: number;
  }
}

/** Lets a request through only with a valid member (shopper) token. */
@Injectable()
export class MemberAuthGuard implements CanActivate {
  constructor(private readonly tokens: AuthTokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.memberId = this.tokens.verifyRequest(request, 'member').sub;
    return true;
  }
}

/** The id of the member authenticated by MemberAuthGuard. */
export const CurrentMemberId = createParamDecorator((_: unknown, context: ExecutionContext): number => {
  return context.switchToHttp().getRequest<FastifyRequest>().memberId!;
});
