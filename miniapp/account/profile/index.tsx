import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { fetchMe, updateProfile, uploadAvatar } from '@/services/members';
import { assetUrl } from '@/services/api-origin';
import { session, useSession } from '@/store/session';
import platform from '@/platform';
import { NICKNAME_MAX_LENGTH } from '@/platform/types';
import { routes } from '@/routes';
import { PageState } from '@/components/page-state/PageState';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import './index.scss';

export default function ProfileEditPage() {
  const { token, profile } = useSession();
  const [nickname, setNickname] = useState(profile?.nickname ?? '');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);

  const loadProfile = async () => {
    setLoadError(null);
    try {
      const me = await fetchMe();
      session.setProfile(me);
      setNickname(me.nickname ?? '');
    } catch (error) {
      setLoadError((error as Error).message);
    }
  };

  useEffect(() => {
    if (token && !profile) loadProfile();
    // Only on arrival: later profile changes come from this page itself.
  }, []);

  if (!token) {
    return (
      <View className="profile-page profile-page--guest">
        <Text>请先登录</Text>
        <Button type="primary" size="small" onClick={() => Taro.switchTab({ url: routes.mine })}>
          去登录
        </Button>
      </View>
    );
  }
  if (!profile) {
    return loadError ? <PageState status="error" text={loadError} onRetry={loadProfile} /> : <PageState status="loading" />;
  }

  // The server stores the picture and answers with the updated profile.
  const changeAvatar = async (filePath: string) => {
    setUploading(true);
    try {
      session.setProfile(await uploadAvatar(filePath));
      Taro.showToast({ title: '头像已更新', icon: 'success' });
    } catch {
      // Toasted by the request wrapper.
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    const trimmed = nickname.trim();
    if (!trimmed) {
      Taro.showToast({ title: '请输入昵称', icon: 'none' });
      return;
    }
    setSaving(true);
    try {
      session.setProfile(await updateProfile({ nickname: trimmed }));
      Taro.showToast({ title: '已保存', icon: 'success' });
      setTimeout(() => Taro.navigateBack(), 600);
    } catch {
      // Toasted by the request wrapper.
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="profile-page">
      <Cell.Group>
        <Cell
          title="头像"
          align="center"
          extra={
            <platform.AvatarChooser onChosen={changeAvatar}>
              {profile.avatarUrl ? (
                <Image className="profile-page__avatar avatar-picker" src={assetUrl(profile.avatarUrl)} mode="aspectFill" />
              ) : (
                <View className="profile-page__avatar profile-page__avatar--empty avatar-picker">
                  <Text>{uploading ? '上传中' : '选择'}</Text>
                </View>
              )}
            </platform.AvatarChooser>
          }
        />
        <Cell
          title="昵称"
          align="center"
          extra={<platform.NicknameInput value={nickname} onChange={setNickname} />}
        />
      </Cell.Group>
      <Text className="profile-page__hint">昵称最多 {NICKNAME_MAX_LENGTH} 个字</Text>
      <Button className="save-profile-button" type="primary" block loading={saving} onClick={save}>
        保存
      </Button>
      {/* WeChat's avatar and nickname pickers are privacy features: the consent dialog answers them. */}
      <PrivacyConsentDialog />
    </View>
  );
}
