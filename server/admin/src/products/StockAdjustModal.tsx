import { ModalForm, ProFormDigit, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import type { AdminProductDetail } from '@shared/api/admin';
import { ErrorCode } from '@shared/errors';
import { specLabel } from '@shared/sku-matrix';
import { Alert, Button, Form } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '@/api/client';
import { notifyError, notifySuccess } from '@/common/feedback';
import { adjustStock, fetchProduct } from './products-api';
import { StockMovementsDrawer } from './StockMovementsDrawer';

interface StockAdjustModalProps {
  productId: number;
  productTitle: string;
  onClose: () => void;
  /** Called after a successful adjustment so the list can show the new total. */
  onAdjusted: () => void;
}

interface AdjustValues {
  skuId: number;
  delta: number;
  reason: string;
}

/** Adds or removes stock of one SKU; the server refuses a change that would take it below zero. */
export function StockAdjustModal({ productId, productTitle, onClose, onAdjusted }: StockAdjustModalProps) {
  const [form] = Form.useForm<AdjustValues>();
  const [product, setProduct] = useState<AdminProductDetail | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [ledgerOpen, setLedgerOpen] = useState(false);
  const selectedSkuId = Form.useWatch('skuId', form);
  const selectedSku = product?.skus.find((sku) => sku.id === selectedSkuId);

  useEffect(() => {
    fetchProduct(productId)
      .then((loaded) => {
        setProduct(loaded);
        if (loaded.skus.length === 1) form.setFieldsValue({ skuId: loaded.skus[0].id });
      })
      .catch((error: unknown) => {
        setLoadFailed(true);
        notifyError(error);
      });
  }, [productId, form]);

  return (
    <ModalForm<AdjustValues>
      title={`调整库存：${productTitle}`}
      open
      form={form}
      width={520}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '确认调整' }, submitButtonProps: { disabled: !product } }}
      onFinish={async (values) => {
        try {
          const { stock } = await adjustStock(values.skuId, { delta: values.delta, reason: values.reason.trim() });
          notifySuccess(`库存已调整，当前库存 ${stock}`);
          onAdjusted();
          onClose();
          return true;
        } catch (error) {
          if (error instanceof ApiRequestError && error.code === ErrorCode.STOCK_WOULD_GO_NEGATIVE) {
            form.setFields([{ name: 'delta', errors: [error.message] }]);
          } else {
            notifyError(error);
          }
          return false;
        }
      }}
    >
      {loadFailed && <Alert type="error" showIcon message="商品规格加载失败，请关闭后重试" style={{ marginBottom: 16 }} />}
      <ProFormSelect
        name="skuId"
        label="规格"
        placeholder={product ? '请选择要调整的规格' : '正在加载规格…'}
        fieldProps={{ loading: !product && !loadFailed, 'aria-label': '规格' }}
        options={(product?.skus ?? []).map((sku) => ({
          value: sku.id,
          label: `${specLabel(sku.specValues)}（${sku.skuCode}）· 当前库存 ${sku.stock}`,
        }))}
        rules={[{ required: true, message: '请选择规格' }]}
      />
      <Button type="link" style={{ padding: 0, marginTop: -16, marginBottom: 8 }} disabled={!selectedSku} onClick={() => setLedgerOpen(true)}>
        查看库存流水
      </Button>
      <ProFormDigit
        name="delta"
        label="调整数量"
        tooltip="正数为入库，负数为出库"
        placeholder="例如 20 或 -5"
        min={-1_000_000}
        max={1_000_000}
        fieldProps={{ precision: 0, 'aria-label': '调整数量' }}
        rules={[
          { required: true, message: '请输入调整数量' },
          {
            validator: async (_: unknown, value: number | undefined) => {
              if (value === 0) throw new Error('调整数量不能为 0');
            },
          },
        ]}
      />
      <ProFormText
        name="reason"
        label="原因"
        placeholder="例如：盘点入库、破损出库"
        fieldProps={{ maxLength: 100, 'aria-label': '调整原因' }}
        rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}
      />
      <StockMovementsDrawer
        sku={ledgerOpen && selectedSku ? { id: selectedSku.id, label: `${productTitle} ${specLabel(selectedSku.specValues)}` } : null}
        onClose={() => setLedgerOpen(false)}
      />
    </ModalForm>
  );
}
