import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Paginated, StaffLoginResponse, StaffProfile, StaffRole } from '../../../shared';
import { AuthTokenService } from '../platform/auth/auth-token.service';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { PageQueryDto, paginated } from '../platform/http/page-query.dto';
import { CreateStaffDto, UpdateStaffDto } from './staff.dto';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { StaffRow } from './staff.entity';

export function toStaffProfile(staff: StaffRow): StaffProfile {
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    disabled: staff.disabled,
    createdAt: staff.createdAt.toISOString(),
  };
}

/** Compared against when the username is unknown, so a wrong username costs as much time as a wrong password. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';

@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffRow) private readonly staffRepository: Repository<StaffRow>,
    private readonly transactions: TransactionRunner,
    private readonly throttle: LoginThrottleService,
    private readonly tokens: AuthTokenService,
  ) {}

  /** The attempt is counted before the password is checked (LoginThrottleService); 429 once over a limit. */
  async login(username: string, password: string, clientAddress: string): Promise<StaffLoginResponse> {
    const attempt = await this.throttle.countAttempt(username, clientAddress);
    const staff = await this.staffRepository.findOneBy({ username });
    const passwordOk = await verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH);
    if (!staff || !passwordOk) {
      throw new ApiException('INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED, '用户名或密码错误');
    }
    await this.throttle.succeeded(attempt);
    if (staff.disabled) throw new ApiException('ACCOUNT_DISABLED', HttpStatus.FORBIDDEN, '账号已停用，请联系店主');
    return { token: this.tokens.signStaff(staff.id, staff.role), staff: toStaffProfile(staff) };
  }

  async list(query: PageQueryDto): Promise<Paginated<StaffProfile>> {
    const [rows, total] = await this.staffRepository.findAndCount({
      order: { id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return paginated(rows.map(toStaffProfile), total, query);
  }

  async create(input: CreateStaffDto): Promise<StaffProfile> {
    const passwordHash = await hashPassword(input.password);
    let id: number;
    try {
      id = await this.transactions.run(async (manager) => {
        const result = await manager.insert(StaffRow, {
          username: input.username,
          displayName: input.displayName.trim(),
          passwordHash,
          role: input.role,
        });
        return result.identifiers[0].id as number;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ApiException('USERNAME_TAKEN', HttpStatus.CONFLICT, `用户名 ${input.username} 已被使用`);
      }
      throw error;
    }
    return toStaffProfile(await this.staffRepository.findOneByOrFail({ id }));
  }

  async update(id: number, changes: UpdateStaffDto, actor: StaffRow): Promise<StaffProfile> {
    const staff = await this.staffRepository.findOneBy({ id });
    if (!staff) throw new ApiException('STAFF_NOT_FOUND', HttpStatus.NOT_FOUND, '员工不存在');
    // An owner demoting or disabling themself could leave the shop without anyone to manage staff.
    if (staff.id === actor.id && ((changes.role && changes.role !== staff.role) || changes.disabled === true)) {
      throw new ApiException('CANNOT_CHANGE_OWN_ROLE', HttpStatus.BAD_REQUEST, '不能修改或停用自己的角色');
    }
    const update: Partial<StaffRow> = {};
    if (changes.displayName !== undefined) update.displayName = changes.displayName.trim();
    if (changes.role !== undefined) update.role = changes.role;
    if (changes.disabled !== undefined) update.disabled = changes.disabled;
    if (changes.password !== undefined) update.passwordHash = await hashPassword(changes.password);
    if (Object.keys(update).length > 0) {
      await this.transactions.run((manager) => manager.update(StaffRow, { id }, update));
    }
    return toStaffProfile(await this.staffRepository.findOneByOrFail({ id }));
  }

  /** Creates an account unless the username exists (the demo seed). */
  async ensure(username: string, displayName: string, password: string, role: StaffRole): Promise<void> {
    if (await this.staffRepository.existsBy({ username })) return;
    try {
      await this.create({ username, displayName, password, role });
    } catch (error) {
      if (!(error instanceof ApiException && error.code === 'USERNAME_TAKEN')) throw error;
    }
  }
}
