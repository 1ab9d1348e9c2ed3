import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { StaffModule } from '../../staff/staff.module';
import { JobRegistry } from './job-registry';
import { JobStore } from './job-store';
import { JobsController } from './jobs.controller';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRow } from './job.entity';

/** The job registry: finds every PeriodicSweep provider, runs it on its interval, and the owner's 任务 endpoints. */
@Module({
  imports: [TypeOrmModule.forFeature([JobRow]), DiscoveryModule, StaffModule],
  controllers: [JobsController],
  providers: [JobRegistry, JobStore],
  exports: [JobRegistry],
})
export class JobsModule {}
