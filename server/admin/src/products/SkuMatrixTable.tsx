import { specLabel } from '@shared/sku-matrix';
import { Alert, Button, Form, Input, InputNumber, Space, Table, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { yuanTextProblem } from '@/common/money-text';
import { yuanRules, YuanInput } from '@/common/YuanInput';
import { applyBulkValues, type BulkSkuValues, type SkuRowValues } from './sku-rows';

/** The server accepts at most this many SKUs per product. */
const MAX_SKUS = 200;

/** The price, original price, stock and code of every spec combination; rows come from the specs above. */
export function SkuMatrixTable({ form }: { form: FormInstance }) {
  // preserve: the rows' hidden values (key, id, spec values) have no input of their own.
  const rows: SkuRowValues[] = Form.useWatch('skus', { form, preserve: true }) ?? [];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rows.length > MAX_SKUS && (
        <Alert type="error" showIcon message={`规格组合共 ${rows.length} 个，最多 ${MAX_SKUS} 个，请减少规格值`} />
      )}
      <BulkFillBar onApply={(bulk) => form.setFieldValue('skus', applyBulkValues(form.getFieldValue('skus'), bulk))} />
      <Table<SkuRowValues & { index: number }>
        rowKey="key"
        size="small"
        pagination={false}
        data-testid="sku-matrix"
        dataSource={rows.map((row, index) => ({ ...row, index }))}
        columns={[
          { title: '规格', key: 'spec', render: (_, row) => specLabel(row.specValues) },
          {
            title: '价格（元）',
            key: 'price',
            render: (_, row) => (
              <Form.Item name={['skus', row.index, 'price']} rules={yuanRules({ required: true, positive: true })} style={{ marginBottom: 0 }}>
                <YuanInput aria-label={`价格 ${specLabel(row.specValues)}`} style={{ width: 130 }} />
              </Form.Item>
            ),
          },
          {
            title: '划线价（元）',
            key: 'originalPrice',
            render: (_, row) => (
              <Form.Item name={['skus', row.index, 'originalPrice']} rules={yuanRules({ required: false, positive: true })} style={{ marginBottom: 0 }}>
                <YuanInput aria-label={`划线价 ${specLabel(row.specValues)}`} placeholder="选填" style={{ width: 130 }} />
              </Form.Item>
            ),
          },
          {
            title: '库存',
            key: 'stock',
            render: (_, row) => (
              <Form.Item
                name={['skus', row.index, 'stock']}
                rules={[{ required: true, message: '请输入库存' }]}
                style={{ marginBottom: 0 }}
              >
                <InputNumber min={0} max={9_999_999} precision={0} aria-label={`库存 ${specLabel(row.specValues)}`} style={{ width: 110 }} />
              </Form.Item>
            ),
          },
          {
            title: 'SKU 编码',
            key: 'skuCode',
            render: (_, row) => (
              <Form.Item
                name={['skus', row.index, 'skuCode']}
                rules={[{ pattern: /^[A-Za-z0-9_-]*$/, message: '只能包含字母、数字、- 和 _' }]}
                style={{ marginBottom: 0 }}
              >
                <Input placeholder="留空自动生成" maxLength={40} aria-label={`SKU 编码 ${specLabel(row.specValues)}`} style={{ width: 160 }} />
              </Form.Item>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** "批量设置": fills the typed price, original price and stock into every row. */
function BulkFillBar({ onApply }: { onApply: (bulk: BulkSkuValues) => void }) {
  const [bulk, setBulk] = useState<BulkSkuValues>({});
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <Space wrap data-testid="sku-bulk-fill">
      <Typography.Text strong>批量设置</Typography.Text>
      <YuanInput
        aria-label="批量价格"
        placeholder="价格"
        style={{ width: 130 }}
        value={bulk.price}
        onChange={(event) => setBulk({ ...bulk, price: event.target.value })}
      />
      <YuanInput
        aria-label="批量划线价"
        placeholder="划线价"
        style={{ width: 130 }}
        value={bulk.originalPrice}
        onChange={(event) => setBulk({ ...bulk, originalPrice: event.target.value })}
      />
      <InputNumber
        aria-label="批量库存"
        placeholder="库存"
        min={0}
        max={9_999_999}
        precision={0}
        style={{ width: 110 }}
        value={bulk.stock}
        onChange={(stock) => setBulk({ ...bulk, stock })}
      />
      <Button
        onClick={() => {
          const amountProblem = [bulk.price, bulk.originalPrice]
            .map((text) => yuanTextProblem(text, { required: false, positive: true }))
            .find(Boolean);
          setProblem(amountProblem ?? null);
          if (amountProblem) return;
          onApply(bulk);
        }}
      >
        应用到全部规格
      </Button>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </Space>
  );
}
