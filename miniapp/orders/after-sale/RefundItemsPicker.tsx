import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { InputNumber } from '@nutui/nutui-react-taro';
import type { RefundPreview } from '@shared/api/after-sales';
import { refundableQuantity, type OrderLine } from '@shared/api/orders';
import { formatYuan } from '@shared/money';
import { assetUrl } from '@/services/api-origin';
import { previewAfterSale } from '@/services/orders';
import { chosenItems } from '../order-actions';

/**
 * 退哪些商品: each line with units left to refund, how many (NutUI InputNumber, 0 leaves the line out), and the
 * amount the server works out for the choice (each line's share of what was paid; shipping only with the last goods).
 */
export function RefundItemsPicker({
  orderNo,
  lines,
  chosen,
  onChange,
}: {
  orderNo: string;
  lines: OrderLine[];
  chosen: Record<number, number>;
  onChange: (chosen: Record<number, number>) => void;
}) {
  const [preview, setPreview] = useState<{ loading: boolean; data: RefundPreview | null; error: string | null }>({ loading: true, data: null, error: null });
  const items = chosenItems(lines, chosen);
  const key = JSON.stringify(items ?? 'all');
  const nothing = items !== undefined && items.length === 0;

  useEffect(() => {
    if (nothing) {
      setPreview({ loading: false, data: null, error: '请至少选择 1 件商品' });
      return;
    }
    let current = true;
    setPreview((previous) => ({ ...previous, loading: true, error: null }));
    previewAfterSale(orderNo, items ? { items } : {})
      .then((data) => current && setPreview({ loading: false, data, error: null }))
      .catch((error: Error) => current && setPreview({ loading: false, data: null, error: error.message }));
    return () => {
      current = false;
    };
    // `key` stands for the chosen items.
  }, [orderNo, key, nothing]);

  const refundable = lines.filter((line) => refundableQuantity(line) > 0);
  return (
    <View className="refund-items">
      {refundable.map((line) => {
        const left = refundableQuantity(line);
        const part = preview.data?.items.find((item) => item.skuId === line.skuId);
        return (
          <View key={line.skuId} className="refund-item">
            <Image className="refund-item__image" src={assetUrl(line.imageUrl)} mode="aspectFill" />
            <View className="refund-item__info">
              <Text className="refund-item__title">{line.title}</Text>
              <Text className="refund-item__spec">
                {line.specValues.join(' / ') || '默认规格'} · 可退 {left} 件{line.refundedQuantity ? `（已退 ${line.refundedQuantity} 件）` : ''}
              </Text>
              <Text className="refund-item__amount">{part ? `退 ${formatYuan(part.amountFen)}` : '不退'}</Text>
            </View>
            <InputNumber
              className="refund-item__quantity"
              value={chosen[line.skuId] ?? 0}
              min={0}
              max={left}
              onChange={(value) => onChange({ ...chosen, [line.skuId]: Math.max(0, Math.min(left, Number(value) || 0)) })}
            />
          </View>
        );
      })}
      <View className="after-sale-row refund-items__total">
        <Text>退款金额</Text>
        {preview.loading ? (
          <Text className="refund-items__pending">计算中…</Text>
        ) : preview.error ? (
          <Text className="refund-items__error">{preview.error}</Text>
        ) : (
          <Text className="after-sale-page__amount">{preview.data ? formatYuan(preview.data.refundFen) : ''}</Text>
        )}
      </View>
      {preview.data && (preview.data.shippingFen > 0 || preview.data.pointsReturned > 0) && (
        <Text className="after-sale-page__note">
          {[preview.data.shippingFen > 0 ? `含运费 ${formatYuan(preview.data.shippingFen)}` : '', preview.data.pointsReturned > 0 ? `退回抵扣的 ${preview.data.pointsReturned} 积分` : '']
            .filter(Boolean)
            .join('，')}
        </Text>
      )}
    </View>
  );
}
