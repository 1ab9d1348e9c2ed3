import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProFormDigit, ProFormSelect, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { CategoryNode } from '@shared/api/catalog';
import { Button, Form, Image, Popconfirm, Tag } from 'antd';
import { useRef, useState, type Key } from 'react';
import { notifyError, notifySuccess } from '@/common/feedback';
import { SingleImageInput } from '@/common/ImageListInput';
import { createCategory, deleteCategory, fetchCategoryTree, updateCategory } from './categories-api';

/** What the category dialog edits: a new top-level category, a new child of one, or an existing category. */
type EditTarget = { mode: 'create'; parentId: number | null } | { mode: 'edit'; category: CategoryNode };

interface CategoryFormValues {
  name: string;
  parentId: number | null;
  sortOrder: number;
  icon: string;
}

/** Top-level categories may hold children; a child never does (two levels at most). */
export default function CategoryPage() {
  const tableRef = useRef<ActionType>();
  const [tree, setTree] = useState<CategoryNode[]>([]);
  const [target, setTarget] = useState<EditTarget | null>(null);
  const [expandedIds, setExpandedIds] = useState<readonly Key[]>([]);

  const columns: ProColumns<CategoryNode>[] = [
    { title: '名称', dataIndex: 'name' },
    {
      title: '层级',
      key: 'level',
      render: (_, node) => (node.parentId === null ? <Tag color="blue">一级</Tag> : <Tag>二级</Tag>),
    },
    {
      title: '图标',
      dataIndex: 'icon',
      render: (_, node) => (node.icon ? <Image src={node.icon} width={32} height={32} /> : '—'),
    },
    { title: '排序', dataIndex: 'sortOrder', tooltip: '数字越小越靠前' },
    {
      title: '操作',
      valueType: 'option',
      render: (_, node) => [
        node.parentId === null && (
          <a key="child" onClick={() => setTarget({ mode: 'create', parentId: node.id })} aria-label={`新建子分类 ${node.name}`}>
            新建子分类
          </a>
        ),
        <a key="edit" onClick={() => setTarget({ mode: 'edit', category: node })} aria-label={`编辑分类 ${node.name}`}>
          编辑
        </a>,
        <Popconfirm
          key="delete"
          title={`删除分类「${node.name}」？`}
          description="分类下还有子分类或商品时不能删除。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={async () => {
            try {
              await deleteCategory(node.id);
              notifySuccess('分类已删除');
              tableRef.current?.reload();
            } catch (error) {
              notifyError(error); // 409 CATEGORY_NOT_EMPTY explains what is still inside
            }
          }}
        >
          <a aria-label={`删除分类 ${node.name}`} style={{ color: '#ff4d4f' }}>
            删除
          </a>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <PageContainer title="分类管理">
      <ProTable<CategoryNode>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        search={false}
        pagination={false}
        expandable={{ expandedRowKeys: expandedIds, onExpandedRowsChange: setExpandedIds }}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parentId: null })}>
            新建一级分类
          </Button>,
        ]}
        request={async () => {
          try {
            const loaded = await fetchCategoryTree();
            setTree(loaded);
            // The tree has two levels only: open every branch so all categories show at once.
            setExpandedIds(loaded.map((node) => node.id));
            // Leaf rows with an empty children array would show an expand arrow that opens nothing.
            return { data: loaded.map(withoutEmptyChildren), success: true };
          } catch (error) {
            notifyError(error);
            return { data: [], success: false };
          }
        }}
      />
      {target && (
        <CategoryDialog
          target={target}
          topLevel={tree}
          onClose={() => setTarget(null)}
          onSaved={() => {
            setTarget(null);
            tableRef.current?.reload();
          }}
        />
      )}
    </PageContainer>
  );
}

function withoutEmptyChildren(node: CategoryNode): CategoryNode {
  const { children, ...rest } = node;
  return (children.length ? { ...rest, children: children.map(withoutEmptyChildren) } : rest) as CategoryNode;
}

function CategoryDialog({
  target,
  topLevel,
  onClose,
  onSaved,
}: {
  target: EditTarget;
  topLevel: CategoryNode[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<CategoryFormValues>();
  const editing = target.mode === 'edit' ? target.category : null;
  // A category that has children must stay top-level; the server would refuse a third level.
  const canMove = !editing || (editing.children?.length ?? 0) === 0;
  const initialValues: CategoryFormValues = editing
    ? { name: editing.name, parentId: editing.parentId, sortOrder: editing.sortOrder, icon: editing.icon ?? '' }
    : { name: '', parentId: target.mode === 'create' ? target.parentId : null, sortOrder: 0, icon: '' };

  return (
    <ModalForm<CategoryFormValues>
      title={editing ? `编辑分类：${editing.name}` : '新建分类'}
      open
      form={form}
      width={480}
      initialValues={initialValues}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      onFinish={async (values) => {
        const body = {
          name: values.name.trim(),
          parentId: values.parentId ?? null,
          sortOrder: values.sortOrder ?? 0,
          icon: values.icon || null,
        };
        try {
          if (editing) await updateCategory(editing.id, body);
          else await createCategory(body);
          notifySuccess(editing ? '分类已保存' : '分类已创建');
          onSaved();
          return true;
        } catch (error) {
          notifyError(error);
          return false;
        }
      }}
    >
      <ProFormText
        name="name"
        label="分类名称"
        fieldProps={{ maxLength: 20 }}
        rules={[{ required: true, whitespace: true, message: '请输入分类名称' }]}
      />
      <ProFormSelect
        name="parentId"
        label="上级分类"
        disabled={!canMove}
        tooltip={canMove ? undefined : '该分类下有子分类，只能作为一级分类'}
        placeholder="无（一级分类）"
        allowClear
        options={topLevel.filter((node) => node.id !== editing?.id).map((node) => ({ value: node.id, label: node.name }))}
      />
      <ProFormDigit name="sortOrder" label="排序" min={0} max={999999} fieldProps={{ precision: 0 }} tooltip="数字越小越靠前" />
      <Form.Item name="icon" label="图标" tooltip="一级分类的图标显示在店铺首页">
        <SingleImageInput data-testid="category-icon" />
      </Form.Item>
    </ModalForm>
  );
}
