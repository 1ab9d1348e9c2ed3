import { describe, expect, it } from 'vitest';
import { canAdjustStock, canEditCatalog, canOpen, menuFor } from './access';

const menuNames = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((entry) => entry.name);

describe('menuFor', () => {
  it('gives the owner every page', () => {
    expect(menuNames('owner')).toEqual(['商品管理', '分类管理', '会员管理', '员工管理']);
  });

  it('gives an operator the catalog and members but not staff', () => {
    expect(menuNames('operator')).toEqual(['商品管理', '分类管理', '会员管理']);
  });

  it('gives customer service the product list and members only', () => {
    expect(menuNames('customer_service')).toEqual(['商品管理', '会员管理']);
  });

  it('gives the warehouse the product list only', () => {
    expect(menuNames('warehouse')).toEqual(['商品管理']);
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
});
