import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Cell } from '@nutui/nutui-react-taro';

interface EntryWithSideLinkProps {
  className: string;
  title: string;
  description?: string;
  url: string;
  /** The small link at the right end of the row (领券中心 ›, 拼团专区 ›): opens its own page, not the row's. */
  side: { className: string; text: string; url: string };
}

/** A row of 我的 that opens one page, with a link to a related page at its right end. */
export function EntryWithSideLink({ className, title, description, url, side }: EntryWithSideLinkProps) {
  return (
    <Cell
      className={className}
      title={title}
      description={description}
      clickable
      onClick={() => Taro.navigateTo({ url })}
      extra={
        <Text
          className={side.className}
          onClick={(event) => {
            event.stopPropagation();
            Taro.navigateTo({ url: side.url });
          }}
        >
          {side.text}
        </Text>
      }
    />
  );
}
