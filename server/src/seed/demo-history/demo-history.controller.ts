import { Controller, Delete, Get } from '@nestjs/common';
import { DEMO_DATA_ROLES, type DemoHistoryRemoved, type DemoHistoryStatus } from '../../../../shared';
import { Roles } from '../../platform/auth/staff-auth.guard';
import { DemoHistoryRemoval } from './demo-history-removal';

/** The owner sees whether the demo history is there and removes it in one go (the console asks for confirmation first). */
@Controller('admin/demo-history')
@Roles(...DEMO_DATA_ROLES)
export class DemoHistoryController {
  constructor(private readonly removal: DemoHistoryRemoval) {}

  @Get()
  status(): Promise<DemoHistoryStatus> {
    return this.removal.status();
  }

  @Delete()
  remove(): Promise<DemoHistoryRemoved> {
    return this.removal.remove();
  }
}
