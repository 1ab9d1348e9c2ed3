import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { ProductSummary } from '@shared/api/catalog';
import { assetUrl } from '@/services/api-origin';
import { productDetailUrl } from '@/routes';
import { PriceText } from '../price-text/PriceText';
import './product-card.scss';

/** One product in a two-column feed; a tap opens its detail page. */
export function ProductCard({ product }: { product: ProductSummary }) {
  return (
    <View
      className={`product-card${product.inStock ? '' : ' product-card--sold-out'}`}
      data-product-id={product.id}
      onClick={() => Taro.navigateTo({ url: productDetailUrl(product.id) })}
    >
      <Image className="product-card__cover" src={assetUrl(product.coverUrl)} mode="aspectFill" lazyLoad />
      <View className="product-card__body">
        <Text className="product-card__title">{product.title}</Text>
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
          <PriceText fen={product.minPriceFen} />
          <Text className="product-card__sales">{product.inStock ? `已售 ${product.salesCount}` : '已售罄'}</Text>
        </View>
      </View>
    </View>
  );
}

/** The two-column grid the home feed, category pane and search results share. */
export function ProductGrid({ products }: { products: ProductSummary[] }) {
  return (
    <View className="product-grid">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </View>
  );
}
