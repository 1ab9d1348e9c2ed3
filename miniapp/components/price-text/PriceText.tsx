import { Text } from '@tarojs/components';
import type { Fen } from '@shared/money';
import { formatYuan } from '@shared/money';
import './price-text.scss';

interface PriceTextProps {
  fen: Fen;
  /** The crossed-out original price next to the real one. */
  original?: boolean;
  size?: 'small' | 'large';
  /** "起" after the price: the lowest of several prices (a product whose SKUs differ in price). */
  from?: boolean;
  className?: string;
}

/** A price in yuan, formatted from integer fen at the last moment. */
export function PriceText({ fen, original = false, size = 'small', from = false, className = '' }: PriceTextProps) {
  const variant = original ? 'price-text--original' : `price-text--${size}`;
  return (
    <Text className={`price-text ${variant} ${className}`}>
      {formatYuan(fen)}
      {from && <Text className="price-text__from">起</Text>}
    </Text>
  );
}
