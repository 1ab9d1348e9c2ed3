import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffLoginAttemptsRow } from './login-attempts.entity';
import { LoginThrottleService } from './login-throttle.service';
import { StaffAuthGuard } from '../platform/auth/staff-auth.guard';
import { StaffController } from './staff.controller';
import { StaffRow } from './staff.entity';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffLoginAttemptsRow, StaffRow])],
  controllers: [StaffController],
  providers: [StaffService, LoginThrottleService, StaffAuthGuard],
  // Other domains guard their admin endpoints with @Roles, which needs the guard and the Staff repository.
  exports: [StaffService, StaffAuthGuard, TypeOrmModule],
})
export class StaffModule {}
