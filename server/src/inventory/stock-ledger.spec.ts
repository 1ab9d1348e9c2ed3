import { orderLineMovements } from './stock-ledger';

describe('orderLineMovements', () => {
  const lines = [
    { id: 11, orderId: 7, skuId: 3, productId: 2, quantity: 2 },
    { id: 12, orderId: 7, skuId: 5, productId: 4, quantity: 1 },
  ];

  it('writes a sale as one negative movement per line, naming the order and the line', () => {
    expect(orderLineMovements(lines, 'sale')).toEqual([
      { skuId: 3, productId: 2, delta: -2, reason: 'sale', orderId: 7, orderLineId: 11, afterSaleId: null, staffId: null },
      { skuId: 5, productId: 4, delta: -1, reason: 'sale', orderId: 7, orderLineId: 12, afterSaleId: null, staffId: null },
    ]);
  });

  it('writes returns as positive movements with the after-sale and the staff member', () => {
    expect(orderLineMovements(lines, 'return_receipt', { afterSaleId: 9, staffId: 4 }).map((row) => [row.delta, row.reason, row.afterSaleId, row.staffId])).toEqual([
      [2, 'return_receipt', 9, 4],
      [1, 'return_receipt', 9, 4],
    ]);
    expect(orderLineMovements(lines, 'cancel_return').map((row) => row.delta)).toEqual([2, 1]);
    expect(orderLineMovements(lines, 'refund_return', { afterSaleId: 3 }).map((row) => [row.delta, row.afterSaleId, row.staffId])).toEqual([
      [2, 3, null],
      [1, 3, null],
    ]);
  });

  it('writes nothing for no lines', () => {
    expect(orderLineMovements([], 'sale')).toEqual([]);
  });
});
