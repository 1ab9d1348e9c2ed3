import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  COUPON_ADMIN_ROLES,
  COUPON_ISSUE_ROLES,
  COUPON_READ_ROLES,
  type AdminCouponTemplate,
  type CouponTemplateStats,
  type IssueCouponsResponse,
  type Paginated,
} from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { Roles } from '../platform/auth/staff-auth.guard';
import { CouponGrantService } from './coupon-grant.service';
import { AdminCouponTemplateQueryDto, CreateCouponTemplateDto, IssueCouponsDto, UpdateCouponTemplateDto } from './coupon-template.dto';
import { CouponTemplatesService } from './coupon-templates.service';

/** Coupon templates in the admin console. */
@Controller('admin/coupon-templates')
export class AdminCouponTemplatesController {
  constructor(
    private readonly templates: CouponTemplatesService,
    private readonly grants: CouponGrantService,
  ) {}

  @Get()
  @Roles(...COUPON_READ_ROLES)
  list(@Query() query: AdminCouponTemplateQueryDto): Promise<Paginated<AdminCouponTemplate>> {
    return this.templates.list(query);
  }

  @Post()
  @Roles(...COUPON_ADMIN_ROLES)
  create(@Body() body: CreateCouponTemplateDto): Promise<AdminCouponTemplate> {
    return this.templates.create(body);
  }

  @Get(':id')
  @Roles(...COUPON_READ_ROLES)
  get(@Param('id', ParseIdPipe) id: number): Promise<AdminCouponTemplate> {
    return this.templates.get(id);
  }

  @Patch(':id')
  @Roles(...COUPON_ADMIN_ROLES)
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateCouponTemplateDto): Promise<AdminCouponTemplate> {
    return this.templates.update(id, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(...COUPON_ADMIN_ROLES)
  pause(@Param('id', ParseIdPipe) id: number): Promise<AdminCouponTemplate> {
    return this.templates.transition(id, 'pause');
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...COUPON_ADMIN_ROLES)
  resume(@Param('id', ParseIdPipe) id: number): Promise<AdminCouponTemplate> {
    return this.templates.transition(id, 'resume');
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles(...COUPON_ADMIN_ROLES)
  end(@Param('id', ParseIdPipe) id: number): Promise<AdminCouponTemplate> {
    return this.templates.transition(id, 'end');
  }

  @Get(':id/stats')
  @Roles(...COUPON_READ_ROLES)
  stats(@Param('id', ParseIdPipe) id: number): Promise<CouponTemplateStats> {
    return this.templates.stats(id);
  }

  @Post(':id/issue')
  @HttpCode(200)
  @Roles(...COUPON_ISSUE_ROLES)
  issue(@Param('id', ParseIdPipe) id: number, @Body() body: IssueCouponsDto): Promise<IssueCouponsResponse> {
    return this.grants.issue(id, body);
  }
}
