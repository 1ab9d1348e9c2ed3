import { describe, expect, it } from 'vitest';
import { canAdjustPoints, canAdjustStock, canCancelOrders, canConfirmReturnReceipt, canEditCatalog, canHandleAfterSales, canManageGroupBuy, canManageLive, canOpen, canShipOrders, homePathFor, menuFor } from './access';

const menuNames = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((entry) => entry.name);

describe('menuFor', () => {
  it('gives the owner every page', () => {
    expect(menuNames('owner')).toEqual(['经营概览', '商品管理', '分类管理', '订单管理', '批量发货', '售后处理', '会员管理', '会员等级', '优惠券', '拼团活动', '直播管理', '推广员', '佣金明细', '提现审核', '分销设置', '邀请有礼', '推广报表', '复购分析', '待复购会员', '店铺设置', '员工管理', '任务']);
  });

  it('gives an operator the catalog, orders, members, member levels, coupons, withdrawals, invite rewards and settings but not staff', () => {
    expect(menuNames('operator')).toEqual(['经营概览', '商品管理', '分类管理', '订单管理', '批量发货', '售后处理', '会员管理', '会员等级', '优惠券', '拼团活动', '直播管理', '推广员', '佣金明细', '提现审核', '分销设置', '邀请有礼', '推广报表', '复购分析', '待复购会员', '店铺设置']);
  });

  it('gives customer service orders and after-sales but not shipping or settings', () => {
    expect(menuNames('customer_service')).toEqual(['商品管理', '订单管理', '售后处理', '会员管理', '优惠券', '拼团活动', '直播管理', '推广员', '佣金明细', '分销设置', '邀请有礼', '待复购会员']);
  });

  it('gives the warehouse products, orders, shipping and the after-sale queue (to confirm returned parcels)', () => {
    expect(menuNames('warehouse')).toEqual(['商品管理', '订单管理', '批量发货', '售后处理']);
  });
});

describe('homePathFor', () => {
  it('lands owners and operators on 经营概览, the other roles where they always did', () => {
    expect(homePathFor('owner')).toBe('/overview');
    expect(homePathFor('operator')).toBe('/overview');
    expect(homePathFor('customer_service')).toBe('/products');
    expect(homePathFor('warehouse')).toBe('/products');
  });
});

describe('actions', () => {
  it('lets only catalog roles edit products', () => {
    expect(canEditCatalog('operator')).toBe(true);
    expect(canEditCatalog('warehouse')).toBe(false);
    expect(canOpen('customer_service', 'productEdit')).toBe(false);
  });

  it('lets the warehouse adjust stock but not customer service', () => {
    expect(canAdjustStock('warehouse')).toBe(true);
    expect(canAdjustStock('customer_service')).toBe(false);
  });

  it('follows the order role lists for shipping, cancelling and after-sales', () => {
    expect(canShipOrders('warehouse')).toBe(true);
    expect(canShipOrders('customer_service')).toBe(false);
    expect(canCancelOrders('customer_service')).toBe(true);
    expect(canCancelOrders('warehouse')).toBe(false);
    expect(canHandleAfterSales('customer_service')).toBe(true);
    expect(canHandleAfterSales('warehouse')).toBe(false);
    expect(canConfirmReturnReceipt('warehouse')).toBe(true);
    expect(canOpen('warehouse', 'afterSales')).toBe(true);
    expect(canOpen('customer_service', 'shopSettings')).toBe(false);
  });

  it('lets owners and operators configure member levels, and customer service adjust points but not levels', () => {
    expect(canOpen('operator', 'memberLevels')).toBe(true);
    expect(canOpen('customer_service', 'memberLevels')).toBe(false);
    expect(canAdjustPoints('customer_service')).toBe(true);
    expect(canAdjustPoints('warehouse')).toBe(false);
  });

  it('lets customer service read 拼团活动 but only owners and operators create, edit or end campaigns; the warehouse sees none', () => {
    expect(canOpen('customer_service', 'groupBuy')).toBe(true);
    expect(canOpen('warehouse', 'groupBuy')).toBe(false);
    expect(canManageGroupBuy('owner')).toBe(true);
    expect(canManageGroupBuy('operator')).toBe(true);
    expect(canManageGroupBuy('customer_service')).toBe(false);
    expect(canManageGroupBuy('warehouse')).toBe(false);
  });
});

describe('直播管理', () => {
  it('lets customer service read 直播管理 but only owners and operators create, edit, start, end or cancel sessions; the warehouse sees none', () => {
    expect(canOpen('customer_service', 'live')).toBe(true);
    expect(canOpen('warehouse', 'live')).toBe(false);
    expect(canManageLive('owner')).toBe(true);
    expect(canManageLive('operator')).toBe(true);
    expect(canManageLive('customer_service')).toBe(false);
    expect(canManageLive('warehouse')).toBe(false);
  });
});
