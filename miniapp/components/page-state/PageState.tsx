import { View } from '@tarojs/components';
import { Button, Empty, Loading } from '@nutui/nutui-react-taro';
import { Failure, Search } from '@nutui/icons-react-taro';
import './page-state.scss';

export type PageStateProps =
  | { status: 'loading'; text?: string }
  | { status: 'empty'; text: string }
  | { status: 'error'; text: string; onRetry(): void };

/** The loading, empty and error blocks every page shows in place of its content. */
export function PageState(props: PageStateProps) {
  if (props.status === 'loading') {
    return (
      <View className="page-state page-state--loading">
        <Loading type="circular">{props.text ?? '加载中…'}</Loading>
      </View>
    );
  }
  if (props.status === 'empty') {
    return (
      <View className="page-state page-state--empty">
        <Empty image={<Search size={48} color="#ccc" />} description={props.text} />
      </View>
    );
  }
  return (
    <View className="page-state page-state--error">
      <Empty image={<Failure size={48} color="#ccc" />} description={props.text} />
      <Button className="retry-button" size="small" type="primary" fill="outline" onClick={props.onRetry}>
        重试
      </Button>
    </View>
  );
}
