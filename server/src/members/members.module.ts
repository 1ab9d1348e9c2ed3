import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff/staff.module';
import { AdminMembersController } from './admin-members.controller';
import { Member } from './member.entity';
import { MembersController } from './members.controller';
import { MemberEventPublisher } from './member-events';
import { MembersService } from './members.service';

@Module({
  imports: [TypeOrmModule.forFeature([Member]), StaffModule],
  controllers: [MembersController, AdminMembersController],
  providers: [MembersService, MemberEventPublisher],
  exports: [MembersService],
})
export class MembersModule {}
