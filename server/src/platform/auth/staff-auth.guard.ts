import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, HttpStatus, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { Repository } from 'typeorm';
import type { StaffRole } from '../../../../shared';
import { AuthTokenService } from './auth-token.service';
import { ApiException } from '../errors/api-exception';
import { StaffRow } from '../../staff/staff.entity';

const ROLES_KEY = 'staffRoles';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffRow;
  }
}

/**
 * Admin endpoints: a valid staff token of an enabled account whose CURRENT role (read from the database,
 * so a role change or a disable takes effect at once) is one of the endpoint's roles.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AuthTokenService,
    @InjectRepository(StaffRow) private readonly staffRepository: Repository<StaffRow>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const payload = this.tokens.verifyRequest(request, 'staff');
    const staff = await this.staffRepository.findOneBy({ id: payload.sub });
    if (!staff) throw new ApiException('TOKEN_INVALID', HttpStatus.UNAUTHORIZED, '账号不存在，请重新登录');
    if (staff.disabled) throw new ApiException('ACCOUNT_DISABLED', HttpStatus.UNAUTHORIZED, '账号已停用，请联系店主');
    const roles = this.reflector.getAllAndOverride<StaffRole[]>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles?.includes(staff.role)) {
      throw new ApiException('FORBIDDEN', HttpStatus.FORBIDDEN, '当前角色没有权限执行此操作');
    }
    request.staff = staff;
    return true;
  }
}

/** Declares the staff roles an admin endpoint (or controller) allows, and enforces them. */
export function Roles(...roles: StaffRole[]) {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(StaffAuthGuard));
}

/** The staff account authenticated by StaffAuthGuard. */
export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffRow => {
  return context.switchToHttp().getRequest<FastifyRequest>().staff!;
});
