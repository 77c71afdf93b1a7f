// Sign in. Errors (wrong password, locked or disabled account, too many attempts) are shown in the
// language chosen on this page; after signing in the user goes back where they were.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { problemMessage } from '@/api/problem';
import { Brand, BrandMark } from '@/app/layout/Brand';
import { LanguageSwitcher } from '@/app/layout/LanguageSwitcher';
import { useSession } from '@/app/session';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-app paths, so `?from=` cannot send people to another site. */
export function safeRedirect(from: string | null): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) {
    return '/';
  }
  return from;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const target = safeRedirect(params.get('from'));

  if (session.me) return <Navigate to={target} replace />;

  const onFinish = async ({ username, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await session.signIn(username.trim(), password);
      navigate(target, { replace: true });
    } catch (cause) {
      setError(cause);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <aside className="login-hero">
        <Brand />
        <div className="login-hero-copy">
          <h1>{t('login.heroTitle')}</h1>
          <p>{t('login.heroText')}</p>
          <ul>
            <li>{t('login.point1')}</li>
            <li>{t('login.point2')}</li>
            <li>{t('login.point3')}</li>
          </ul>
        </div>
        <span className="login-hero-foot">{t('login.footer')}</span>
      </aside>
      <main className="login-main">
        <div className="login-topbar">
          <LanguageSwitcher />
        </div>
        <div className="login-card">
          <div className="login-card-brand">
            <BrandMark size={40} />
          </div>
          <Typography.Title level={3} className="login-title">
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="login-subtitle">
            {t('login.subtitle')}
          </Typography.Paragraph>
          {session.expired && !error && (
            <Alert
              type="info"
              showIcon
              message={t('login.sessionExpired')}
              style={{ marginBottom: 16 }}
              data-testid="session-expired"
            />
          )}
          {error !== null && (
            <Alert
              type="error"
              showIcon
              message={problemMessage(t, error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<Credentials>
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={onFinish}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined className="muted" />}
                autoComplete="username"
                autoCapitalize="none"
                autoFocus
                placeholder={t('login.usernamePlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined className="muted" />}
                autoComplete="current-password"
                placeholder={t('login.passwordPlaceholder')}
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={submitting}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="login-help">
            {t('login.help')}
          </Typography.Paragraph>
        </div>
      </main>
    </div>
  );
}
