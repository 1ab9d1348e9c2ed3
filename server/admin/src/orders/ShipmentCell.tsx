import type { Shipment } from '@shared/api/orders';
import { Space, Typography } from 'antd';

/** A parcel in a table cell: the carrier over a copyable tracking number (the order's shipment, a return's parcel). */
export function ShipmentCell({ shipment }: { shipment: Shipment | null }) {
  if (!shipment) return <>—</>;
  return (
    <Space direction="vertical" size={0}>
      {shipment.carrierName}
      <Typography.Text copyable>{shipment.trackingNo}</Typography.Text>
    </Space>
  );
}
