// The dealer's sales settings: cadence, stagnation, loss approval, assignment, the model-line
// rules and the pipeline stages.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult } from '@/components/Results';
import { useSalesSettings } from './hooks';
import { RulesCard, StagesCard } from './RulesAndStages';
import { SettingsForm } from './SettingsForm';

export default function SalesSettingsPage() {
  const { t } = useTranslation();
  const settings = useSalesSettings();
  return (
    <>
      <PageHeader title={t('nav.salesSettings')} subtitle={t('salesSettings.subtitle')} />
      {settings.isLoading ? (
        <PageSpinner />
      ) : settings.isError || !settings.data ? (
        <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm
          key={settings.data.version}
          settings={settings.data}
          reload={() => void settings.refetch()}
        />
      )}
      <RulesCard />
      <StagesCard />
    </>
  );
}
