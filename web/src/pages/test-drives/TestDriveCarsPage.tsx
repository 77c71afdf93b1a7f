// The dealer's test-drive fleet: add a car, rename it, change its plate or colour, take it out
// of service (it keeps its past bookings).
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Switch, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TestDriveCar } from '@/api/types';
import { useMe } from '@/app/session';
import { PageHeader } from '@/components/PageHeader';
import { ErrorResult } from '@/components/Results';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { display } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { SeriesPicker } from '@/components/sales/SeriesPicker';
import { useSaveCar, useTestDriveCars } from './hooks';

interface CarValues {
  name: string;
  series_id?: string | null;
  plate?: string;
  colour?: string;
  vin?: string;
  notes?: string;
}

const FIELDS = ['name', 'series_id', 'plate', 'colour', 'vin', 'notes'];

function CarModal({ car, onClose }: { car: TestDriveCar | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CarValues>();
  const save = useSaveCar();
  const handleError = useApiErrorHandler();
  const creating = car === 'new';
  const text = (value?: string) => value?.trim() || null;
  return (
    <Modal
      open
      title={creating ? t('fleet.new') : t('fleet.edit', { name: car.name })}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'car-save' }}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<CarValues>
        form={form}
        layout="vertical"
        initialValues={
          creating
            ? {}
            : {
                name: car.name,
                plate: car.plate ?? undefined,
                colour: car.colour ?? undefined,
                vin: car.vin ?? undefined,
                notes: car.notes ?? undefined,
              }
        }
        onFinish={(values) =>
          save.mutate(
            creating
              ? {
                  create: {
                    name: values.name.trim(),
                    series_id: values.series_id ?? null,
                    plate: text(values.plate),
                    colour: text(values.colour),
                    vin: text(values.vin)?.toUpperCase() ?? null,
                    notes: text(values.notes),
                  },
                }
              : {
                  id: car.id,
                  patch: {
                    version: car.version,
                    name: values.name.trim(),
                    plate: text(values.plate),
                    colour: text(values.colour),
                    notes: text(values.notes),
                  },
                },
            {
              onSuccess: () => {
                void message.success(t('fleet.saved', { name: values.name.trim() }));
                onClose();
              },
              onError: (error) => handleError(error, { form, fields: FIELDS }),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('fleet.field.name')}
          extra={t('fleet.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
        >
          <Input maxLength={60} data-testid="car-name" />
        </Form.Item>
        {creating && (
          <Form.Item name="series_id" label={t('fleet.field.series')}>
            <SeriesPicker multiple={false} placeholder={t('fleet.seriesPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="plate" label={t('fleet.field.plate')}>
          <Input maxLength={10} placeholder="浙A12345" data-testid="car-plate" />
        </Form.Item>
        <Form.Item name="colour" label={t('fleet.field.colour')}>
          <Input maxLength={20} />
        </Form.Item>
        {creating && (
          <Form.Item name="vin" label={t('fleet.field.vin')}>
            <Input maxLength={17} className="tabular" />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('fleet.field.notes')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TestDriveCarsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const cars = useTestDriveCars();
  const save = useSaveCar();
  const handleError = useApiErrorHandler();
  const [editing, setEditing] = useState<TestDriveCar | 'new' | null>(null);
  const manage = can(me, 'test_drive:fleet');

  const toggle = (car: TestDriveCar, active: boolean) =>
    save.mutate(
      { id: car.id, patch: { version: car.version, active } },
      {
        onSuccess: () =>
          void message.success(active ? t('fleet.activated') : t('fleet.deactivated')),
        onError: (error) => handleError(error),
      },
    );

  const columns: ColumnsType<TestDriveCar> = [
    {
      title: t('fleet.field.name'),
      dataIndex: 'name',
      render: (name: string, car) => (
        <span>
          {name} {!car.active && <Tag>{t('fleet.inactive')}</Tag>}
        </span>
      ),
    },
    {
      title: t('fleet.field.series'),
      key: 'car',
      render: (_, car) => display(car.car?.name),
    },
    { title: t('fleet.field.plate'), dataIndex: 'plate', render: display },
    { title: t('fleet.field.colour'), dataIndex: 'colour', render: display },
    {
      title: t('fleet.field.vin'),
      dataIndex: 'vin',
      render: (vin: string | null) => <span className="tabular">{display(vin)}</span>,
    },
    {
      title: t('fleet.field.active'),
      key: 'active',
      width: 90,
      render: (_, car) => (
        <Switch
          checked={car.active}
          disabled={!manage}
          onChange={(on) => toggle(car, on)}
          aria-label={t('fleet.field.active')}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'edit',
      width: 60,
      render: (_, car) =>
        manage && (
          <Button
            type="text"
            icon={<EditOutlined />}
            onClick={() => setEditing(car)}
            aria-label={t('common.edit')}
          />
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.testDriveCars')}
        subtitle={t('fleet.subtitle')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              block={mobile}
              data-testid="new-car"
            >
              {t('fleet.new')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        {cars.isError ? (
          <ErrorResult error={cars.error} onRetry={() => void cars.refetch()} />
        ) : mobile ? (
          <div>
            {cars.isLoading && <Card loading variant="borderless" />}
            {!cars.isLoading && (cars.data ?? []).length === 0 && (
              <Empty description={t('fleet.empty')} />
            )}
            {(cars.data ?? []).map((car) => (
              <div className="record-card" key={car.id} data-testid="car-row">
                <div className="record-card-title">
                  <span>
                    {car.label} {!car.active && <Tag>{t('fleet.inactive')}</Tag>}
                  </span>
                  {manage && (
                    <Button
                      type="text"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(car)}
                      aria-label={t('common.edit')}
                    />
                  )}
                </div>
                <dl className="record-card-meta">
                  <dt>{t('fleet.field.series')}</dt>
                  <dd>{display(car.car?.name)}</dd>
                  <dt>{t('fleet.field.plate')}</dt>
                  <dd>{display(car.plate)}</dd>
                  <dt>{t('fleet.field.active')}</dt>
                  <dd>
                    <Switch
                      size="small"
                      checked={car.active}
                      disabled={!manage}
                      onChange={(on) => toggle(car, on)}
                    />
                  </dd>
                </dl>
              </div>
            ))}
          </div>
        ) : (
          <Table<TestDriveCar>
            rowKey="id"
            columns={columns}
            dataSource={cars.data ?? []}
            loading={cars.isLoading}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: <Empty description={t('fleet.empty')} /> }}
            onRow={() => ({ 'data-testid': 'car-row' }) as React.HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
      {editing && <CarModal car={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
