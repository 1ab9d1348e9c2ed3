import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { JOB_ADMIN_ROLES, type AdminJobList, type JobRunResult } from '../../../../shared';
import { Roles } from '../auth/staff-auth.guard';
import { ApiException } from '../errors/api-exception';
import { JobRegistry } from './job-registry';

/** 任务 in the console: the periodic jobs, and running one at once (the owner). */
@Controller('admin/jobs')
@Roles(...JOB_ADMIN_ROLES)
export class JobsController {
  constructor(private readonly registry: JobRegistry) {}

  @Get()
  async list(): Promise<AdminJobList> {
    return { instanceId: this.registry.instanceId, jobs: await this.registry.list() };
  }

  @Post(':name/run')
  @HttpCode(200)
  async run(@Param('name') name: string): Promise<JobRunResult> {
    if (!this.registry.has(name)) throw new ApiException('JOB_NOT_FOUND', HttpStatus.NOT_FOUND, `没有名为“${name.slice(0, 64)}”的任务`);
    const outcome = await this.registry.runNow(name);
    if (outcome.status === 'lease-held') {
      throw new ApiException('JOB_LEASE_HELD', HttpStatus.CONFLICT, '另一台服务器正在负责这个任务（持有租约），请稍后再试或等它下次运行');
    }
    if (outcome.status === 'running') throw new ApiException('JOB_RUNNING', HttpStatus.CONFLICT, '这个任务正在运行，请等它结束后再试');
    return { name, rowsChanged: outcome.rowsChanged, durationMs: outcome.durationMs, error: outcome.error };
  }
}
