import { Spin } from 'antd';

/** Shown while a page's code or the session check is loading; plain antd so the login screen stays light. */
export function PageSpinner({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 240 }}>
      <Spin size="large" tip={tip}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </div>
  );
}
