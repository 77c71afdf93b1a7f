// A car's service on its page, for whoever reads the service desk: the next service predicted
// from the car's own mileage (the day, the km, which limit decides, the driving rate, the last
// service) and its repair history, newest first, each order linking to its page. The
// after-sales area owns the words (`service.vehicle.*`, `repairOrders.status.*`).
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format';
import { can } from '@/lib/permissions';
import { DaysLeft, LastService, Rate } from './DueParts';

export function VehicleServiceCard({ vehicleId }: { vehicleId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const readable = can(me, 'service:read');
  const path = { params: { path: { id: vehicleId } } };
  const due = useQuery({
    queryKey: ['vehicle-service-due', vehicleId],
    queryFn: () => unwrap(api.GET('/api/v1/vehicles/{id}/service-due', path)),
    enabled: readable,
  });
  const history = useQuery({
    queryKey: ['vehicle-repair-orders', vehicleId],
    queryFn: () => unwrap(api.GET('/api/v1/vehicles/{id}/repair-orders', path)),
    enabled: readable,
  });
  if (!readable) return null;
  const next = due.data;
  const orders = history.data ?? [];
  const tz = me.dealer.time_zone;

  return (
    <Card
      title={t('service.vehicle.title')}
      variant="borderless"
      loading={due.isLoading}
      data-testid="vehicle-service"
    >
      <Typography.Title level={5}>{t('service.vehicle.nextService')}</Typography.Title>
      {next ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('service.vehicle.dueOn')}>
            <Space size={8} wrap>
              <span className="tabular" data-testid="vehicle-service-due-on">
                {next.due_on}
              </span>
              <DaysLeft due={next} />
              {next.first_service && <Tag color="gold">{t('service.due.firstService')}</Tag>}
              <Tag>{t(`service.dueBy.${next.due_by}`)}</Tag>
            </Space>
          </Descriptions.Item>
          {next.due_km != null && (
            <Descriptions.Item label={t('service.vehicle.dueKm')}>
              <span className="tabular">{t('service.km', { km: formatNumber(next.due_km) })}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('service.vehicle.rate')}>
            <Rate due={next} />
          </Descriptions.Item>
          <Descriptions.Item label={t('service.vehicle.lastService')}>
            <LastService due={next} />
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">{t('service.vehicle.noDue')}</Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('service.vehicle.history')}
      </Typography.Title>
      <List
        size="small"
        loading={history.isLoading}
        dataSource={orders}
        locale={{ emptyText: <Empty description={t('service.vehicle.noHistory')} /> }}
        renderItem={(o) => (
          <List.Item key={o.id} data-testid="vehicle-repair-order">
            <List.Item.Meta
              title={
                <Space size={8} wrap>
                  <Link to={`/repair-orders/${o.id}`}>{o.number}</Link>
                  <Tag color={o.status === 'picked_up' ? 'default' : 'blue'}>
                    {t(`repairOrders.status.${o.status}`)}
                  </Tag>
                </Space>
              }
              description={
                <>
                  <div>{o.complaint}</div>
                  <div className="muted tabular">
                    {formatDateTime(o.picked_up_at ?? o.opened_at, tz)} ·{' '}
                    {t('service.vehicle.mileageIn', { km: formatNumber(o.odometer_in_km) })}
                  </div>
                </>
              }
            />
            <span className="tabular">{formatMoney(o.bill.total_fen)}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
