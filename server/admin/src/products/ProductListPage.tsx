import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { AdminProductRow } from '@shared/api/admin';
import type { CategoryNode } from '@shared/api/catalog';
import { formatYuan } from '@shared/money';
import { Button, Image, Popconfirm, Space, Switch, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { canAdjustStock, canEditCatalog } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { fetchCategoryTree } from '@/categories/categories-api';
import { categoryOptions } from '@/categories/category-tree';
import { notifyError, notifySuccess } from '@/common/feedback';
import { tableRows } from '@/common/table-rows';
import { deleteProduct, fetchProducts, setShelf } from './products-api';
import { ProductBulkActions } from './ProductBulkActions';
import { StockAdjustModal } from './StockAdjustModal';

/** The filter form's values as ProTable hands them over (select values arrive as strings). */
interface ProductFilters {
  current?: number;
  pageSize?: number;
  keyword?: string;
  categoryId?: number;
  onShelf?: 'true' | 'false';
}

export default function ProductListPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const tableRef = useRef<ActionType>();
  const [categories, setCategories] = useState<CategoryNode[]>([]);
  const [stockTarget, setStockTarget] = useState<AdminProductRow | null>(null);
  const editable = canEditCatalog(staff.role);
  // Products ticked for a bulk action (this page's rows).
  const [selected, setSelected] = useState<AdminProductRow[]>([]);

  useEffect(() => {
    // The category filter is a convenience: without it the list still works, so a failure stays quiet.
    fetchCategoryTree().then(setCategories).catch(() => setCategories([]));
  }, []);

  const columns: ProColumns<AdminProductRow>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '商品名称' } },
    {
      title: '分类',
      dataIndex: 'categoryId',
      hideInTable: true,
      renderFormItem: () => (
        <TreeSelect treeData={categoryOptions(categories)} allowClear placeholder="全部分类" treeDefaultExpandAll />
      ),
    },
    {
      title: '封面',
      dataIndex: 'coverUrl',
      search: false,
      width: 72,
      render: (_, row) =>
        row.coverUrl ? <Image src={row.coverUrl} width={48} height={48} style={{ objectFit: 'cover' }} /> : '—',
    },
    {
      title: '商品',
      dataIndex: 'title',
      search: false,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{row.title}</Typography.Text>
          <Space size={4}>
            <Typography.Text type="secondary">ID {row.id}</Typography.Text>
            {!row.memberPriceEnabled && <Tag>不参与会员价</Tag>}
          </Space>
        </Space>
      ),
    },
    { title: '分类', dataIndex: 'categoryName', search: false },
    { title: '价格', dataIndex: 'minPriceFen', search: false, tooltip: '各规格中的最低价', render: (_, row) => formatYuan(row.minPriceFen) },
    {
      title: '总库存',
      dataIndex: 'totalStock',
      search: false,
      render: (_, row) => (row.totalStock > 0 ? row.totalStock : <Tag color="red">售罄</Tag>),
    },
    { title: '实际销量', dataIndex: 'salesCount', search: false, tooltip: '本店已付款订单的件数，扣除退款' },
    { title: '基础销量', dataIndex: 'baseSalesCount', search: false, tooltip: '店主填写的起始销量；商城「已售」= 基础销量 + 实际销量' },
    {
      title: '上架状态',
      dataIndex: 'onShelf',
      valueType: 'select',
      valueEnum: { true: { text: '上架中' }, false: { text: '已下架' } },
      render: (_, row) =>
        editable ? (
          <ShelfSwitch row={row} onChanged={() => tableRef.current?.reload()} />
        ) : (
          <Tag color={row.onShelf ? 'green' : 'default'}>{row.onShelf ? '上架中' : '已下架'}</Tag>
        ),
    },
    { title: '更新时间', dataIndex: 'updatedAt', valueType: 'dateTime', search: false },
    {
      title: '操作',
      valueType: 'option',
      hideInTable: !editable && !canAdjustStock(staff.role),
      render: (_, row) => [
        editable && (
          <Link key="edit" to={`/products/${row.id}/edit`} aria-label={`编辑 ${row.title}`}>
            编辑
          </Link>
        ),
        canAdjustStock(staff.role) && (
          <a key="stock" onClick={() => setStockTarget(row)} aria-label={`调整库存 ${row.title}`}>
            调整库存
          </a>
        ),
        editable && <DeleteProductLink key="delete" row={row} onDeleted={() => tableRef.current?.reload()} />,
      ],
    },
  ];

  return (
    <PageContainer title="商品管理" subTitle={editable ? undefined : '当前角色只能查看商品'}>
      <ProTable<AdminProductRow, ProductFilters>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        rowSelection={editable ? { selectedRowKeys: selected.map((row) => row.id), onChange: (_, rows) => setSelected(rows) } : false}
        tableAlertOptionRender={() => (
          <ProductBulkActions
            selected={selected}
            onDone={() => {
              setSelected([]);
              tableRef.current?.reload();
            }}
          />
        )}
        toolBarRender={() =>
          editable
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/products/new')}>
                  新建商品
                </Button>,
              ]
            : []
        }
        request={({ current = 1, pageSize = 20, keyword, categoryId, onShelf }) =>
          tableRows(
            fetchProducts({
              page: current,
              pageSize,
              keyword: keyword?.trim() || undefined,
              categoryId,
              onShelf: onShelf === undefined ? undefined : onShelf === 'true',
            }),
          )
        }
      />
      {stockTarget && (
        <StockAdjustModal
          productId={stockTarget.id}
          productTitle={stockTarget.title}
          onClose={() => setStockTarget(null)}
          onAdjusted={() => tableRef.current?.reload()}
        />
      )}
    </PageContainer>
  );
}

function ShelfSwitch({ row, onChanged }: { row: AdminProductRow; onChanged: () => void }) {
  const [saving, setSaving] = useState(false);
  return (
    <Popconfirm
      title={row.onShelf ? `下架「${row.title}」？` : `上架「${row.title}」？`}
      description={row.onShelf ? '下架后顾客将看不到这件商品。' : '上架后顾客即可浏览和购买。'}
      okText={row.onShelf ? '确认下架' : '确认上架'}
      cancelText="取消"
      onConfirm={async () => {
        setSaving(true);
        try {
          await setShelf(row.id, !row.onShelf);
          notifySuccess(row.onShelf ? '已下架' : '已上架');
          onChanged();
        } catch (error) {
          notifyError(error);
        } finally {
          setSaving(false);
        }
      }}
    >
      <Switch
        checked={row.onShelf}
        loading={saving}
        checkedChildren="上架"
        unCheckedChildren="下架"
        aria-label={`上架状态 ${row.title}`}
        data-testid={`shelf-switch-${row.id}`}
      />
    </Popconfirm>
  );
}

function DeleteProductLink({ row, onDeleted }: { row: AdminProductRow; onDeleted: () => void }) {
  return (
    <Popconfirm
      title={`删除「${row.title}」？`}
      description="删除后顾客和后台都看不到这件商品，且不能恢复；已有订单不受影响。"
      okText="确认删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={async () => {
        try {
          await deleteProduct(row.id);
          notifySuccess('已删除');
          onDeleted();
        } catch (error) {
          notifyError(error);
        }
      }}
    >
      <Typography.Link type="danger" aria-label={`删除 ${row.title}`}>
        删除
      </Typography.Link>
    </Popconfirm>
  );
}
