import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MemberIdentityKind } from '../../../shared';
import { upsertRow } from '../platform/database/upsert';
import { MemberIdentityRow } from './member-identity.entity';

/**
 * Writes `member_identities`: openid and unionid at login, phone when bound, device ids at login. The first
 * member an identifier was written for keeps it (one upsert that changes nothing on a repeat); an identifier
 * already owned by another member is left alone: joining two members is a deliberate merge, never a side
 * effect of a login on a shared phone or device.
 */
@Injectable()
export class MemberIdentitiesService {
  async attach(manager: EntityManager, memberId: number, kind: MemberIdentityKind, value: string | null | undefined): Promise<void> {
    if (!value) return;
    await upsertRow(manager, MemberIdentityRow, { kind, value, memberId }, ['kind', 'value'], {
      memberId: (sql) => sql.column('memberId'),
    });
  }
}
