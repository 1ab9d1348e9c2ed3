import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import type { Address } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { SaveAddressDto } from './address.dto';
import { AddressesService } from './addresses.service';

/** The shopper's address book. */
@Controller('addresses')
@UseGuards(MemberAuthGuard)
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  list(@CurrentMemberId() memberId: number): Promise<Address[]> {
    return this.addresses.list(memberId);
  }

  @Post()
  create(@CurrentMemberId() memberId: number, @Body() body: SaveAddressDto): Promise<Address> {
    return this.addresses.create(memberId, body);
  }

  @Put(':id')
  update(
    @CurrentMemberId() memberId: number,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: SaveAddressDto,
  ): Promise<Address> {
    return this.addresses.update(memberId, id, body);
  }

  @Post(':id/default')
  @HttpCode(200)
  setDefault(@CurrentMemberId() memberId: number, @Param('id', ParseIdPipe) id: number): Promise<Address> {
    return this.addresses.setDefault(memberId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentMemberId() memberId: number, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.addresses.remove(memberId, id);
  }
}
