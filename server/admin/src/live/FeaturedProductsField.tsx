import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { LIVE_FEATURED_PRODUCTS_MAX } from '@shared/api/live';
import { formatYuan } from '@shared/money';
import { Button, Card, Form, Image, InputNumber, Space, Spin, Table, Tag, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { notifyError } from '@/common/feedback';
import { YuanInput } from '@/common/YuanInput';
import { RemoteSearchSelect } from '@/coupons/RemoteSearchSelect';
import { fetchProduct, searchProductOptions } from '@/products/products-api';
import { refuseIf } from '@/referral/referral-settings-form';
import { liveFieldProblem, livePriceProblem, productRowFor, unitQuotaProblem, type LiveFormValues, type LiveProductRow, type LiveSkuRow } from './live-form';

interface Props {
  form: FormInstance<LiveFormValues>;
  readOnly: boolean;
}

/**
 * 推荐商品: picked with the console's product search, shown in display order with 上移 / 下移 / 移除, each with its
 * SKUs, their list prices and the 直播专享价 and quota to sell them at while the session is live.
 */
export function FeaturedProductsField({ form, readOnly }: Props) {
  const products = (Form.useWatch('products', form) ?? form.getFieldValue('products') ?? []) as LiveProductRow[];
  const [adding, setAdding] = useState(0);

  /** The picker's new choice: products it no longer holds leave the list, new ones join at its end with their SKUs. */
  const pick = async (ids: number[]) => {
    if (ids.length > LIVE_FEATURED_PRODUCTS_MAX) {
      notifyError(`最多推荐 ${LIVE_FEATURED_PRODUCTS_MAX} 个商品`);
      return;
    }
    const current = (form.getFieldValue('products') ?? []) as LiveProductRow[];
    const added = ids.filter((id) => !current.some((row) => row.productId === id));
    form.setFieldValue('products', current.filter((row) => ids.includes(row.productId)));
    if (added.length === 0) return;
    setAdding((n) => n + 1);
    try {
      const details = await Promise.all(added.map((id) => fetchProduct(id)));
      const rows = details.map((detail) => productRowFor({ productId: detail.id, title: detail.title, image: detail.images[0] ?? null }, detail));
      const now = (form.getFieldValue('products') ?? []) as LiveProductRow[];
      form.setFieldValue('products', [...now, ...rows.filter((row) => !now.some((kept) => kept.productId === row.productId))]);
    } catch (error) {
      notifyError(error);
    } finally {
      setAdding((n) => n - 1);
    }
  };

  return (
    <Form.Item label="推荐商品" extra={`按顺序展示在直播页，最多 ${LIVE_FEATURED_PRODUCTS_MAX} 个；直播专享价只在直播中有效，须低于售价，留空则按原价`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <RemoteSearchSelect
          aria-label="推荐商品"
          placeholder="输入商品名称搜索并添加"
          emptyText="没有找到商品"
          search={searchProductOptions}
          searchOnMount
          knownLabels={products.map((row) => ({ value: row.productId, label: row.title }))}
          value={products.map((row) => row.productId)}
          onChange={pick}
          disabled={readOnly}
          style={{ width: '100%' }}
        />
        {adding > 0 && <Spin size="small" tip="正在加载商品规格…" />}
        <Form.List name="products" rules={[{ validator: async () => refuseIf(liveFieldProblem('products', form.getFieldsValue(true) as LiveFormValues)) }]}>
          {(fields, { move, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <ProductCard
                  key={field.key}
                  form={form}
                  name={field.name}
                  index={index}
                  count={fields.length}
                  readOnly={readOnly}
                  onMove={(to) => move(index, to)}
                  onRemove={() => remove(index)}
                />
              ))}
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Space>
    </Form.Item>
  );
}

interface ProductCardProps {
  form: FormInstance<LiveFormValues>;
  name: number;
  index: number;
  count: number;
  readOnly: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}

function ProductCard({ form, name, index, count, readOnly, onMove, onRemove }: ProductCardProps) {
  const row = form.getFieldValue(['products', name]) as LiveProductRow;
  return (
    <Card
      size="small"
      data-testid={`featured-product-${index}`}
      title={
        <Space>
          <Tag>{index + 1}</Tag>
          {row.image && <Image src={row.image} width={32} height={32} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} alt="" />}
          <Typography.Text ellipsis style={{ maxWidth: 420 }}>
            {row.title}
          </Typography.Text>
          {row.missing && <Tag color="error">商品已删除，请移除</Tag>}
        </Space>
      }
      extra={
        !readOnly && (
          <Space size={0}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={`上移 ${row.title}`} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={`下移 ${row.title}`} />
            <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`移除 ${row.title}`} />
          </Space>
        )
      }
    >
      {row.skus.length > 0 && (
        <Table<LiveSkuRow & { index: number }>
          size="small"
          rowKey="skuId"
          pagination={false}
          dataSource={row.skus.map((sku, skuIndex) => ({ ...sku, index: skuIndex }))}
          columns={[
            { title: '规格', render: (_, sku) => sku.specText || '默认规格' },
            { title: '售价', width: 110, render: (_, sku) => formatYuan(sku.listPriceFen) },
            {
              title: '直播专享价',
              width: 220,
              render: (_, sku) => <LivePriceCell form={form} productName={name} skuIndex={sku.index} label={`${row.title} ${sku.specText || '默认规格'}`} />,
            },
            {
              title: '限量（0 为不限）',
              width: 240,
              render: (_, sku) => <QuotaCell form={form} productName={name} skuIndex={sku.index} label={`${row.title} ${sku.specText || '默认规格'}`} unitsTaken={sku.unitsTaken} />,
            },
          ]}
        />
      )}
    </Card>
  );
}

interface SkuCellProps {
  form: FormInstance<LiveFormValues>;
  /** The product's index in the list (names inside Form.List are relative to it) and the SKU's in the product. */
  productName: number;
  skuIndex: number;
  label: string;
}

/** The SKU's path from the form's root, for reading values (Form.Item names below Form.List are relative). */
const skuPath = (productName: number, skuIndex: number): ['products', number, 'skus', number] => ['products', productName, 'skus', skuIndex];

function LivePriceCell({ form, productName, skuIndex, label }: SkuCellProps) {
  const path = skuPath(productName, skuIndex);
  return (
    <Form.Item
      name={[productName, 'skus', skuIndex, 'livePrice']}
      style={{ marginBottom: 0 }}
      rules={[{ validator: async () => refuseIf(livePriceProblem(form.getFieldValue(path) as LiveSkuRow)) }]}
    >
      <YuanInput aria-label={`直播价 ${label}`} placeholder="留空按原价" />
    </Form.Item>
  );
}

function QuotaCell({ form, productName, skuIndex, label, unitsTaken }: SkuCellProps & { unitsTaken: number }) {
  const path = skuPath(productName, skuIndex);
  // Re-rendered when the price changes (a watch would lag behind a row that moved): only a priced SKU has a quota.
  return (
    <Form.Item noStyle dependencies={[[...path, 'livePrice']]}>
      {() => (
        <Form.Item
          name={[productName, 'skus', skuIndex, 'unitQuota']}
          style={{ marginBottom: 0 }}
          extra={unitsTaken > 0 ? `已按直播价售出 ${unitsTaken} 件` : undefined}
          rules={[{ validator: async () => refuseIf(unitQuotaProblem(form.getFieldValue(path) as LiveSkuRow)) }]}
        >
          {/* undefined, not false, when priced: a read-only drawer disables it too. */}
          <InputNumber
            aria-label={`限量 ${label}`}
            addonAfter="件"
            disabled={!((form.getFieldValue([...path, 'livePrice']) as string | undefined) ?? '').trim() || undefined}
            style={{ width: 150 }}
          />
        </Form.Item>
      )}
    </Form.Item>
  );
}
