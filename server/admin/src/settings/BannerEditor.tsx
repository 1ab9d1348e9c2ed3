import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { DragSortTable, ModalForm, ProFormRadio, ProFormSelect, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { MAX_BANNERS, type AdminBanner } from '@shared/api/banners';
import { BANNER_LINK_TYPE_LABELS, BANNER_LINK_TYPES, type CategoryNode } from '@shared/api/catalog';
import { Alert, Button, Card, Empty, Form, Image, Popconfirm, Space, Switch, Tag, TreeSelect, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { fetchCategoryTree } from '@/categories/categories-api';
import { categoryOptions } from '@/categories/category-tree';
import { notifyError, notifySuccess } from '@/common/feedback';
import { SingleImageInput } from '@/common/ImageListInput';
import { RemoteContent } from '@/common/RemoteContent';
import { useRemoteData } from '@/common/useRemoteData';
import { RemoteSearchSelect } from '@/coupons/RemoteSearchSelect';
import { searchProductOptions } from '@/products/products-api';
import {
  bannerLinkText,
  bannerToForm,
  formToBannerRequest,
  movedIds,
  newBannerFormValues,
  STOREFRONT_PAGE_OPTIONS,
  type BannerFormValues,
} from './banner-form';
import { createBanner, deleteBanner, fetchBanners, reorderBanners, updateBanner } from './settings-api';

interface BannerData {
  banners: AdminBanner[];
  categories: CategoryNode[];
}

/** 首页轮播图: the carousel in order, with image, link, on/off, up/down, edit and delete (after a confirmation). */
export function BannerEditor() {
  const load = useCallback(async (): Promise<BannerData> => {
    const [banners, categories] = await Promise.all([fetchBanners(), fetchCategoryTree()]);
    return { banners, categories };
  }, []);
  const { state, reload, refresh } = useRemoteData(load);
  const [editing, setEditing] = useState<AdminBanner | 'new' | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs a change, then re-reads the list (also after a failure: someone else may have changed it). */
  const change = async (action: () => Promise<unknown>, doneText: string) => {
    setBusy(true);
    try {
      await action();
      notifySuccess(doneText);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <Card title="首页轮播图" extra={<Typography.Text type="secondary">最多 {MAX_BANNERS} 张，按顺序轮播；停用的不在首页显示</Typography.Text>}>
      <RemoteContent state={state} loadingTip="正在加载轮播图…" failedTitle="轮播图加载失败" onRetry={reload}>
        {({ banners, categories }) => (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="banner-editor">
            <Button type="primary" icon={<PlusOutlined />} disabled={banners.length >= MAX_BANNERS} onClick={() => setEditing('new')}>
              添加轮播图
            </Button>
            <DragSortTable<AdminBanner>
              rowKey="id"
              size="middle"
              search={false}
              options={false}
              toolBarRender={false}
              pagination={false}
              loading={busy}
              dataSource={banners}
              // Drag a row by its handle, or use the arrows; either way the whole new order is saved.
              dragSortKey="sortOrder"
              onDragSortEnd={(_, __, sorted) => change(() => reorderBanners(sorted.map((banner) => banner.id)), '顺序已保存')}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有轮播图，首页不显示轮播区" /> }}
              columns={[
                { title: '顺序', dataIndex: 'sortOrder', width: 90, render: (_, __, index) => index + 1 },
                { title: '图片', width: 180, render: (_, banner) => <Image src={banner.imageUrl} alt={banner.title} width={160} height={68} style={{ objectFit: 'cover', borderRadius: 6 }} /> },
                { title: '标题', dataIndex: 'title' },
                {
                  title: '点击后打开',
                  render: (_, banner) => (
                    <Space direction="vertical" size={2}>
                      <span>{bannerLinkText(banner)}</span>
                      {banner.linkBroken && <Tag color="warning">链接的商品已下架或删除，首页暂不显示</Tag>}
                    </Space>
                  ),
                },
                {
                  title: '启用',
                  width: 80,
                  render: (_, banner) => (
                    <Switch
                      aria-label={`启用「${banner.title}」`}
                      checked={banner.enabled}
                      onChange={(enabled) =>
                        change(() => updateBanner(banner.id, { ...formToBannerRequest(bannerToForm(banner)), enabled }), enabled ? '已启用' : '已停用')
                      }
                    />
                  ),
                },
                {
                  title: '操作',
                  width: 260,
                  render: (_, banner, index) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={`「${banner.title}」上移`}
                        disabled={index === 0}
                        onClick={() => change(() => reorderBanners(movedIds(banners.map((b) => b.id), index, -1)), '顺序已保存')}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={`「${banner.title}」下移`}
                        disabled={index === banners.length - 1}
                        onClick={() => change(() => reorderBanners(movedIds(banners.map((b) => b.id), index, 1)), '顺序已保存')}
                      />
                      <Button size="small" type="link" onClick={() => setEditing(banner)}>
                        编辑
                      </Button>
                      <Popconfirm
                        title={`删除轮播图「${banner.title}」？`}
                        description="删除后首页不再显示，且不能恢复。"
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={() => change(() => deleteBanner(banner.id), '轮播图已删除')}
                      >
                        <Button size="small" type="link" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
            {editing && (
              <BannerModal
                banner={editing === 'new' ? null : editing}
                categories={categories}
                onClose={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  refresh();
                }}
              />
            )}
          </Space>
        )}
      </RemoteContent>
    </Card>
  );
}

function BannerModal({ banner, categories, onClose, onSaved }: { banner: AdminBanner | null; categories: CategoryNode[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<BannerFormValues>();
  const linkType = Form.useWatch('linkType', form) ?? (banner ? banner.linkType : 'product');
  return (
    <ModalForm<BannerFormValues>
      title={banner ? '编辑轮播图' : '添加轮播图'}
      open
      form={form}
      width={560}
      initialValues={banner ? bannerToForm(banner) : newBannerFormValues()}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onFinish={async (values) => {
        try {
          const request = formToBannerRequest({ ...newBannerFormValues(), ...form.getFieldsValue(true), ...values });
          if (banner) await updateBanner(banner.id, request);
          else await createBanner(request);
          notifySuccess('轮播图已保存');
          onSaved();
          return true;
        } catch (error) {
          notifyError(error);
          return false;
        }
      }}
    >
      {banner?.linkBroken && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="链接的商品已下架或删除，首页暂不显示这张轮播图；请换一个链接或重新上架商品。" />}
      <ProFormText name="title" label="标题" fieldProps={{ maxLength: 40, showCount: true, 'aria-label': '轮播图标题' }} rules={[{ required: true, whitespace: true, message: '请填写标题' }]} />
      <Form.Item name="imageUrl" label="图片" tooltip="建议 750×320 像素" rules={[{ required: true, message: '请上传图片' }]}>
        <SingleImageInput data-testid="banner-image" />
      </Form.Item>
      <ProFormRadio.Group
        name="linkType"
        label="点击后打开"
        radioType="button"
        options={BANNER_LINK_TYPES.map((type) => ({ value: type, label: BANNER_LINK_TYPE_LABELS[type] }))}
      />
      {linkType === 'product' && (
        <Form.Item name="productId" label="商品" rules={[{ required: true, message: '请选择商品' }]}>
          <SingleProductSelect knownLabel={banner?.linkType === 'product' ? banner.linkLabel : null} />
        </Form.Item>
      )}
      {linkType === 'category' && (
        <Form.Item name="categoryId" label="分类" rules={[{ required: true, message: '请选择分类' }]}>
          <TreeSelect aria-label="链接分类" treeData={categoryOptions(categories)} treeDefaultExpandAll placeholder="选择分类" notFoundContent="暂无分类" />
        </Form.Item>
      )}
      {linkType === 'page' && (
        <ProFormSelect name="page" label="店铺页面" options={STOREFRONT_PAGE_OPTIONS} placeholder="选择页面" rules={[{ required: true, message: '请选择页面' }]} fieldProps={{ 'aria-label': '链接页面' }} />
      )}
      <ProFormSwitch name="enabled" label="启用" />
    </ModalForm>
  );
}

/** One product picked by search (the search select holds a list; the latest pick replaces the earlier one). */
function SingleProductSelect({ value, onChange, knownLabel }: { value?: number | null; onChange?: (id: number | null) => void; knownLabel: string | null }) {
  return (
    <RemoteSearchSelect
      aria-label="链接商品"
      placeholder="输入商品名称搜索"
      emptyText="没有找到商品"
      search={searchProductOptions}
      searchOnMount
      knownLabels={value && knownLabel ? [{ value, label: knownLabel }] : []}
      value={value ? [value] : []}
      onChange={(ids) => onChange?.(ids.length ? ids[ids.length - 1] : null)}
    />
  );
}
