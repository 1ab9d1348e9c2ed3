import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { LoginForm, ProFormText } from '@ant-design/pro-components';
import { Alert } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthProvider';
import { loginErrorText } from './login-errors';

export default function LoginPage() {
  const { session, login } = useAuth();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);

  if (session.status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/products'} replace />;
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', paddingTop: '10vh' }}>
      <LoginForm<{ username: string; password: string }>
        title="店铺管理后台"
        subTitle="商品、分类、会员与员工管理"
        submitter={{ searchConfig: { submitText: '登录' }, submitButtonProps: { 'data-testid': 'login-submit' } as object }}
        onValuesChange={() => setError(null)}
        onFinish={async (values) => {
          setError(null);
          try {
            await login({ username: values.username.trim(), password: values.password });
          } catch (caught) {
            setError(loginErrorText(caught));
          }
        }}
      >
        {error && <Alert role="alert" data-testid="login-error" type="error" showIcon message={error} style={{ marginBottom: 24 }} />}
        <ProFormText
          name="username"
          fieldProps={{ size: 'large', prefix: <UserOutlined />, autoComplete: 'username', 'aria-label': '用户名' }}
          placeholder="用户名"
          rules={[{ required: true, message: '请输入用户名' }]}
        />
        <ProFormText.Password
          name="password"
          fieldProps={{ size: 'large', prefix: <LockOutlined />, autoComplete: 'current-password', 'aria-label': '密码' }}
          placeholder="密码"
          rules={[{ required: true, message: '请输入密码' }]}
        />
      </LoginForm>
    </div>
  );
}
