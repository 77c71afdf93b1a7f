// The mark of a catalog entry published by the group or OEM (read-only for the dealer).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function PublishedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="purple" className="published-tag">
      {t('catalog.published')}
    </Tag>
  );
}
