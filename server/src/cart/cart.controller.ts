import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards } from '@nestjs/common';
import type { CartResponse } from '../../../shared';
import { CurrentMemberId, MemberAuthGuard } from '../platform/auth/member-auth.guard';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { AddCartItemDto, SelectAllCartItemsDto, UpdateCartItemDto } from './cart.dto';
import { CartService } from './cart.service';

/** The shopper's cart. */
@Controller('cart')
@UseGuards(MemberAuthGuard)
export class CartController {
  constructor(private readonly cart: CartService) {}

  @Get()
  view(@CurrentMemberId() memberId: number): Promise<CartResponse> {
    return this.cart.view(memberId);
  }

  @Post('items')
  @HttpCode(200)
  add(@CurrentMemberId() memberId: number, @Body() body: AddCartItemDto): Promise<CartResponse> {
    return this.cart.add(memberId, body);
  }

  @Patch('items/:id')
  update(
    @CurrentMemberId() memberId: number,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateCartItemDto,
  ): Promise<CartResponse> {
    return this.cart.update(memberId, id, body);
  }

  @Delete('items/:id')
  remove(@CurrentMemberId() memberId: number, @Param('id', ParseIdPipe) id: number): Promise<CartResponse> {
    return this.cart.remove(memberId, id);
  }

  @Put('selection')
  selectAll(@CurrentMemberId() memberId: number, @Body() body: SelectAllCartItemsDto): Promise<CartResponse> {
    return this.cart.selectAll(memberId, body.selected);
  }
}
