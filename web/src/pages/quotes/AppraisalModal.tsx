// Appraising the customer's car for a trade-in (二手车评估), from the quote builder: one of the
// cars in their file or a car added to it on the spot, the mileage, what the appraiser saw, the
// value offered and how long the offer stands. The new appraisal is chosen on the quote.
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { VehicleFields } from '@/components/vehicles/VehicleFields';
import {
  toVehicleInput,
  VEHICLE_FIELDS,
  vehicleName,
  type VehicleFormValues,
} from '@/components/vehicles/vehicleForm';
import { parseMoney } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useAddVehicle } from '@/components/vehicles/useAddVehicle';
import { useCreateAppraisal, useCustomerCars } from './hooks';

interface Values extends VehicleFormValues {
  /** `file`: a car of the customer's file; `new`: a car added now. */
  car: 'file' | 'new';
  vehicle_id?: string;
  mileage_km?: number;
  condition_notes?: string;
  value_fen?: string;
  valid_until?: Dayjs;
}

const APPRAISAL_FIELDS = [
  'vehicle_id',
  'mileage_km',
  'condition_notes',
  'value_fen',
  'valid_until',
] as const;

export function AppraisalModal({
  customerId,
  open,
  onClose,
  onAppraised,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
  /** Called with the new appraisal's id. */
  onAppraised: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const cars = useCustomerCars(customerId, open);
  const addCar = useAddVehicle(customerId);
  const appraise = useCreateAppraisal(customerId);
  const onError = useApiErrorHandler();
  const fromFile = Form.useWatch('car', form) !== 'new';
  const owned = cars.data?.items ?? [];

  const submit = async () => {
    const values = await form.validateFields();
    try {
      let vehicleId = values.vehicle_id;
      if (values.car === 'new') {
        const car = await addCar.mutateAsync({
          ...toVehicleInput(values),
          bought_here: false,
          customer_id: customerId,
        });
        // Now in the customer's file: a retry after a refused appraisal uses it, not a copy.
        vehicleId = car.id;
        form.setFieldsValue({ car: 'file', vehicle_id: car.id });
      }
      const appraisal = await appraise.mutateAsync({
        customer_id: customerId,
        vehicle_id: vehicleId ?? '',
        mileage_km: values.mileage_km ?? null,
        condition_notes: values.condition_notes?.trim() || null,
        value_fen: parseMoney(values.value_fen ?? '') ?? 0,
        valid_until: values.valid_until ? values.valid_until.format('YYYY-MM-DD') : null,
      });
      message.success(t('quotes.appraisal.saved'));
      onAppraised(appraisal.id);
      onClose();
    } catch (error) {
      onError(error, { form, fields: [...APPRAISAL_FIELDS, ...VEHICLE_FIELDS] });
    }
  };

  return (
    <Modal
      open={open}
      title={t('quotes.appraisal.title')}
      okText={t('quotes.appraisal.save')}
      cancelText={t('common.cancel')}
      confirmLoading={addCar.isPending || appraise.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={mobile ? '100%' : 640}
      okButtonProps={{ 'data-testid': 'appraisal-save' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ car: 'file', from_catalog: false }}
      >
        <Form.Item name="car">
          <Radio.Group data-testid="appraisal-car">
            <Radio value="file">{t('quotes.appraisal.carOnFile')}</Radio>
            <Radio value="new">{t('quotes.appraisal.carNew')}</Radio>
          </Radio.Group>
        </Form.Item>
        {fromFile ? (
          <Form.Item
            name="vehicle_id"
            label={t('quotes.appraisal.vehicle')}
            rules={[{ required: true, message: t('quotes.appraisal.vehicleRequired') }]}
          >
            <Select
              loading={cars.isLoading}
              notFoundContent={t('quotes.appraisal.noCars')}
              options={owned.map((car) => ({
                value: car.id,
                label: [car.plate, vehicleName(car)].filter(Boolean).join(' · '),
              }))}
              data-testid="appraisal-vehicle"
            />
          </Form.Item>
        ) : (
          <VehicleFields form={form} />
        )}
        <Form.Item name="mileage_km" label={t('quotes.appraisal.mileage')}>
          <InputNumber
            min={0}
            max={2_000_000}
            precision={0}
            addonAfter="km"
            style={{ width: '100%' }}
            data-testid="appraisal-mileage"
          />
        </Form.Item>
        <Form.Item name="condition_notes" label={t('quotes.appraisal.condition')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="value_fen"
          label={t('quotes.appraisal.value')}
          rules={[
            { required: true, message: t('quotes.appraisal.valueRequired') },
            {
              validator: async (_, value?: string) => {
                if (value && (parseMoney(value) ?? -1) < 0)
                  throw new Error(t('errors.field.invalid_amount'));
              },
            },
          ]}
        >
          <Input
            prefix="¥"
            inputMode="decimal"
            placeholder="45,000.00"
            className="tabular"
            data-testid="appraisal-value"
          />
        </Form.Item>
        <Form.Item
          name="valid_until"
          label={t('quotes.appraisal.validUntil')}
          extra={t('quotes.appraisal.validUntilHint')}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
