// The customer 360°: profile, contacts, companions, consent, cars with their mileage, tags,
// owner, and the timeline of everything that happened. A merged-away customer's address leads
// to the survivor.
import { EditOutlined, MergeCellsOutlined, StarFilled } from '@ant-design/icons';
import {
  App,
  Avatar,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { isNotFound, mergedInto } from '@/api/problem';
import type { Customer } from '@/api/types';
import { useMe } from '@/app/session';
import { ConflictAlert } from '@/components/ConflictAlert';
import { MaskedText } from '@/components/MaskedText';
import { PageHeader } from '@/components/PageHeader';
import { PageSpinner } from '@/components/PageSpinner';
import { ErrorResult, NotFoundResult } from '@/components/Results';
import { display, EMPTY, formatDateTime, initials } from '@/lib/format';
import { lookupName, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { ConsentCard } from './ConsentCard';
import { CustomerTimeline } from './CustomerTimeline';
import { CustomerVehicles } from './CustomerVehicles';
import { useCustomer } from './hooks';
import { IdNumberReveal } from './IdNumberReveal';
import { addressLine } from './labels';

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const query = useCustomer(id);
  const { t } = useTranslation();
  if (query.isLoading) return <PageSpinner />;
  if (query.isError) {
    const survivor = mergedInto(query.error);
    if (survivor)
      return <Navigate to={`/customers/${survivor}`} replace state={{ mergedFrom: id }} />;
    if (isNotFound(query.error)) return <NotFoundResult title={t('customers.notFound')} />;
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) return <NotFoundResult title={t('customers.notFound')} />;
  return <CustomerDetail customer={query.data} reload={() => void query.refetch()} />;
}

function CustomerDetail({ customer, reload }: { customer: Customer; reload: () => void }) {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const sources = useLookups('source');
  const [conflict, setConflict] = useState(false);
  const tz = me.dealer.time_zone;
  const editable = can(me, 'customer:update');

  const mergedFrom = (location.state as { mergedFrom?: string } | null)?.mergedFrom;
  useEffect(() => {
    if (mergedFrom) void message.info(t('customers.merge.redirected', { name: customer.name }));
  }, [mergedFrom, customer.name, message, t]);

  const actions = (
    <Space wrap>
      {can(me, 'customer:merge') && (
        <Button
          icon={<MergeCellsOutlined />}
          onClick={() => navigate(`/customers/merge?a=${customer.id}`)}
          block={mobile}
          data-testid="merge-with"
        >
          {t('customers.merge.with')}
        </Button>
      )}
      {editable && (
        <Button
          type="primary"
          icon={<EditOutlined />}
          onClick={() => navigate(`/customers/${customer.id}/edit`)}
          block={mobile}
          data-testid="edit-customer"
        >
          {t('common.edit')}
        </Button>
      )}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={
          <Space size={10} wrap>
            <Avatar
              size={36}
              shape={customer.kind === 'company' ? 'square' : 'circle'}
              style={{ background: '#e9f1fb', color: '#1f5fb4', fontSize: 13 }}
            >
              {initials(customer.name)}
            </Avatar>
            <span data-testid="customer-name">{customer.name}</span>
            <Tag>{t(`customers.kind.${customer.kind}`)}</Tag>
          </Space>
        }
        subtitle={[
          customer.owner
            ? t('customers.ownedBy', { name: customer.owner.display_name })
            : t('customers.noOwner'),
          customer.source ? lookupName(t, 'source', customer.source, sources.data) : null,
          t('customers.createdOn', { at: formatDateTime(customer.created_at, tz) }),
        ]
          .filter(Boolean)
          .join(' · ')}
        crumbs={[{ title: t('nav.customers'), to: '/customers' }, { title: customer.name }]}
        extra={actions}
      />
      {conflict && (
        <ConflictAlert
          onReload={() => {
            setConflict(false);
            reload();
          }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            title={t('customers.card.profile')}
            variant="borderless"
            style={{ marginBottom: 16 }}
          >
            <Descriptions
              column={mobile ? 1 : 2}
              size="small"
              styles={{ label: { width: mobile ? 96 : 110 } }}
              data-testid="customer-profile"
            >
              {customer.kind === 'person' && (
                <>
                  <Descriptions.Item label={t('customers.field.gender')}>
                    {customer.gender ? t(`customers.gender.${customer.gender}`) : EMPTY}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('customers.field.birthday')}>
                    <span className="tabular">{display(customer.birthday)}</span>
                  </Descriptions.Item>
                </>
              )}
              <Descriptions.Item label={t('customers.field.idNumber')}>
                <IdNumberReveal customer={customer} />
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.occupation')}>
                {display(customer.occupation)}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.source')}>
                {customer.source ? lookupName(t, 'source', customer.source, sources.data) : EMPTY}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.owner')}>
                {customer.owner?.display_name ?? t('customers.noOwner')}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.tags')} span={mobile ? 1 : 2}>
                {customer.tags.length === 0 ? (
                  EMPTY
                ) : (
                  <Space size={[0, 4]} wrap>
                    {customer.tags.map((tag) => (
                      <Tag key={tag} color="blue">
                        {tag}
                      </Tag>
                    ))}
                  </Space>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.notes')} span={mobile ? 1 : 2}>
                <span className="pre-line">{display(customer.notes)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.updatedAt')}>
                <span className="tabular">{formatDateTime(customer.updated_at, tz)}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <div style={{ marginBottom: 16 }}>
            <CustomerVehicles customer={customer} canAdd={can(me, 'vehicle:create')} />
          </div>
          {!mobile && (
            <Card title={t('customers.card.timeline')} variant="borderless">
              <CustomerTimeline customerId={customer.id} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={8}>
          <Card
            title={t('customers.card.contact')}
            variant="borderless"
            style={{ marginBottom: 16 }}
          >
            <List
              size="small"
              dataSource={customer.phones}
              locale={{ emptyText: t('customers.noPhones') }}
              renderItem={(phone) => (
                <List.Item style={{ paddingInline: 0 }} data-testid="customer-phone">
                  <Space size={8}>
                    <MaskedText value={phone.number} kind="phone" />
                    {phone.is_primary && (
                      <StarFilled
                        className="primary-star"
                        aria-label={t('customers.primaryPhone')}
                      />
                    )}
                  </Space>
                  <Typography.Text type="secondary">
                    {t(`customers.phoneLabel.${phone.label}`)}
                  </Typography.Text>
                </List.Item>
              )}
            />
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 80 } }}
              style={{ marginTop: 8 }}
            >
              <Descriptions.Item label={t('customers.field.wechat')}>
                {display(customer.wechat_id)}
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.email')}>
                <MaskedText value={customer.email} />
              </Descriptions.Item>
              <Descriptions.Item label={t('customers.field.address')}>
                {addressLine(t, customer)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={t('customers.card.companions')}
            variant="borderless"
            style={{ marginBottom: 16 }}
          >
            {customer.companions.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('customers.noCompanions')}
              />
            ) : (
              <List
                size="small"
                dataSource={customer.companions}
                renderItem={(companion) => (
                  <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="companion">
                    <Space size={8} wrap>
                      <Tag>{t(`customers.relation.${companion.relation}`)}</Tag>
                      <span>{companion.name}</span>
                      <MaskedText value={companion.phone} kind="phone" />
                    </Space>
                    {companion.notes && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {companion.notes}
                        </Typography.Text>
                      </div>
                    )}
                  </List.Item>
                )}
              />
            )}
          </Card>
          <ConsentCard
            customer={customer}
            editable={editable}
            onConflict={() => setConflict(true)}
          />
          {mobile && (
            <Card
              title={t('customers.card.timeline')}
              variant="borderless"
              style={{ marginTop: 16 }}
            >
              <CustomerTimeline customerId={customer.id} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
