import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttributionModule } from '../attribution/attribution.module';
import { StaffModule } from '../staff/staff.module';
import { AdminMembersController } from './admin-members.controller';
import { MemberRow } from './member.entity';
import { MembersController } from './members.controller';
import { MemberEventPublisher } from './member-events';
import { MembersService } from './members.service';
import { PrivacyConsentService } from './privacy-consent.service';
import { PrivacyController } from './privacy.controller';
import { MemberPrivacyConsentRow } from './privacy-consent.entity';

@Module({
  imports: [TypeOrmModule.forFeature([MemberRow, MemberPrivacyConsentRow]), StaffModule, AttributionModule],
  controllers: [MembersController, AdminMembersController, PrivacyController],
  providers: [MembersService, MemberEventPublisher, PrivacyConsentService],
  exports: [MembersService],
})
export class MembersModule {}
