import type { AdminProductDetail } from '@shared/api/admin';
import type { CategoryNode } from '@shared/api/catalog';
import { describe, expect, it } from 'vitest';
import {
  formFieldForServerField,
  formValuesToRequest,
  newProductFormValues,
  placeServerFieldErrors,
  productToFormValues,
  type ProductFormValues,
} from './product-form';

const categories: CategoryNode[] = [
  {
    id: 1,
    parentId: null,
    name: '绿茶',
    icon: null,
    sortOrder: 0,
    children: [{ id: 11, parentId: 1, name: '龙井', icon: null, sortOrder: 0, children: [] }],
  },
];

const product: AdminProductDetail = {
  id: 5,
  categoryId: 11,
  title: '明前龙井',
  subtitle: '春茶头采',
  images: ['/uploads/a.png'],
  detail: [{ type: 'text', text: '产自西湖' }],
  tags: ['新品'],
  onShelf: true,
  sortOrder: 3,
  memberPriceEnabled: false,
  salesCount: 12,
  baseSalesCount: 300,
  specs: [{ name: '规格', values: ['100g', '250g'] }],
  skus: [
    { id: 51, specValues: ['100g'], priceFen: 9900, originalPriceFen: 12800, stock: 8, skuCode: 'LJ-100' },
    { id: 52, specValues: ['250g'], priceFen: 21900, originalPriceFen: null, stock: 0, skuCode: 'LJ-250' },
  ],
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-02T00:00:00Z',
};

describe('product form round trip', () => {
  it('loads a product as yuan text and saves it back as the same request', () => {
    const values = productToFormValues(product, categories);
    expect(values.categoryPath).toEqual([1, 11]);
    expect(values.skus[0]).toMatchObject({ id: 51, price: '99.00', originalPrice: '128.00', stock: 8 });
    expect(values.skus[1].originalPrice).toBe('');

    expect(formValuesToRequest(values)).toEqual({
      categoryId: 11,
      title: '明前龙井',
      subtitle: '春茶头采',
      images: ['/uploads/a.png'],
      detail: [{ type: 'text', text: '产自西湖' }],
      tags: ['新品'],
      onShelf: true,
      sortOrder: 3,
      memberPriceEnabled: false,
      baseSalesCount: 300,
      specs: [{ name: '规格', values: ['100g', '250g'] }],
      // stockBefore: the stock as loaded, so a save that leaves it alone does not undo the orders placed meanwhile.
      skus: [
        { id: 51, specValues: ['100g'], priceFen: 9900, originalPriceFen: 12800, stock: 8, stockBefore: 8, skuCode: 'LJ-100' },
        { id: 52, specValues: ['250g'], priceFen: 21900, originalPriceFen: null, stock: 0, stockBefore: 0, skuCode: 'LJ-250' },
      ],
    });
  });

  it('sends the typed stock beside the stock the form loaded', () => {
    const values = productToFormValues(product, categories);
    values.skus[0].stock = 20;
    expect(formValuesToRequest(values).skus.map((sku) => [sku.stock, sku.stockBefore])).toEqual([
      [20, 8],
      [0, 0],
    ]);
  });

  it('sends a new product without ids or empty SKU codes, and drops blank detail blocks and tags', () => {
    const values: ProductFormValues = {
      ...newProductFormValues(),
      categoryPath: [1],
      title: ' 白茶 ',
      tags: [' 热卖 ', ' '],
      detail: [
        { type: 'text', text: '  ' },
        { type: 'image', url: '/uploads/d.png' },
      ],
      specs: [{ name: '规格', values: ['50g'] }, { name: '口味' }],
      skus: [{ key: '["50g"]', specValues: ['50g'], price: '0.29', originalPrice: '', stock: 3, skuCode: ' ' }],
    };
    const request = formValuesToRequest(values);
    expect(request.categoryId).toBe(1);
    expect(request.title).toBe('白茶');
    expect(request.tags).toEqual(['热卖']);
    expect(request.detail).toEqual([{ type: 'image', url: '/uploads/d.png' }]);
    expect(request.specs).toEqual([{ name: '规格', values: ['50g'] }]);
    expect(request.skus).toEqual([{ specValues: ['50g'], priceFen: 29, originalPriceFen: null, stock: 3 }]);
    // A new product takes the member price unless someone switches it off.
    expect(request.memberPriceEnabled).toBe(true);
  });
});

describe('server field errors', () => {
  it('maps request paths to form fields', () => {
    expect(formFieldForServerField('skus.0.priceFen')).toEqual(['skus', 0, 'price']);
    expect(formFieldForServerField('categoryId')).toEqual(['categoryPath']);
    expect(formFieldForServerField('specs.1.values')).toEqual(['specs', 1, 'values']);
  });

  it('keeps errors the form cannot place for a separate message', () => {
    const placed = placeServerFieldErrors(
      [
        { field: 'title', message: '标题过长' },
        { field: 'skus', message: 'SKU 与规格组合不一致' },
      ],
      (name) => name[0] === 'title',
    );
    expect(placed.onFields).toEqual([{ name: ['title'], errors: ['标题过长'] }]);
    expect(placed.unplaced).toEqual([{ field: 'skus', message: 'SKU 与规格组合不一致' }]);
  });
});
