import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './copy-row.scss';

/** Puts text on the clipboard (both platforms show their own notice; ours says it plainly). */
export async function copyText(text: string) {
  try {
    await Taro.setClipboardData({ data: text });
    Taro.showToast({ title: '已复制', icon: 'none' });
  } catch {
    Taro.showToast({ title: '复制失败，请长按文字复制', icon: 'none' });
  }
}

/** A line of text with a 复制 button for `text` (an order number, a tracking number, an address). */
export function CopyRow({ text, children, className }: { text: string; children: ReactNode; className?: string }) {
  return (
    <View className={`copy-row ${className ?? ''}`}>
      <View className="copy-row__text">{children}</View>
      <Button className="copy-row__button" size="mini" onClick={() => copyText(text)}>
        复制
      </Button>
    </View>
  );
}
