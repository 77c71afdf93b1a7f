// What a 409 `possible_duplicate` found: the existing customers with the same phone, ID number
// or VIN (named in full only when the user may open them), with links, and — where the API
// allows it — a way to save anyway.
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '@/api/types';
import { canCreateAnyway } from './duplicates';

export function DuplicateAlert({
  candidates,
  onProceed,
  proceeding,
  proceedLabel,
}: {
  candidates: DuplicateCandidate[];
  onProceed: () => void;
  proceeding: boolean;
  proceedLabel: string;
}) {
  const { t } = useTranslation();
  const allowed = canCreateAnyway(candidates);
  return (
    <Alert
      type="warning"
      showIcon
      className="duplicate-alert"
      data-testid="duplicate-alert"
      style={{ marginBottom: 16 }}
      message={t('customers.duplicate.title', { count: candidates.length })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {allowed ? t('customers.duplicate.text') : t('customers.duplicate.vinTaken')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={candidates}
            renderItem={(candidate) => (
              <List.Item data-testid="duplicate-candidate" style={{ paddingInline: 0 }}>
                <Space wrap size={8}>
                  {candidate.visible ? (
                    <Link to={`/customers/${candidate.customer_id}`} target="_blank">
                      {candidate.name}
                    </Link>
                  ) : (
                    <Typography.Text>{candidate.name}</Typography.Text>
                  )}
                  {candidate.matched_on.map((match) => (
                    <Tag key={match} color="orange">
                      {t(`customers.duplicate.matched.${match}`)}
                    </Tag>
                  ))}
                  <Typography.Text type="secondary">
                    {candidate.owner
                      ? t('customers.duplicate.owner', { name: candidate.owner.display_name })
                      : t('customers.noOwner')}
                  </Typography.Text>
                  {!candidate.visible && (
                    <Typography.Text type="secondary">
                      {t('customers.duplicate.notYours')}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
          {allowed && (
            <Button
              danger
              onClick={onProceed}
              loading={proceeding}
              style={{ marginTop: 8 }}
              data-testid="create-anyway"
            >
              {proceedLabel}
            </Button>
          )}
        </>
      }
    />
  );
}
