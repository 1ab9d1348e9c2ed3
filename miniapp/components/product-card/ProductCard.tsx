import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ProductSummary } from '@shared/api/catalog';
import { assetUrl } from '@/services/api-origin';
import { productDetailUrl } from '@/routes';
import { LiveCardBadge } from '@/live/LiveBadge';
import { liveBadgeOf, type LiveBadge } from '@/live/live-view';
import { useLiveFeatured } from '@/live/useLiveFeatured';
import { PriceText } from '../price-text/PriceText';
import './product-card.scss';

/** One product in a two-column feed; a tap opens its detail page. `liveBadge`: a live session features it. */
export function ProductCard({ product, liveBadge = null }: { product: ProductSummary; liveBadge?: LiveBadge | null }) {
  return (
    <View
      className={`product-card${product.inStock ? '' : ' product-card--sold-out'}`}
      data-product-id={product.id}
      onClick={() => Taro.navigateTo({ url: productDetailUrl(product.id) })}
    >
      <Image className="product-card__cover" src={assetUrl(product.coverUrl)} mode="aspectFill" lazyLoad />
      <View className="product-card__body">
        <Text className="product-card__title">{product.title}</Text>
        {liveBadge && <LiveCardBadge badge={liveBadge} />}
        {product.tags.length > 0 && (
          <View className="product-card__tags">
            {product.tags.slice(0, 2).map((tag) => (
              <Tag key={tag} type="danger" plain className="product-card__tag">
                {tag}
              </Tag>
            ))}
          </View>
        )}
        <View className="product-card__bottom">
          <PriceText className="product-card__price" fen={product.minPriceFen} from={product.priceVaries} />
          <Text className="product-card__sales">{product.inStock ? `已售 ${product.salesCount}` : '已售罄'}</Text>
        </View>
      </View>
    </View>
  );
}

/** Products in two columns (home feed, search results) or one row each (the narrow category pane). */
export function ProductGrid({ products, layout = 'grid' }: { products: ProductSummary[]; layout?: 'grid' | 'list' }) {
  // One read of the featured products for the whole grid (cached across the page's grids), not one per card.
  const featured = useLiveFeatured();
  return (
    <View className={`product-grid product-grid--${layout}`}>
      {products.map((product) => (
        <ProductCard key={product.id} product={product} liveBadge={liveBadgeOf(featured, product.id)} />
      ))}
    </View>
  );
}
