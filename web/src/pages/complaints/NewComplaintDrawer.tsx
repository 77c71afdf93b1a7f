// Recording a complaint (录入) at the counter or on the phone: the customer (the same search
// as the search box), optionally one of their cars, how it reached us, what it is about, how
// serious it is, a summary and what the customer said; the OEM's deadline for one forwarded by
// the OEM's hotline (厂家转办), and the handler at once for whoever may assign. The server's
// field errors show on their fields.
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Drawer, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { CustomerPicker } from '@/components/CustomerPicker';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { fromWallClock } from '@/lib/format';
import { can } from '@/lib/permissions';
import { useIsMobile } from '@/lib/useIsMobile';
import { HandlerSelect } from './HandlerSelect';
import { useEnterComplaint } from './hooks';
import { CATEGORIES, SEVERITIES, SOURCES } from './rules';
import type { ComplaintCategory, ComplaintSource, Severity } from './types';

interface Values {
  customer_id: string;
  vehicle_id?: string;
  source: ComplaintSource;
  category: ComplaintCategory;
  severity: Severity;
  summary: string;
  details: string;
  oem_deadline_at?: Dayjs;
  handler_id?: string;
}

const FIELDS = [
  'customer_id',
  'vehicle_id',
  'source',
  'category',
  'severity',
  'summary',
  'details',
  'oem_deadline_at',
  'handler_id',
];

/** The longest summary and details the server takes. */
const SUMMARY_MAX = 200;
const TEXT_MAX = 2000;

/** The chosen customer's cars, for the optional car. */
function useCustomerCars(customerId: string | null) {
  const customer = useQuery({
    queryKey: ['customers', customerId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/customers/{id}', { params: { path: { id: customerId ?? '' } } })),
    enabled: customerId !== null,
  });
  return { cars: customer.data?.vehicles ?? [], loading: customer.isFetching };
}

/** The drawer that records a new complaint and opens its page. */
export function NewComplaintDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const onError = useApiErrorHandler();
  const enter = useEnterComplaint();
  const [form] = Form.useForm<Values>();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const { cars, loading } = useCustomerCars(customerId);
  const source = Form.useWatch('source', form);
  const tz = me.dealer.time_zone;
  const required = { required: true, message: t('complaints.form.required') };

  const submit = (v: Values) =>
    enter.mutate(
      {
        customer_id: v.customer_id,
        vehicle_id: v.vehicle_id ?? null,
        source: v.source,
        category: v.category,
        severity: v.severity,
        summary: v.summary.trim(),
        details: v.details.trim(),
        oem_deadline_at:
          v.source === 'oem_hotline' && v.oem_deadline_at
            ? fromWallClock(v.oem_deadline_at, tz)
            : null,
        handler_id: v.handler_id ?? null,
      },
      {
        onSuccess: (detail) => navigate(`/complaints/${detail.complaint.id}`),
        onError: (error) => onError(error, { form, fields: FIELDS }),
      },
    );

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('complaints.new')}
      width={mobile ? '100%' : 520}
      extra={
        <Button
          type="primary"
          loading={enter.isPending}
          onClick={() => form.submit()}
          data-testid="complaint-new-submit"
        >
          {t('complaints.form.submit')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ severity: 'medium', source: 'phone' }}
        data-testid="complaint-new-form"
      >
        <Form.Item name="customer_id" label={t('complaints.field.customer')} rules={[required]}>
          <CustomerPicker
            testId="complaint-customer"
            onChange={(id) => {
              setCustomerId(id);
              form.setFieldsValue({ customer_id: id ?? undefined, vehicle_id: undefined });
            }}
          />
        </Form.Item>
        <Form.Item name="vehicle_id" label={t('complaints.field.car')}>
          <Select
            allowClear
            loading={loading}
            disabled={customerId === null}
            placeholder={t('complaints.form.pickCar')}
            options={cars.map((v) => ({
              value: v.id,
              label: [v.plate, v.brand, v.series, v.vin].filter(Boolean).join(' · '),
            }))}
            data-testid="complaint-car"
          />
        </Form.Item>
        <Form.Item name="source" label={t('complaints.field.source')} rules={[required]}>
          <Select
            options={SOURCES.map((s) => ({ value: s, label: t(`complaints.source.${s}`) }))}
            data-testid="complaint-source"
          />
        </Form.Item>
        {source === 'oem_hotline' && (
          <Form.Item
            name="oem_deadline_at"
            label={t('complaints.field.oemDeadline')}
            extra={t('complaints.form.oemDeadlineHint')}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(1, 'year'))}
              style={{ width: '100%' }}
              data-testid="complaint-oem-deadline"
            />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('complaints.field.category')} rules={[required]}>
          <Select
            options={CATEGORIES.map((c) => ({ value: c, label: t(`complaints.category.${c}`) }))}
            data-testid="complaint-category"
          />
        </Form.Item>
        <Form.Item name="severity" label={t('complaints.field.severity')} rules={[required]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))}
            data-testid="complaint-severity"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('complaints.field.summary')}
          rules={[{ ...required, whitespace: true }, { max: SUMMARY_MAX }]}
        >
          <Input
            maxLength={SUMMARY_MAX}
            placeholder={t('complaints.form.summaryHint')}
            data-testid="complaint-summary"
          />
        </Form.Item>
        <Form.Item
          name="details"
          label={t('complaints.field.details')}
          rules={[{ ...required, whitespace: true }, { max: TEXT_MAX }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={TEXT_MAX}
            showCount
            placeholder={t('complaints.form.detailsHint')}
            data-testid="complaint-details"
          />
        </Form.Item>
        {can(me, 'complaint:assign') && (
          <Form.Item
            name="handler_id"
            label={t('complaints.field.handler')}
            extra={t('complaints.form.handlerHint')}
          >
            <HandlerSelect testId="complaint-handler" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
