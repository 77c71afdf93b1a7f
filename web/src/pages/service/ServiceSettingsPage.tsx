// The workshop settings page (service:configure): the workshop's settings and the maintenance
// plans.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { useServiceSettings } from './hooks';
import { MaintenancePlans } from './MaintenancePlans';
import { WorkshopSettingsForm } from './WorkshopSettingsForm';

export default function ServiceSettingsPage() {
  const { t } = useTranslation();
  const settings = useServiceSettings();
  return (
    <>
      <PageHeader title={t('nav.serviceSettings')} subtitle={t('service.settings.subtitle')} />
      {settings.isError ? (
        <ErrorResult error={settings.error} />
      ) : !settings.data ? (
        <PageSpinner />
      ) : (
        <WorkshopSettingsForm
          key={settings.data.version}
          settings={settings.data}
          onReload={() => settings.refetch()}
        />
      )}
      <MaintenancePlans />
    </>
  );
}
