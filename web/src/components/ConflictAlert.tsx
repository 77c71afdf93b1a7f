// Shown when saving hit a 409 version_conflict: someone else changed the record meanwhile.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      className="conflict-alert"
      data-testid="conflict-alert"
      message={t('errors.conflict.title')}
      description={t('errors.conflict.description')}
      action={
        <Button size="small" type="primary" onClick={onReload}>
          {t('errors.conflict.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
