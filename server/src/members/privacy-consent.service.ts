import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PRIVACY_POLICY_VERSION, type PrivacyConsent, type PrivacyPolicyCurrent } from '../../../shared';
import { ApiException } from '../platform/errors/api-exception';
import { MemberPrivacyConsentRow } from './privacy-consent.entity';

/** The current 隐私政策 version (shared/privacy.ts) and the members' acceptances of it. */
@Injectable()
export class PrivacyConsentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  current(): PrivacyPolicyCurrent {
    return { version: PRIVACY_POLICY_VERSION };
  }

  /** A client that shows an older (or made-up) version has not shown the shopper the policy in force. */
  assertCurrent(version: string): void {
    if (version !== PRIVACY_POLICY_VERSION) {
      throw new ApiException('PRIVACY_VERSION_MISMATCH', HttpStatus.BAD_REQUEST, '隐私政策已更新，请阅读最新版本后再同意', {
        currentVersion: PRIVACY_POLICY_VERSION,
      });
    }
  }

  /** Records the acceptance inside the caller's transaction; accepting the same version again keeps the first time. */
  async record(manager: EntityManager, memberId: number, version: string, now = new Date()): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(MemberPrivacyConsentRow)
      .values({ memberId, version, acceptedAt: now })
      .orIgnore()
      .execute();
  }

  /** The newest version the member accepted, or null. */
  async latestOf(memberId: number): Promise<PrivacyConsent | null> {
    const row = await this.dataSource
      .getRepository(MemberPrivacyConsentRow)
      .findOne({ where: { memberId }, order: { acceptedAt: 'DESC', id: 'DESC' } });
    return row ? { version: row.version, acceptedAt: row.acceptedAt.toISOString() } : null;
  }
}
