import type { AdminProductRow, BulkProductAction } from '@shared/api/admin';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { notifyError } from '@/common/feedback';
import { BULK_ACTION_LABELS, bulkConfirmText, bulkResultText } from './bulk-actions';
import { bulkProducts } from './products-api';

/** 批量上架 / 下架 / 删除 for the ticked products, each after a confirmation; the outcome says which failed and why. */
export function ProductBulkActions({ selected, onDone }: { selected: AdminProductRow[]; onDone: () => void }) {
  const { modal, notification } = App.useApp();
  const [running, setRunning] = useState<BulkProductAction | null>(null);

  const run = async (action: BulkProductAction) => {
    const confirmed = await modal.confirm({
      title: `批量${BULK_ACTION_LABELS[action]}`,
      content: bulkConfirmText(action, selected.map((row) => row.title)),
      okText: `确定${BULK_ACTION_LABELS[action]}`,
      okButtonProps: { danger: action === 'delete' },
      cancelText: '取消',
    });
    if (!confirmed) return;
    setRunning(action);
    try {
      const result = await bulkProducts(action, selected.map((row) => row.id));
      const titles = new Map(selected.map((row) => [row.id, row.title]));
      const text = bulkResultText(action, result, (id) => titles.get(id) ?? `ID ${id}`);
      if (result.failed.length) notification.warning({ message: `批量${BULK_ACTION_LABELS[action]}部分未完成`, description: text });
      else notification.success({ message: `批量${BULK_ACTION_LABELS[action]}完成`, description: text });
      onDone();
    } catch (error) {
      notifyError(error);
    } finally {
      setRunning(null);
    }
  };

  return (
    <Space>
      <Button size="small" loading={running === 'on_shelf'} onClick={() => run('on_shelf')}>
        批量上架
      </Button>
      <Button size="small" loading={running === 'off_shelf'} onClick={() => run('off_shelf')}>
        批量下架
      </Button>
      <Button size="small" danger loading={running === 'delete'} onClick={() => run('delete')}>
        批量删除
      </Button>
    </Space>
  );
}
