import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AFTER_SALE_STATUS_LABELS, AFTER_SALE_TYPE_LABELS, afterSaleItemsText, type AfterSale } from '@shared/api/after-sales';
import { EXPRESS_COMPANIES, type OrderDetail } from '@shared/api/orders';
import { formatYuan } from '@shared/money';
import { setReturnShipment } from '@/services/orders';
import { ReturnInfo } from '../components/ReturnInfo';
import { validateReturnShipment } from '../order-actions';
import './return-shipment-form.scss';
import { CustomerService } from '@/components/customer-service/CustomerService';

/** An order's after-sale case as it stands; an approved 退货退款 also takes the return parcel here. */
export function AfterSaleProgress({ order, onChanged }: { order: OrderDetail; onChanged(order: OrderDetail): void }) {
  const sale = order.afterSale!;
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: '售后详情' });
  }, []);
  return (
    <View className="after-sale-page">
      <View className="after-sale-section">
        <View className="after-sale-row">
          <Text>售后类型</Text>
          <Text className="after-sale-type">{AFTER_SALE_TYPE_LABELS[sale.type]}</Text>
        </View>
        <View className="after-sale-row">
          <Text>处理进度</Text>
          <Text className="after-sale-progress__status after-sale-status">{AFTER_SALE_STATUS_LABELS[sale.status]}</Text>
        </View>
        <View className="after-sale-row">
          <Text>退款金额</Text>
          <Text className="after-sale-page__amount">{formatYuan(sale.refundFen)}</Text>
        </View>
        {sale.items && <Text className="after-sale-page__note after-sale-items">退款商品：{afterSaleItemsText(sale.items)}</Text>}
        <Text className="after-sale-page__note">{progressNote(sale)}</Text>
        <ReturnInfo afterSale={sale} />
      </View>
      {sale.type === 'return_refund' && sale.status === 'approved' && (
        <ReturnShipmentForm order={order} sale={sale} onChanged={onChanged} />
      )}
      <CustomerService />
    </View>
  );
}

function progressNote(sale: AfterSale): string {
  switch (sale.status) {
    case 'applied':
      return '申请已提交，请等待商家处理';
    case 'approved':
      return sale.returnShipment ? '退货已寄出，商家收到后原路退款；商家确认收货前可以修改单号' : '商家已同意退货，请把商品寄到下面的地址并填写快递单号';
    case 'return_received':
      return '商家已收到退货，即将原路退款';
    case 'refunding':
      return '退款处理中，将原路退回';
    case 'refunded':
      return '退款已原路退回';
    case 'rejected':
      return `商家拒绝了申请：${sale.rejectReason ?? ''}`;
  }
}

/** Carrier and tracking number of the parcel back; saved again to correct it until the shop confirms receipt. */
function ReturnShipmentForm({ order, sale, onChanged }: { order: OrderDetail; sale: AfterSale; onChanged(order: OrderDetail): void }) {
  const [carrierCode, setCarrierCode] = useState(sale.returnShipment?.carrierCode ?? '');
  const [trackingNo, setTrackingNo] = useState(sale.returnShipment?.trackingNo ?? '');
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const form = { carrierCode, trackingNo: trackingNo.trim() };
    const problem = validateReturnShipment(form);
    if (problem) {
      Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      onChanged(await setReturnShipment(order.orderNo, form));
      Taro.showToast({ title: '退货物流已提交', icon: 'success' });
    } catch {
      // toasted by the request wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="after-sale-section return-shipment-form">
      <Text className="after-sale-section__title">{sale.returnShipment ? '修改退货物流' : '填写退货物流'}</Text>
      <View className="after-sale-reasons">
        {EXPRESS_COMPANIES.map((company) => (
          <Text
            key={company.code}
            className={`after-sale-reason return-carrier${company.code === carrierCode ? ' after-sale-reason--active' : ''}`}
            onClick={() => setCarrierCode(company.code)}
          >
            {company.name}
          </Text>
        ))}
      </View>
      <Input
        className="return-shipment-form__input return-tracking-input"
        value={trackingNo}
        maxlength={32}
        placeholder="请填写快递单号"
        onInput={(event) => setTrackingNo(event.detail.value)}
      />
      <Button className="submit-return-shipment-button" type="primary" block loading={saving} onClick={submit}>
        {sale.returnShipment ? '保存修改' : '提交退货物流'}
      </Button>
    </View>
  );
}
