import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthProvider';
import { loginErrorText } from './login-errors';

interface LoginValues {
  username: string;
  password: string;
}

/** Plain antd (no pro components) so the first screen loads little. */
export default function LoginPage() {
  const { session, login } = useAuth();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (session.status === 'signedIn') {
    const from = (location.state as { from?: string } | null)?.from;
    // The home page decides by role where to land (经营概览 or the product list).
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const submit = async (values: LoginValues) => {
    setError(null);
    setSubmitting(true);
    try {
      await login({ username: values.username.trim(), password: values.password });
    } catch (caught) {
      setError(loginErrorText(caught));
      setSubmitting(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', justifyContent: 'center', paddingTop: '12vh' }}>
      <Card style={{ width: 380, height: 'fit-content' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          店铺管理后台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          商品、分类、会员与员工管理
        </Typography.Paragraph>
        <Form<LoginValues> name="login" size="large" onFinish={submit} onValuesChange={() => setError(null)}>
          {error && (
            <Alert role="alert" data-testid="login-error" type="error" showIcon message={error} style={{ marginBottom: 24 }} />
          )}
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" aria-label="用户名" />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" aria-label="密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
