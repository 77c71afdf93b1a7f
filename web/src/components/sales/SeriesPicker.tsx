// Picks series of the catalog (帕萨特, 汉, Model Y), grouped by brand: what a walk-in looked at.
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '@/lib/catalog';

export function SeriesPicker({
  value,
  onChange,
  max = 5,
  multiple = true,
  testId,
  placeholder,
}: {
  value?: string[] | string | null;
  onChange?: (value: string[] | string | null) => void;
  max?: number;
  multiple?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const options = (catalog.data ?? [])
    .filter((brand) => brand.series.length > 0)
    .map((brand) => ({
      label: brand.name,
      title: brand.name,
      options: brand.series.map((series) => ({
        value: series.id,
        label: `${brand.name} ${series.name}`,
      })),
    }));
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch
      optionFilterProp="label"
      maxCount={multiple ? max : undefined}
      loading={catalog.isLoading}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(next: string[] | string | undefined) => onChange?.(next ?? null)}
      options={options}
      placeholder={placeholder ?? t('reception.seriesPlaceholder')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
