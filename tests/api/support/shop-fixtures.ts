import type { AdminProductDetail, SaveAddressRequest, SaveProductRequest } from '../../../shared';
import { ProductRow } from '../../../server/src/catalog/product.entity';
import { SkuRow } from '../../../server/src/catalog/sku.entity';
import { API, bearer, PNG_1X1, staffToken, type TestApp } from './test-app';

/** Products made through the admin API, as staff would, for the cart and order suites. */
export class ShopFixtures {
  private operator = '';
  private categoryId = 0;
  private imageUrl = '';
  private count = 0;

  constructor(private readonly t: TestApp) {}

  async init(): Promise<void> {
    this.operator = await staffToken(this.t, 'operator');
    const tree = (await this.t.api().get(`${API}/categories`).expect(200)).body;
    this.categoryId = tree[0].children[0].id;
    this.imageUrl = (await this.t.api().post(`${API}/admin/uploads`).set(bearer(this.operator)).attach('file', PNG_1X1, 'p.png').expect(201)).body.url;
  }

  /** A product with one SKU per price given (spec values 规格1, 规格2, …). */
  async product(skus: { priceFen: number; stock: number }[], overrides: Partial<SaveProductRequest> = {}): Promise<AdminProductDetail> {
    this.count += 1;
    const values = skus.map((_, index) => `规格${index + 1}`);
    const body: SaveProductRequest = {
      categoryId: this.categoryId,
      title: `测试商品${this.count}`,
      subtitle: '',
      images: [this.imageUrl],
      detail: [],
      tags: [],
      onShelf: true,
      specs: [{ name: '规格', values }],
      skus: skus.map((sku, index) => ({ specValues: [values[index]], priceFen: sku.priceFen, stock: sku.stock })),
      ...overrides,
    };
    return (await this.t.api().post(`${API}/admin/products`).set(bearer(this.operator)).send(body).expect(201)).body;
  }

  /** A one-SKU product; answers the SKU id. */
  async sku(priceFen: number, stock: number): Promise<number> {
    return (await this.product([{ priceFen, stock }])).skus[0].id;
  }

  async setShelf(productId: number, onShelf: boolean): Promise<void> {
    await this.t.api().patch(`${API}/admin/products/${productId}/shelf`).set(bearer(this.operator)).send({ onShelf }).expect(200);
  }

  async stockOf(skuId: number): Promise<number> {
    return (await this.t.dataSource.getRepository(SkuRow).findOneByOrFail({ id: skuId })).stock;
  }

  async productTotalStock(productId: number): Promise<number> {
    return (await this.t.dataSource.getRepository(ProductRow).findOneByOrFail({ id: productId })).totalStock;
  }

  /** Sets a SKU's price directly, as an edit in the console would. */
  async setPrice(skuId: number, priceFen: number): Promise<void> {
    await this.t.dataSource.getRepository(SkuRow).update({ id: skuId }, { priceFen });
  }

  async address(token: string, overrides: Partial<SaveAddressRequest> = {}): Promise<number> {
    const response = await this.t.api().post(`${API}/addresses`).set(bearer(token)).send({ ...ADDRESS, ...overrides }).expect(201);
    return response.body.id;
  }
}

export const ADDRESS: SaveAddressRequest = {
  recipientName: '张三',
  phone: '13800001111',
  provinceName: '浙江省',
  cityName: '杭州市',
  districtName: '西湖区',
  regionCode: '330106',
  detail: '文三路 100 号 1 幢 101 室',
};
