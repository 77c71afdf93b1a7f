// The care settings (投诉设置): the working time the SLA clocks count, the holidays and worked
// days off, and the SLA targets per severity and source. Everyone who reads complaints sees
// them; only `complaint:configure` changes them. A change that meets someone else's (409)
// shows the reload banner.
import { Alert, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { can } from '@/lib/permissions';
import { CalendarDays } from './CalendarDays';
import { useCareSettings } from './hooks';
import { SlaTargets } from './SlaTargets';
import { WorkingTimeForm } from './WorkingTimeForm';

export default function CareSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const settings = useCareSettings();
  const [conflict, setConflict] = useState(false);
  // The working-time form keeps what was typed; a reload after a conflict starts it again.
  const [formKey, setFormKey] = useState(0);
  const editable = can(me, 'complaint:configure');
  const onConflict = () => setConflict(true);

  return (
    <>
      <PageHeader
        title={t('complaints.nav.settings')}
        subtitle={t('complaints.settings.subtitle')}
      />
      {settings.isError ? (
        <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <PageSpinner />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {!editable && (
            <Alert
              type="info"
              showIcon
              message={t('complaints.settings.readOnly')}
              data-testid="care-read-only"
            />
          )}
          {conflict && (
            <ConflictAlert
              onReload={() =>
                void settings.refetch().then(() => {
                  setConflict(false);
                  setFormKey((k) => k + 1);
                })
              }
            />
          )}
          <WorkingTimeForm
            key={formKey}
            settings={settings.data}
            editable={editable}
            onConflict={onConflict}
          />
          <CalendarDays settings={settings.data} editable={editable} onConflict={onConflict} />
          <SlaTargets settings={settings.data} editable={editable} onConflict={onConflict} />
        </Space>
      )}
    </>
  );
}
