// The fields of a customer, in cards, for the new-customer page and the edit page. The new
// customer also records consent asked at the desk and, optionally, a first car.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Segmented,
  Select,
  Switch,
  Typography,
  type FormInstance,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@/api/types';
import { useMe } from '@/app/session';
import { VehicleFields } from '@/components/vehicles/VehicleFields';
import { lookupOptions, useLookups } from '@/lib/lookups';
import { can } from '@/lib/permissions';
import { provinceOptions } from '@/lib/regions';
import { useIsMobile } from '@/lib/useIsMobile';
import { useUserOptions } from '@/lib/users';
import {
  CONSENT_CHANNELS,
  CONSENT_METHODS,
  PHONE_LABELS,
  RELATIONS,
  companionsMasked,
  type CustomerFormValues,
} from './customerForm';

const MAX_PHONES = 5;
const MAX_COMPANIONS = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+\d\s()-]{4,24}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;

export function CustomerFormFields({
  form,
  mode,
  customer,
}: {
  form: FormInstance<CustomerFormValues>;
  mode: 'create' | 'edit';
  customer?: Customer;
}) {
  const me = useMe();
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const sources = useLookups('source');
  const users = useUserOptions(can(me, 'user:read'));
  const kind = Form.useWatch('kind', form);
  const [withCar, setWithCar] = useState(true);
  const contactLocked = !!customer?.contact_masked;
  const companionsLocked = !!customer && companionsMasked(customer);
  const mayAssign = can(me, 'customer:assign');
  const half = mobile ? 24 : 12;
  const third = mobile ? 24 : 8;

  const ownerOptions = (users.data?.items ?? [])
    .filter((user) => user.status === 'active')
    .map((user) => ({ value: user.id, label: user.display_name }));
  if (customer?.owner && !ownerOptions.some((o) => o.value === customer.owner?.id)) {
    ownerOptions.unshift({ value: customer.owner.id, label: customer.owner.display_name });
  }
  if (!ownerOptions.some((o) => o.value === me.user.id)) {
    ownerOptions.unshift({ value: me.user.id, label: me.user.display_name });
  }

  return (
    <>
      <Card title={t('customers.card.basics')} variant="borderless" className="form-card">
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item name="kind" label={t('customers.field.kind')}>
              <Segmented
                options={[
                  { value: 'person', label: t('customers.kind.person') },
                  { value: 'company', label: t('customers.kind.company') },
                ]}
                data-testid="field-kind"
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="name"
              label={
                kind === 'company' ? t('customers.field.companyName') : t('customers.field.name')
              }
              rules={[
                { required: true, whitespace: true, message: t('errors.field.required') },
                { max: 100, message: t('errors.field.too_long', { max: 100 }) },
              ]}
            >
              <Input autoComplete="off" data-testid="field-name" />
            </Form.Item>
          </Col>
          {kind !== 'company' && (
            <>
              <Col span={mobile ? 24 : 6}>
                <Form.Item name="gender" label={t('customers.field.gender')}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'male', label: t('customers.gender.male') },
                      { value: 'female', label: t('customers.gender.female') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={mobile ? 24 : 6}>
                <Form.Item name="birthday" label={t('customers.field.birthday')}>
                  <DatePicker
                    style={{ width: '100%' }}
                    disabledDate={(day) => day.isAfter(dayjs(), 'day') || day.year() < 1900}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={half}>
            <Form.Item
              name="id_number"
              label={t('customers.field.idNumber')}
              extra={
                customer?.id_number
                  ? t('customers.hint.idNumberKeep', { masked: customer.id_number })
                  : t('customers.hint.idNumber')
              }
              rules={[{ pattern: ID_NUMBER, message: t('errors.field.invalid_id_number') }]}
            >
              <Input
                maxLength={18}
                autoComplete="off"
                placeholder={customer?.id_number ?? undefined}
                className="tabular"
                data-testid="field-id-number"
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="occupation" label={t('customers.field.occupation')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('customers.card.contact')} variant="borderless" className="form-card">
        {contactLocked && (
          <Typography.Paragraph type="secondary">
            {t('customers.hint.contactMasked')}
          </Typography.Paragraph>
        )}
        <Form.List name="phones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top" wrap={false}>
                  <Col flex="auto">
                    <Form.Item
                      name={[field.name, 'number']}
                      label={index === 0 ? t('customers.field.phones') : undefined}
                      rules={
                        contactLocked
                          ? []
                          : [{ pattern: PHONE, message: t('errors.field.invalid_phone') }]
                      }
                    >
                      <Input
                        inputMode="tel"
                        autoComplete="off"
                        placeholder="13812345678"
                        disabled={contactLocked}
                        className="tabular"
                        data-testid={`field-phone-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex={mobile ? '96px' : '120px'}>
                    <Form.Item
                      name={[field.name, 'label']}
                      label={index === 0 ? t('customers.field.phoneLabel') : undefined}
                    >
                      <Select
                        disabled={contactLocked}
                        options={PHONE_LABELS.map((label) => ({
                          value: label,
                          label: t(`customers.phoneLabel.${label}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  {!contactLocked && fields.length > 1 && (
                    <Col flex="32px">
                      <Form.Item label={index === 0 ? ' ' : undefined}>
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={() => remove(field.name)}
                        />
                      </Form.Item>
                    </Col>
                  )}
                </Row>
              ))}
              {!contactLocked && fields.length < MAX_PHONES && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ number: '', label: 'mobile' })}
                  style={{ marginBottom: 16 }}
                  data-testid="add-phone"
                >
                  {t('customers.addPhone')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col span={half}>
            <Form.Item name="wechat_id" label={t('customers.field.wechat')}>
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="email"
              label={t('customers.field.email')}
              rules={
                contactLocked ? [] : [{ pattern: EMAIL, message: t('errors.field.invalid_email') }]
              }
            >
              <Input inputMode="email" autoComplete="off" disabled={contactLocked} />
            </Form.Item>
          </Col>
          <Col span={third}>
            <Form.Item name={['address', 'province']} label={t('customers.field.province')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={provinceOptions(t)}
                data-testid="field-province"
              />
            </Form.Item>
          </Col>
          <Col span={third}>
            <Form.Item name={['address', 'city']} label={t('customers.field.city')}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={third}>
            <Form.Item name={['address', 'district']} label={t('customers.field.district')}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['address', 'street']} label={t('customers.field.street')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('customers.card.relationship')} variant="borderless" className="form-card">
        <Row gutter={16}>
          <Col span={half}>
            <Form.Item name="source" label={t('customers.field.source')}>
              <Select
                allowClear
                loading={sources.isLoading}
                options={lookupOptions(t, 'source', sources.data, customer?.source)}
                data-testid="field-source"
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="owner_id"
              label={t('customers.field.owner')}
              extra={mayAssign ? undefined : t('customers.hint.ownerFixed')}
            >
              <Select
                allowClear={mayAssign}
                disabled={!mayAssign}
                showSearch
                optionFilterProp="label"
                placeholder={t('customers.noOwner')}
                loading={users.isLoading}
                options={ownerOptions}
                data-testid="field-owner"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="tags"
              label={t('customers.field.tags')}
              extra={t('customers.hint.tags')}
            >
              <Select
                mode="tags"
                open={false}
                maxCount={20}
                tokenSeparators={[',', '，', ' ']}
                data-testid="field-tags"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('customers.field.notes')}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('customers.card.companions')} variant="borderless" className="form-card">
        <Typography.Paragraph type="secondary">
          {companionsLocked ? t('customers.hint.companionsMasked') : t('customers.hint.companions')}
        </Typography.Paragraph>
        <Form.List name="companions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div className="companion-row" key={field.key} data-testid="companion-row">
                  <Row gutter={8}>
                    <Col span={mobile ? 12 : 5}>
                      <Form.Item
                        name={[field.name, 'relation']}
                        label={t('customers.field.relation')}
                        rules={[{ required: true, message: t('errors.field.required') }]}
                      >
                        <Select
                          disabled={companionsLocked}
                          options={RELATIONS.map((relation) => ({
                            value: relation,
                            label: t(`customers.relation.${relation}`),
                          }))}
                          data-testid={`companion-relation-${index}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={mobile ? 12 : 6}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('customers.field.companionName')}
                        rules={[
                          { required: true, whitespace: true, message: t('errors.field.required') },
                        ]}
                      >
                        <Input
                          maxLength={64}
                          disabled={companionsLocked}
                          data-testid={`companion-name-${index}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={mobile ? 24 : 6}>
                      <Form.Item
                        name={[field.name, 'phone']}
                        label={t('customers.field.companionPhone')}
                        rules={
                          companionsLocked
                            ? []
                            : [{ pattern: PHONE, message: t('errors.field.invalid_phone') }]
                        }
                      >
                        <Input
                          inputMode="tel"
                          disabled={companionsLocked}
                          className="tabular"
                          data-testid={`companion-phone-${index}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={mobile ? 20 : 6}>
                      <Form.Item
                        name={[field.name, 'notes']}
                        label={t('customers.field.companionNotes')}
                      >
                        <Input maxLength={200} disabled={companionsLocked} />
                      </Form.Item>
                    </Col>
                    {!companionsLocked && (
                      <Col span={mobile ? 4 : 1}>
                        <Form.Item label=" ">
                          <Button
                            type="text"
                            icon={<DeleteOutlined />}
                            aria-label={t('common.delete')}
                            onClick={() => remove(field.name)}
                          />
                        </Form.Item>
                      </Col>
                    )}
                  </Row>
                </div>
              ))}
              {!companionsLocked && fields.length < MAX_COMPANIONS && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ relation: 'spouse', name: '', phone: '' })}
                  data-testid="add-companion"
                >
                  {t('customers.addCompanion')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>

      {mode === 'create' && (
        <Card title={t('customers.card.consent')} variant="borderless" className="form-card">
          <Typography.Paragraph type="secondary">
            {t('customers.hint.consent')}
          </Typography.Paragraph>
          <Row gutter={16}>
            {CONSENT_CHANNELS.map((channel) => (
              <Col span={half} key={channel}>
                <Form.Item name={['consents', channel]} label={t(`customers.channel.${channel}`)}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'granted', label: t('customers.consent.granted') },
                      { value: 'refused', label: t('customers.consent.refused') },
                      { value: 'unknown', label: t('customers.consent.unknown') },
                    ]}
                    data-testid={`consent-${channel}`}
                  />
                </Form.Item>
              </Col>
            ))}
            <Col span={half}>
              <Form.Item name="consent_method" label={t('customers.field.consentMethod')}>
                <Select
                  options={CONSENT_METHODS.map((method) => ({
                    value: method,
                    label: t(`customers.consentMethod.${method}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      )}

      {mode === 'create' && (
        <Card
          title={t('customers.card.firstCar')}
          variant="borderless"
          className="form-card"
          extra={
            <Switch
              checked={withCar}
              onChange={(on) => {
                setWithCar(on);
                if (!on)
                  form.setFieldValue('vehicles', [{ from_catalog: true, bought_here: false }]);
              }}
              data-testid="with-car"
            />
          }
        >
          {withCar ? (
            <VehicleFields form={form} prefix={['vehicles', 0]} withMileage />
          ) : (
            <Typography.Text type="secondary">{t('customers.hint.noCar')}</Typography.Text>
          )}
        </Card>
      )}
    </>
  );
}
