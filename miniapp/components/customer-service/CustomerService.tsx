import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Service } from '@nutui/icons-react-taro';
import platform from '@/platform';
import { useShopProfile } from '@/services/shop';
import './customer-service.scss';

/**
 * 联系客服: WeChat's customer service chat where there is one (weapp, open-type="contact"), and the shop's
 * service phone and hours (from the shop profile) with 拨打 — the only way on H5, a fallback on weapp.
 */
export function CustomerService() {
  const { profile } = useShopProfile();
  const phone = profile?.servicePhone ?? null;
  const hours = profile?.serviceHours ?? null;
  return (
    <View className="customer-service">
      <View className="customer-service__head">
        <Service size={18} color="#fa2c19" />
        <Text className="customer-service__title">联系客服</Text>
        {hours && <Text className="customer-service__hours">{hours}</Text>}
        {platform.ContactButton && (
          <platform.ContactButton className="customer-service__chat">在线咨询</platform.ContactButton>
        )}
      </View>
      {phone ? (
        <View className="customer-service__phone">
          <Text className="customer-service__phone-text">客服电话 {phone}</Text>
          <Button className="customer-service__call" size="small" fill="outline" type="primary" onClick={() => platform.makePhoneCall(phone)}>
            拨打
          </Button>
        </View>
      ) : (
        !platform.ContactButton && <Text className="customer-service__none">{profile ? '店铺暂未设置客服电话' : '正在读取客服电话…'}</Text>
      )}
    </View>
  );
}
