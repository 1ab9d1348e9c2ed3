import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, ProFormSelect } from '@ant-design/pro-components';
import type { ProductCommissionRate } from '@shared/api/referral';
import { Button, Card, Popconfirm, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { notifyError, notifySuccess } from '@/common/feedback';
import { useRemoteData } from '@/common/useRemoteData';
import { searchProductOptions } from '@/products/products-api';
import { fetchProductRates, removeProductRate, saveProductRate } from './referral-api';
import { CommissionRateFields } from './CommissionRateFields';
import { bpToPercent, productRateText, ratesToRequest, rateText } from './referral-settings-form';

interface RateFormValues {
  productId: number;
  level1Rate: number;
  level2Rate: number | null;
}

/** Products with their own commission rates instead of the shop's: list, set (add or change), remove. */
export function ProductRatesCard({ canEdit }: { canEdit: boolean }) {
  const rates = useRemoteData(fetchProductRates);
  // The row being edited; 'new' for 添加商品.
  const [editing, setEditing] = useState<ProductCommissionRate | 'new' | null>(null);

  const remove = async (rate: ProductCommissionRate) => {
    try {
      await removeProductRate(rate.productId);
      notifySuccess(`已删除「${rate.productTitle}」的单独比例，改按店铺比例计算`);
      rates.refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Card
      title="商品单独佣金比例"
      extra={
        canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            设置商品比例
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">设了单独比例的商品按它自己的两级比例计算佣金（二级留空表示这个商品不给二级），其余商品用上面的店铺比例。已产生的佣金不受修改影响。</Typography.Paragraph>
      {rates.state.status === 'failed' ? (
        <Result status="error" title="商品比例加载失败" subTitle={rates.state.message} extra={<Button onClick={rates.reload}>重试</Button>} />
      ) : (
        <Table<ProductCommissionRate>
          rowKey="productId"
          className="product-rates-table"
          loading={rates.state.status === 'loading'}
          dataSource={rates.state.status === 'ready' ? rates.state.data : []}
          pagination={false}
          locale={{ emptyText: '还没有设置单独比例的商品，全部按店铺比例计算' }}
          columns={[
            { title: '商品', dataIndex: 'productTitle', render: (title: string, rate) => `${title}（ID ${rate.productId}）` },
            { title: '一级', dataIndex: 'level1RateBp', render: (bp: number) => rateText(bp) },
            { title: '二级', dataIndex: 'level2RateBp', render: (bp: number | null) => (bp === null ? '不设二级' : rateText(bp)) },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    render: (_: unknown, rate: ProductCommissionRate) => (
                      <Space>
                        <Button type="link" size="small" onClick={() => setEditing(rate)}>
                          修改
                        </Button>
                        <Popconfirm
                          title={`删除「${rate.productTitle}」的单独比例？`}
                          description="删除后这个商品按店铺比例计算佣金"
                          okText="删除"
                          okButtonProps={{ danger: true }}
                          cancelText="取消"
                          onConfirm={() => remove(rate)}
                        >
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing !== null && (
        <ProductRateModal
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            notifySuccess(`「${saved.productTitle}」：${productRateText(saved)}`);
            setEditing(null);
            rates.refresh();
          }}
        />
      )}
    </Card>
  );
}

function ProductRateModal({ editing, onClose, onSaved }: { editing: ProductCommissionRate | 'new'; onClose(): void; onSaved(rate: ProductCommissionRate): void }) {
  const existing = editing === 'new' ? null : editing;
  return (
    <ModalForm<RateFormValues>
      title={existing ? `修改「${existing.productTitle}」的佣金比例` : '设置商品佣金比例'}
      open
      width={520}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '保存比例', resetText: '取消' } }}
      initialValues={existing ? { productId: existing.productId, level1Rate: bpToPercent(existing.level1RateBp), level2Rate: existing.level2RateBp === null ? null : bpToPercent(existing.level2RateBp) } : { level2Rate: null }}
      onFinish={async (values) => {
        try {
          onSaved(await saveProductRate(values.productId, ratesToRequest(values.level1Rate, values.level2Rate)));
          return true;
        } catch (error) {
          notifyError(error);
          return false;
        }
      }}
    >
      <ProFormSelect
        name="productId"
        label="商品"
        disabled={existing !== null}
        showSearch
        debounceTime={300}
        request={async ({ keyWords }) => (existing ? [{ value: existing.productId, label: existing.productTitle }] : searchProductOptions(keyWords ?? ''))}
        fieldProps={{ filterOption: false, 'aria-label': '商品', placeholder: '输入商品名称搜索' }}
        rules={[{ required: true, message: '请选择商品' }]}
      />
      <CommissionRateFields ariaPrefix="商品" level2Placeholder="留空则这个商品不给二级" />
    </ModalForm>
  );
}
