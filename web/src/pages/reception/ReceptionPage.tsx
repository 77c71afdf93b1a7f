// The walk-in form, made for a phone held in one hand on the showroom floor: who came and with
// whom, what they looked at, a test drive or not, and the first grade; one tap saves the customer,
// the lead and the visit. Afterwards it shows the lead and when to call next.
import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrorMessage, isApiError } from '@/api/problem';
import type { ReceptionOutcome, Relation } from '@/api/types';
import { useMe } from '@/app/session';
import { GradePicker } from '@/components/GradePicker';
import { PageHeader } from '@/components/PageHeader';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { lookupOptions, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { FIRST_GRADES, useConsultants, VISIT_COMPANIONS } from '@/lib/sales';
import { useIsMobile } from '@/lib/useIsMobile';
import { useCreateReception } from './hooks';
import {
  emptyReception,
  isMobileNumber,
  receptionField,
  toNewReception,
  type ReceptionFormValues,
} from './receptionForm';
import { ReceptionDone } from './ReceptionDone';
import { SeriesPicker } from '@/components/sales/SeriesPicker';

function PartySize({ value = 1, onChange }: { value?: number; onChange?: (n: number) => void }) {
  const { t } = useTranslation();
  return (
    <Space.Compact className="party-size" data-testid="party-size">
      <Button
        icon={<MinusOutlined />}
        disabled={value <= 1}
        onClick={() => onChange?.(value - 1)}
        aria-label={t('reception.fewer')}
      />
      <span className="party-size-value tabular" data-testid="party-size-value">
        {t('reception.people', { count: value })}
      </span>
      <Button
        icon={<PlusOutlined />}
        disabled={value >= 20}
        onClick={() => onChange?.(value + 1)}
        aria-label={t('reception.more')}
        data-testid="party-size-more"
      />
    </Space.Compact>
  );
}

function CompanionChips({
  value = [],
  onChange,
}: {
  value?: Relation[];
  onChange?: (relations: Relation[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="chip-row" data-testid="companions">
      {VISIT_COMPANIONS.map((relation) => (
        <Tag.CheckableTag
          key={relation}
          checked={value.includes(relation)}
          onChange={(on) =>
            onChange?.(on ? [...value, relation] : value.filter((r) => r !== relation))
          }
          className="chip"
          data-testid={`companion-${relation}`}
        >
          {t(`reception.companion.${relation}`)}
        </Tag.CheckableTag>
      ))}
    </div>
  );
}

export default function ReceptionPage() {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [form] = Form.useForm<ReceptionFormValues>();
  const create = useCreateReception();
  const handleError = useApiErrorHandler();
  const sources = useLookups('source');
  const people = useConsultants(can(me, 'lead:assign') && can(me, 'user:read'));
  const [saved, setSaved] = useState<ReceptionOutcome | null>(null);

  const submit = (values: ReceptionFormValues) =>
    create.mutate(toNewReception(values), {
      onSuccess: (outcome) => {
        setSaved(outcome);
        form.resetFields();
        window.scrollTo({ top: 0 });
      },
      onError: (error) => {
        if (isApiError(error) && error.fieldErrors.length > 0) {
          const grouped = new Map<keyof ReceptionFormValues, string[]>();
          const other: string[] = [];
          for (const fieldError of error.fieldErrors) {
            const field = receptionField(fieldError.field);
            const text = fieldErrorMessage(t, fieldError);
            if (field) grouped.set(field, [...(grouped.get(field) ?? []), text]);
            else other.push(text);
          }
          if (grouped.size > 0) {
            form.setFields([...grouped].map(([name, errors]) => ({ name, errors })));
            if (other.length === 0) return;
          }
        }
        handleError(error);
      },
    });

  if (saved)
    return (
      <ReceptionDone
        outcome={saved}
        onAnother={() => {
          setSaved(null);
          window.scrollTo({ top: 0 });
        }}
      />
    );

  return (
    <>
      <PageHeader
        title={t('nav.reception')}
        subtitle={t('reception.subtitle')}
        extra={
          can(me, 'lead:assign') &&
          !mobile && (
            <Link to="/reception/bulk">
              <Button>{t('reception.bulkLink')}</Button>
            </Link>
          )
        }
      />
      <Form<ReceptionFormValues>
        form={form}
        layout="vertical"
        size="large"
        initialValues={emptyReception()}
        onFinish={submit}
        scrollToFirstError
        requiredMark={false}
        className="reception-form"
        data-testid="reception-form"
      >
        <Card variant="borderless" className="reception-card">
          <div className="reception-two">
            <Form.Item
              name="name"
              label={t('reception.field.name')}
              rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
            >
              <Input
                maxLength={50}
                autoComplete="off"
                placeholder={t('reception.namePlaceholder')}
                data-testid="reception-name"
              />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('reception.field.phone')}
              rules={[
                { required: true, message: t('errors.field.required') },
                {
                  validator: async (_, value?: string) => {
                    if (value && !isMobileNumber(value))
                      throw new Error(t('errors.field.invalid_phone'));
                  },
                },
              ]}
            >
              <Input
                type="tel"
                inputMode="tel"
                maxLength={20}
                autoComplete="off"
                placeholder="138 1234 5678"
                className="tabular"
                data-testid="reception-phone"
              />
            </Form.Item>
          </div>
          <div className="reception-two">
            <Form.Item name="party_size" label={t('reception.field.partySize')}>
              <PartySize />
            </Form.Item>
            <Form.Item name="companions" label={t('reception.field.companions')}>
              <CompanionChips />
            </Form.Item>
          </div>
          <Form.Item name="series" label={t('reception.field.models')}>
            <SeriesPicker testId="reception-series" />
          </Form.Item>
          <Form.Item name="model_text" className="reception-model-text">
            <Input
              maxLength={100}
              placeholder={t('reception.modelTextPlaceholder')}
              data-testid="reception-model-text"
            />
          </Form.Item>
          <Form.Item name="test_drive" label={t('reception.field.testDrive')}>
            <YesNo />
          </Form.Item>
          <Form.Item
            name="grade"
            label={t('reception.field.grade')}
            rules={[{ required: true, message: t('reception.gradeRequired') }]}
          >
            <GradePicker grades={FIRST_GRADES} testId="reception-grade" />
          </Form.Item>
          <Collapse
            ghost
            size="small"
            className="reception-more"
            items={[
              {
                key: 'more',
                label: t('reception.moreFields'),
                forceRender: true,
                children: (
                  <>
                    <Form.Item name="source" label={t('leads.field.source')}>
                      <Select
                        options={lookupOptions(t, 'source', sources.data, 'walk_in')}
                        data-testid="reception-source"
                      />
                    </Form.Item>
                    {can(me, 'lead:assign') && (
                      <Form.Item
                        name="consultant_id"
                        label={t('reception.field.consultant')}
                        extra={t('reception.consultantHint')}
                      >
                        <Select
                          allowClear
                          showSearch
                          optionFilterProp="label"
                          placeholder={me.user.display_name}
                          options={people.consultants.map((user) => ({
                            value: user.id,
                            label: user.display_name,
                          }))}
                        />
                      </Form.Item>
                    )}
                    <Form.Item name="notes" label={t('reception.field.notes')}>
                      <Input.TextArea
                        autoSize={{ minRows: 2, maxRows: 6 }}
                        maxLength={1000}
                        placeholder={t('reception.notesPlaceholder')}
                      />
                    </Form.Item>
                  </>
                ),
              },
            ]}
          />
        </Card>
        <div className="form-actions form-actions-sticky reception-actions">
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={create.isPending}
            data-testid="reception-submit"
          >
            {t('reception.submit')}
          </Button>
        </div>
        <Typography.Paragraph type="secondary" className="reception-hint">
          {t('reception.hint')}
        </Typography.Paragraph>
      </Form>
    </>
  );
}

function YesNo({ value, onChange }: { value?: boolean; onChange?: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="yes-no" role="radiogroup" data-testid="reception-test-drive">
      {[true, false].map((on) => (
        <button
          type="button"
          key={String(on)}
          role="radio"
          aria-checked={value === on}
          className={value === on ? 'yes-no-option selected' : 'yes-no-option'}
          onClick={() => onChange?.(on)}
          data-testid={`reception-test-drive-${on ? 'yes' : 'no'}`}
        >
          {on ? t('reception.testDriveYes') : t('reception.testDriveNo')}
        </button>
      ))}
    </div>
  );
}
