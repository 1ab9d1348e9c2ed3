import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, InputNumber, Popup } from '@nutui/nutui-react-taro';
import type { ProductDetail, Sku } from '@shared/api/catalog';
import type { Fen } from '@shared/money';
import { assetUrl } from '@/services/api-origin';
import { PriceText } from '@/components/price-text/PriceText';
import { skuPriceShown } from '@/live/live-sku-price';
import '@/live/live.scss';
import {
  chosenSku,
  clampQuantity,
  initialSelection,
  isOptionAvailable,
  missingDimensions,
  quantityLimit,
  type PerMemberCap,
  toggleOption,
  type Selection,
} from './sku-selection';
import './sku-picker.scss';

export interface SkuChoice {
  sku: Sku;
  quantity: number;
}

interface SkuPickerProps {
  product: ProductDetail;
  visible: boolean;
  /** Label of the confirm button, e.g. 加入购物车 / 立即购买. */
  confirmText: string;
  /** Caps the quantity below stock (拼团: units per member). */
  perMemberCap?: PerMemberCap;
  /** The prices' name when they are not the list prices (拼团价 / 团长价). */
  priceLabel?: string;
  /** 直播专享价 by SKU id while a live sells the product at it: shown as 直播价 with the list price struck through. */
  livePrices?: ReadonlyMap<number, Fen>;
  onClose(): void;
  onConfirm(choice: SkuChoice): void;
}

/** Bottom sheet to choose a SKU: one row of chips per spec dimension, the chosen SKU's price and stock, a quantity. */
export function SkuPicker({ product, visible, confirmText, perMemberCap, priceLabel, livePrices, onClose, onConfirm }: SkuPickerProps) {
  const [selection, setSelection] = useState<Selection>(() => initialSelection(product.specs, product.skus));
  const [quantity, setQuantity] = useState(1);
  const sku = chosenSku(product.skus, selection);
  const stock = sku?.stock ?? 0;
  const limit = quantityLimit(stock, perMemberCap);
  const price = sku ? skuPriceShown(sku, livePrices) : { fen: product.minPriceFen, listFen: null };
  const atLivePrice = price.listFen !== null;

  // A different SKU may have less stock than the quantity already set.
  useEffect(() => {
    setQuantity((current) => clampQuantity(current, stock, perMemberCap));
  }, [stock, perMemberCap?.max]);

  const missing = missingDimensions(product.specs, selection);
  const image = assetUrl(product.images[0] ?? product.coverUrl);

  return (
    <Popup className="sku-picker" visible={visible} position="bottom" round closeable onClose={onClose}>
      <View className="sku-picker__summary">
        <Image className="sku-picker__image" src={image} mode="aspectFill" />
        <View>
          {atLivePrice ? (
            <Text className="sku-picker__live-label live-price-label sku-live-price-label">直播价</Text>
          ) : (
            priceLabel && <Text className="sku-picker__price-label">{priceLabel}</Text>
          )}
          <PriceText className="sku-picker__price" fen={price.fen} size="large" />
          {price.listFen !== null && <PriceText className="sku-picker__list-price" fen={price.listFen} original />}
          <Text className="sku-picker__stock sku-stock">
            {sku ? (sku.stock > 0 ? `库存 ${sku.stock} 件` : '已售罄') : `请选择 ${missing.join(' / ')}`}
          </Text>
        </View>
      </View>

      {product.specs.map((spec, dimension) => (
        <View key={spec.name} className="sku-picker__dimension">
          <Text className="sku-picker__dimension-name">{spec.name}</Text>
          <View className="sku-picker__options">
            {spec.values.map((value) => {
              const chosen = selection[dimension] === value;
              const available = isOptionAvailable(product.skus, selection, dimension, value);
              const modifier = chosen ? ' sku-option--active' : !available ? ' sku-option--disabled' : '';
              return (
                <View
                  key={value}
                  className={`sku-option${modifier}`}
                  data-value={value}
                  onClick={() => (available || chosen) && setSelection(toggleOption(selection, dimension, value))}
                >
                  <Text>{value}</Text>
                  {!available && !chosen && <Text className="sku-option__sold-out">售罄</Text>}
                </View>
              );
            })}
          </View>
        </View>
      ))}

      <View className="sku-picker__quantity">
        <Text>数量</Text>
        {/* At the cap the + button stops: say which limit stopped it (stock, or the per-order limit). */}
        {sku && stock > 0 && quantity >= limit.max && <Text className="sku-picker__limit sku-limit">{limit.reason}</Text>}
        <InputNumber
          className="sku-quantity"
          value={quantity}
          min={1}
          max={limit.max}
          disabled={!sku || stock === 0}
          onChange={(value) => setQuantity(clampQuantity(Number(value), stock, perMemberCap))}
          onOverlimit={() => quantity >= limit.max && Taro.showToast({ title: limit.reason, icon: 'none' })}
        />
      </View>

      <Button
        className="sku-confirm-button"
        type="primary"
        block
        disabled={!sku || stock === 0}
        onClick={() => sku && onConfirm({ sku, quantity })}
      >
        {confirmText}
      </Button>
    </Popup>
  );
}
