import { FooterToolbar, PageContainer } from '@ant-design/pro-components';
import type { CategoryNode } from '@shared/api/catalog';
import { BASE_SALES_COUNT_MAX } from '@shared/api/admin';
import { App, Button, Card, Cascader, Form, Input, InputNumber, Result, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '@/api/client';
import { fetchCategoryTree } from '@/categories/categories-api';
import { categoryOptions } from '@/categories/category-tree';
import { errorText, notifyError, notifySuccess } from '@/common/feedback';
import { ImageListInput } from '@/common/ImageListInput';
import { PageSpinner } from '@/common/PageSpinner';
import { DetailBlocksEditor } from './DetailBlocksEditor';
import {
  formValuesToRequest,
  newProductFormValues,
  placeServerFieldErrors,
  productToFormValues,
  type ProductFormValues,
} from './product-form';
import { createProduct, fetchProduct, updateProduct } from './products-api';
import { SkuMatrixTable } from './SkuMatrixTable';
import { SpecEditor } from './SpecEditor';
import { effectiveSpecs, mergeSkuRows } from './sku-rows';

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** realSalesCount: units paid in the shop minus refunds; null for a new product. */
  | { status: 'ready'; categories: CategoryNode[]; initialValues: ProductFormValues; realSalesCount: number | null };

/** Creates a product (/products/new) or edits one (/products/:id/edit), SKU matrix included. */
export default function ProductEditPage() {
  const { id } = useParams();
  const productId = id ? Number(id) : null;
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const [form] = Form.useForm<ProductFormValues>();
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all([fetchCategoryTree(), productId ? fetchProduct(productId) : Promise.resolve(null)])
      .then(([categories, product]) => {
        if (cancelled) return;
        const initialValues = product ? productToFormValues(product, categories) : newProductFormValues();
        setLoad({ status: 'ready', categories, initialValues, realSalesCount: product?.salesCount ?? null });
      })
      .catch((error: unknown) => !cancelled && setLoad({ status: 'failed', message: errorText(error) }));
    return () => {
      cancelled = true;
    };
  }, [productId]);

  const title = productId ? '编辑商品' : '新建商品';
  if (load.status === 'loading') return <PageSpinner />;
  if (load.status === 'failed') {
    return (
      <Result
        status="error"
        title="商品加载失败"
        subTitle={load.message}
        extra={<Button onClick={() => navigate('/products')}>返回商品列表</Button>}
      />
    );
  }

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      notifyError('请先修正标红的内容');
      return;
    }
    // getFieldsValue(true) also returns the values without an input of their own (SKU ids, spec values of rows).
    const request = formValuesToRequest(form.getFieldsValue(true) as ProductFormValues);
    setSaving(true);
    try {
      if (productId) await updateProduct(productId, request);
      else await createProduct(request);
      notifySuccess('保存成功');
      navigate('/products');
    } catch (error) {
      showSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const showSaveError = (error: unknown) => {
    if (!(error instanceof ApiRequestError) || error.fieldErrors.length === 0) {
      notifyError(error);
      return;
    }
    const registered = form.getFieldsError().map((field) => JSON.stringify(field.name));
    const { onFields, unplaced } = placeServerFieldErrors(error.fieldErrors, (name) =>
      registered.includes(JSON.stringify(name)),
    );
    // The server's paths are checked against the registered fields above, so they name real form fields.
    type FormFields = Parameters<typeof form.setFields>[0];
    form.setFields(onFields as FormFields);
    if (onFields.length) form.scrollToField(onFields[0].name as FormFields[number]['name']);
    notification.error({
      message: error.message,
      description: unplaced.length ? (
        <ul style={{ paddingLeft: 16, margin: 0 }}>
          {unplaced.map((fieldError) => (
            <li key={fieldError.field}>{fieldError.message}</li>
          ))}
        </ul>
      ) : (
        '请修正标红的内容后再保存'
      ),
    });
  };

  return (
    <PageContainer title={title} onBack={() => navigate('/products')}>
      <Form<ProductFormValues>
        form={form}
        name="product"
        layout="vertical"
        initialValues={load.initialValues}
        onValuesChange={(changed: Partial<ProductFormValues>, all: ProductFormValues) => {
          // The SKU rows follow the specs: keep what was typed for combinations that still exist.
          if ('specs' in changed) form.setFieldValue('skus', mergeSkuRows(effectiveSpecs(all.specs), form.getFieldValue('skus')));
        }}
      >
        <Space direction="vertical" size="middle" style={{ width: '100%', paddingBottom: 64 }}>
          <Card title="基本信息">
            <Form.Item name="categoryPath" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
              <Cascader
                options={categoryOptions(load.categories)}
                changeOnSelect
                placeholder="请选择分类"
                style={{ maxWidth: 360 }}
                notFoundContent="暂无分类，请先到分类管理新建"
              />
            </Form.Item>
            <Form.Item name="title" label="商品标题" rules={[{ required: true, whitespace: true, message: '请输入商品标题' }]}>
              <Input maxLength={60} showCount placeholder="例如：明前西湖龙井 2024 新茶" />
            </Form.Item>
            <Form.Item name="subtitle" label="副标题">
              <Input maxLength={120} showCount placeholder="一句话卖点，选填" />
            </Form.Item>
            <Form.Item
              name="tags"
              label="标签"
              tooltip="输入后按回车添加，如 新品、热卖"
              rules={[{ type: 'array', defaultField: { max: 12, message: '每个标签最多 12 个字' } }]}
            >
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} maxCount={10} placeholder="选填" />
            </Form.Item>
            <Space size="large">
              <Form.Item name="sortOrder" label="排序" tooltip="数字越小越靠前">
                <InputNumber min={0} max={999999} precision={0} />
              </Form.Item>
              <Form.Item name="onShelf" label="上架" valuePropName="checked">
                <Switch checkedChildren="上架" unCheckedChildren="下架" />
              </Form.Item>
              <Form.Item
                name="memberPriceEnabled"
                label="参与会员价"
                valuePropName="checked"
                tooltip="开启后，会员按所在等级的会员价折扣购买此商品；关闭则所有会员按售价购买"
              >
                <Switch checkedChildren="参与" unCheckedChildren="不参与" />
              </Form.Item>
            </Space>
            <Form.Item
              name="baseSalesCount"
              label="基础销量"
              tooltip="开店前或其他渠道的销量，选填。商城显示的「已售」= 基础销量 + 本店实际销量"
              extra={load.realSalesCount !== null ? `本店实际销量 ${load.realSalesCount}（已付款订单件数，扣除退款；不可修改）` : '本店实际销量由已付款订单自动统计'}
            >
              <InputNumber min={0} max={BASE_SALES_COUNT_MAX} precision={0} data-testid="base-sales-count" />
            </Form.Item>
          </Card>

          <Card title="商品图片" extra={<Typography.Text type="secondary">第一张为封面，最多 9 张</Typography.Text>}>
            <Form.Item name="images" rules={[{ required: true, type: 'array', min: 1, message: '至少上传一张商品图片' }]} style={{ marginBottom: 0 }}>
              <ImageListInput firstLabel="封面" data-testid="product-images" />
            </Form.Item>
          </Card>

          <Card title="规格与价格库存">
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <SpecEditor />
              <SkuMatrixTable form={form} />
            </Space>
          </Card>

          <Card title="商品详情">
            <DetailBlocksEditor />
          </Card>
        </Space>
      </Form>
      <FooterToolbar>
        <Button onClick={() => navigate('/products')}>取消</Button>
        <Button type="primary" loading={saving} onClick={save} data-testid="product-save">
          保存商品
        </Button>
      </FooterToolbar>
    </PageContainer>
  );
}
