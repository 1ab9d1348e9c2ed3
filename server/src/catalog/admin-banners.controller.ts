import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { SHOP_SETTINGS_ROLES, type AdminBanner } from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { Roles } from '../platform/auth/staff-auth.guard';
import { BannersService } from './banners.service';
import { ReorderBannersDto, SaveBannerDto } from './banner.dto';

/** The home carousel in 店铺设置 (the roles that edit the shop's settings). */
@Controller('admin/banners')
@Roles(...SHOP_SETTINGS_ROLES)
export class AdminBannersController {
  constructor(private readonly banners: BannersService) {}

  @Get()
  list(): Promise<AdminBanner[]> {
    return this.banners.list();
  }

  @Post()
  create(@Body() body: SaveBannerDto): Promise<AdminBanner> {
    return this.banners.create(body);
  }

  // Declared before ':id' so "order" is never read as an id.
  @Put('order')
  reorder(@Body() body: ReorderBannersDto): Promise<AdminBanner[]> {
    return this.banners.reorder(body.ids);
  }

  @Put(':id')
  update(@Param('id', ParseIdPipe) id: number, @Body() body: SaveBannerDto): Promise<AdminBanner> {
    return this.banners.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.banners.remove(id);
  }
}
