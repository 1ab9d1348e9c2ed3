import Taro from '@tarojs/taro';
import type { PosterKind } from '@shared/api/sharing';
import { session } from '@/store/session';
import { apiUrl } from './api-origin';
import { buildQuery } from './query-string';

/** Why a poster could not be had, in words for the shopper, by the server's HTTP status. */
const POSTER_FAILURES: Record<number, string> = {
  401: '登录已过期，请重新登录',
  404: '商品或拼团不存在',
  429: '操作太频繁，请稍后再试',
  502: '小程序码暂时生成不了，请稍后重试',
};

/**
 * The member's poster, downloaded to a local file (weapp: a temp path that can be saved to the album; H5: a
 * blob URL that can be downloaded). The PNG is drawn by the server, so both platforms show the same picture.
 */
export async function downloadPoster(kind: PosterKind, targetId?: number): Promise<string> {
  const { token } = session.get();
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({
      url: apiUrl('/share/poster') + buildQuery({ kind, productId: kind === 'product' ? targetId : undefined, teamId: kind === 'team' ? targetId : undefined }),
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new Error('网络连接失败，请检查网络后重试');
  }
  if (result.statusCode === 401) session.signOut();
  if (result.statusCode !== 200) throw new Error(POSTER_FAILURES[result.statusCode] ?? '海报生成失败，请稍后重试');
  return result.tempFilePath;
}
