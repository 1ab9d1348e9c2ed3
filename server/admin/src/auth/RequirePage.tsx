import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { canOpen, type PageKey } from './access';
import { useCurrentStaff } from './AuthProvider';

/** Guards a page by role: someone who types the URL of a page their role cannot open sees this, not the page. */
export function RequirePage({ page, children }: { page: PageKey; children: ReactNode }) {
  const staff = useCurrentStaff();
  if (canOpen(staff.role, page)) return <>{children}</>;
  return <NoAccessResult />;
}

export function NoAccessResult() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权限访问"
      subTitle="当前账号的角色不能打开这个页面，如需开通请联系店主。"
      extra={
        <Button type="primary" onClick={() => navigate('/products')}>
          返回商品列表
        </Button>
      }
    />
  );
}
