import { useState } from 'react';
import Taro from '@tarojs/taro';
import { withKeyword } from './search-history';

const STORAGE_KEY = 'storefront.searchHistory';

function read(): string[] {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
}

/** 搜索历史: kept on the shopper's device only (it is theirs; the server never sees it). */
export function useSearchHistory() {
  const [keywords, setKeywords] = useState(read);

  const remember = (keyword: string) => {
    const next = withKeyword(read(), keyword);
    Taro.setStorageSync(STORAGE_KEY, next);
    setKeywords(next);
  };

  const clear = async () => {
    const { confirm } = await Taro.showModal({ title: '清空搜索历史', content: '确定清空全部搜索历史吗？' });
    if (!confirm) return;
    Taro.removeStorageSync(STORAGE_KEY);
    setKeywords([]);
  };

  return { keywords, remember, clear };
}
