// Whole-page outcomes: not found, not allowed, failed to load.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemMessage } from '@/api/problem';

export function NotFoundResult({ title }: { title?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={title ?? t('results.notFound.title')}
      subTitle={t('results.notFound.description')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('results.backHome')}
        </Button>
      }
    />
  );
}

export function ForbiddenResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('results.forbidden.title')}
      subTitle={t('results.forbidden.description')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('results.backHome')}
        </Button>
      }
    />
  );
}

export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('results.error.title')}
      subTitle={problemMessage(t, error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
