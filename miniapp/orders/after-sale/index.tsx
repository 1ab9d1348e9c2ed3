import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AFTER_SALE_TYPE_LABELS } from '@shared/api/after-sales';
import { applyAfterSale, fetchOrder, uploadImage } from '@/services/orders';
import { assetUrl } from '@/services/api-origin';
import { PageState } from '@/components/page-state/PageState';
import { PendingState } from '@/components/page-state/PendingState';
import { useLoadable } from '@/hooks/useLoadable';
import {
  AFTER_SALE_DESCRIPTION_MAX_LENGTH,
  AFTER_SALE_MAX_IMAGES,
  AFTER_SALE_REASONS,
  afterSaleTypeFor,
  chosenItems,
  refundableUnits,
  validateAfterSale,
} from '../order-actions';
import platform from '@/platform';
import { CustomerService } from '@/components/customer-service/CustomerService';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import { AfterSaleProgress } from './AfterSaleProgress';
import { RefundItemsPicker } from './RefundItemsPicker';
import './index.scss';

/**
 * 申请售后: 仅退款 before shipping, 退货退款 after; reason, description and up to 6 photos. An order whose case is
 * open shows its progress instead (and, for an approved 退货退款, the return address and the parcel form).
 */
export default function AfterSalePage() {
  const orderNo = useRouter().params.orderNo ?? '';
  const [reason, setReason] = useState('');
  const [description, setDescription] = useState('');
  const [images, setImages] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  /** Units chosen per SKU; null until the order is read (then every unit left). */
  const [chosen, setChosen] = useState<Record<number, number> | null>(null);

  const fetchThisOrder = useCallback(() => fetchOrder(orderNo), [orderNo]);
  const { state, setState, reload, retry } = useLoadable(fetchThisOrder, { keepDataOnError: false });

  useEffect(() => {
    reload();
  }, [reload]);

  const addPhotos = async () => {
    // Photos and the camera are privacy features: the shopper agrees first (our dialog below).
    if (!(await platform.requirePrivacyAuthorize())) return;
    let paths: string[];
    try {
      const picked = await Taro.chooseImage({ count: AFTER_SALE_MAX_IMAGES - images.length, sizeType: ['compressed'] });
      paths = picked.tempFilePaths;
    } catch {
      return; // closed the picker
    }
    setUploading(true);
    try {
      for (const path of paths) {
        const { url } = await uploadImage(path);
        setImages((current) => [...current, url].slice(0, AFTER_SALE_MAX_IMAGES));
      }
    } catch {
      // toasted by the request wrapper; the photos uploaded so far stay
    } finally {
      setUploading(false);
    }
  };

  if (state.status !== 'ready') return <PendingState state={state} onRetry={retry} />;

  const order = state.data;
  const units = chosen ?? refundableUnits(order.lines);
  const type = afterSaleTypeFor(order.status);
  if (!type) {
    if (order.afterSale) return <AfterSaleProgress order={order} onChanged={(changed) => setState({ status: 'ready', data: changed })} />;
    return <PageState status="empty" text="该订单当前不能申请售后" />;
  }

  const submit = async () => {
    const problem = validateAfterSale({ reason, description, images });
    if (problem) {
      Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      const items = chosenItems(order.lines, units);
      if (items && items.length === 0) {
        Taro.showToast({ title: '请至少选择 1 件商品', icon: 'none' });
        return;
      }
      await applyAfterSale(order.orderNo, { type, reason, description: description.trim(), images, ...(items ? { items } : {}) });
      Taro.showToast({ title: '已提交，请等待商家处理', icon: 'none' });
      Taro.navigateBack();
    } catch {
      // toasted by the request wrapper
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="after-sale-page">
      <View className="after-sale-section">
        <View className="after-sale-row">
          <Text>售后类型</Text>
          <Text className="after-sale-type">{AFTER_SALE_TYPE_LABELS[type]}</Text>
        </View>
        <Text className="after-sale-section__title refund-items__title">退哪些商品</Text>
        <RefundItemsPicker orderNo={order.orderNo} lines={order.lines} chosen={units} onChange={setChosen} />
        <Text className="after-sale-page__note">
          {type === 'refund_only' ? '商品尚未发货，商家同意后原路退款' : '商家同意后请按提示寄回商品，收到后原路退款'}
        </Text>
      </View>

      <View className="after-sale-section">
        <Text className="after-sale-section__title">售后原因</Text>
        <View className="after-sale-reasons">
          {AFTER_SALE_REASONS[type].map((option) => (
            <Text
              key={option}
              className={`after-sale-reason${option === reason ? ' after-sale-reason--active' : ''}`}
              onClick={() => setReason(option)}
            >
              {option}
            </Text>
          ))}
        </View>
      </View>

      <View className="after-sale-section">
        <Text className="after-sale-section__title">问题描述</Text>
        <Textarea
          className="after-sale-description"
          value={description}
          maxlength={AFTER_SALE_DESCRIPTION_MAX_LENGTH}
          placeholder="选填，补充说明问题，方便商家处理"
          onInput={(event) => setDescription(event.detail.value)}
        />
        <View className="after-sale-photos">
          {images.map((url) => (
            <View key={url} className="after-sale-photo">
              <Image className="after-sale-photo__image" src={assetUrl(url)} mode="aspectFill" />
              <Text
                className="after-sale-photo__remove"
                onClick={() => setImages((current) => current.filter((item) => item !== url))}
              >
                ×
              </Text>
            </View>
          ))}
          {images.length < AFTER_SALE_MAX_IMAGES && (
            <View className="after-sale-photo after-sale-photo--add" onClick={uploading ? undefined : addPhotos}>
              <Text>{uploading ? '上传中…' : `+ 照片\n${images.length}/${AFTER_SALE_MAX_IMAGES}`}</Text>
            </View>
          )}
        </View>
      </View>

      <Button
        className="submit-after-sale-button"
        type="primary"
        block
        loading={submitting}
        disabled={uploading}
        onClick={submit}
      >
        提交申请
      </Button>
      <CustomerService />
      <PrivacyConsentDialog />
    </View>
  );
}
