import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { chinaDateTime, type PickingListLine, type PickingListOrder, type StaffRole } from '../../../shared';
import { ApiException } from '../platform/errors/api-exception';
import { EXPORT_MAX_ROWS, skuLinesText } from './admin-orders.service';
import { toShipment } from './order-views';
import { OrderRow } from './order.entity';
import { OrdersService } from './orders.service';
import { addressLine, receiverFor } from './receiver-contact';
import { csvDocument } from '../platform/http/csv-document';

/** The batch-ship header first, so the filled-in file goes straight back to 批量发货. */
const TO_SHIP_HEADER = ['订单号', '快递公司', '快递单号', '收货人', '手机号', '收货地址', 'SKU 明细', '件数', '买家备注', '付款时间'];

/** Units to pack: a partial refund before shipping takes its units off the order's item count. */
function unitsOf(lines: PickingListLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** What the warehouse prints and exports to pack and label parcels. */
@Injectable()
export class PickingListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
  ) {}

  /** The orders asked for, in that order; one unknown number makes the whole list a 404 (a half list misleads a picker). */
  async pickingList(orderNos: string[], role: StaffRole): Promise<PickingListOrder[]> {
    const rows = await this.dataSource.getRepository(OrderRow).findBy({ orderNo: In(orderNos) });
    const byNo = new Map(rows.map((order) => [order.orderNo, order]));
    const missing = orderNos.find((orderNo) => !byNo.has(orderNo));
    if (missing) throw new ApiException('ORDER_NOT_FOUND', HttpStatus.NOT_FOUND, `订单 ${missing} 不存在`, { orderNo: missing });
    const lines = await this.orders.skuLinesOf(rows.map((order) => order.id));
    return orderNos.map((orderNo) => {
      const order = byNo.get(orderNo)!;
      const receiver = receiverFor(role, order);
      return {
        orderNo,
        status: order.status,
        paidAt: order.paidAt?.toISOString() ?? null,
        receiverName: receiver.recipientName,
        receiverPhone: receiver.phone,
        receiverAddress: addressLine(receiver),
        remark: order.remark,
        itemCount: unitsOf(lines.get(order.id) ?? []),
        lines: lines.get(order.id) ?? [],
        shipment: toShipment(order),
      };
    });
  }

  /** Paid orders waiting to ship, oldest payment first (first paid, first packed). */
  async toShipCsv(role: StaffRole): Promise<string> {
    const orders = await this.dataSource.getRepository(OrderRow).find({
      where: { status: 'paid' },
      order: { paidAt: 'ASC', id: 'ASC' },
      take: EXPORT_MAX_ROWS,
    });
    const lines = await this.orders.skuLinesOf(orders.map((order) => order.id));
    const rows = orders.map((order) => {
      const receiver = receiverFor(role, order);
      return [
        order.orderNo,
        '',
        '',
        receiver.recipientName,
        receiver.phone,
        addressLine(receiver),
        skuLinesText(lines.get(order.id) ?? []),
        unitsOf(lines.get(order.id) ?? []),
        order.remark,
        order.paidAt ? chinaDateTime(order.paidAt) : '',
      ];
    });
    return csvDocument(TO_SHIP_HEADER, rows);
  }
}
