// The fields of a car, for a new customer's first car, a car added later and editing one.
// `prefix` places them in a larger form (`['vehicles', 0]`), so the server's field errors
// (`vehicles.0.vin`) land next to the right field.
import { WarningOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Cascader,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Segmented,
  Switch,
  type FormInstance,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CatalogModel } from '@/api/types';
import { catalogOptions, findModel, useCatalog } from '@/lib/catalog';
import { useIsMobile } from '@/lib/useIsMobile';
import { normalizeVin, vinCheckDigitOk } from '@/lib/vin';

type NamePath = (string | number)[];

export function modelLabel(model: Pick<CatalogModel, 'name' | 'model_year'>): string {
  return `${model.model_year} ${model.name}`;
}

export function VehicleFields({
  form,
  prefix = [],
  withMileage = false,
  keepModelId,
}: {
  form: FormInstance;
  prefix?: NamePath;
  /** New cars take the odometer now; existing ones get readings instead. */
  withMileage?: boolean;
  /** The model the car already has, kept selectable even if switched off in the catalog. */
  keepModelId?: string | null;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const catalog = useCatalog();
  const name = (field: string): NamePath => [...prefix, field];
  const vin = Form.useWatch(name('vin'), form) as string | undefined;
  const fromCatalog = Form.useWatch(name('from_catalog'), form) as boolean | undefined;
  const picked = Form.useWatch(name('catalog'), form) as string[] | undefined;
  const checkOk = vinCheckDigitOk(vin);
  const model = findModel(catalog.data, picked?.[2])?.model;
  const span = mobile ? 24 : 12;
  const thisYear = dayjs().year();

  return (
    <Row gutter={16}>
      <Col span={span}>
        <Form.Item
          name={name('vin')}
          label={t('vehicles.field.vin')}
          normalize={(value: string) => normalizeVin(value)}
          validateStatus={checkOk === false ? 'warning' : undefined}
          help={
            checkOk === false ? (
              <span data-testid="vin-warning">
                <WarningOutlined /> {t('vehicles.vinCheckWarning')}
              </span>
            ) : undefined
          }
          rules={[
            {
              pattern: /^[A-HJ-NPR-Z0-9]{17}$/,
              message: t('vehicles.vinFormat'),
            },
          ]}
        >
          <Input
            maxLength={17}
            autoComplete="off"
            placeholder="LSVAA4182E2123456"
            className="tabular"
            data-testid="field-vin"
          />
        </Form.Item>
        {checkOk === false && (
          <Form.Item name={name('accept_vin_check_digit')} valuePropName="checked">
            <Checkbox data-testid="accept-vin">{t('vehicles.acceptVinCheckDigit')}</Checkbox>
          </Form.Item>
        )}
      </Col>
      <Col span={span}>
        <Form.Item name={name('plate')} label={t('vehicles.field.plate')}>
          <Input
            maxLength={12}
            autoComplete="off"
            placeholder="浙A12345"
            data-testid="field-plate"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name={name('from_catalog')}
          label={t('vehicles.field.modelSource')}
          getValueProps={(value?: boolean) => ({ value: value === false ? 'text' : 'catalog' })}
          normalize={(value: string) => value === 'catalog'}
        >
          <Segmented
            options={[
              { value: 'catalog', label: t('vehicles.fromCatalog') },
              { value: 'text', label: t('vehicles.freeText') },
            ]}
            data-testid="field-model-source"
          />
        </Form.Item>
      </Col>
      {fromCatalog !== false ? (
        <Col span={24}>
          <Form.Item
            name={name('catalog')}
            label={t('vehicles.field.model')}
            extra={t('vehicles.hint.catalog')}
          >
            <Cascader
              options={catalogOptions(catalog.data, modelLabel, keepModelId)}
              showSearch
              placeholder={t('vehicles.pickModel')}
              loading={catalog.isLoading}
              data-testid="field-catalog"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      ) : (
        <>
          <Col span={mobile ? 24 : 8}>
            <Form.Item name={name('brand')} label={t('vehicles.field.brand')}>
              <Input maxLength={64} data-testid="field-brand" />
            </Form.Item>
          </Col>
          <Col span={mobile ? 24 : 8}>
            <Form.Item name={name('series')} label={t('vehicles.field.series')}>
              <Input maxLength={64} data-testid="field-series" />
            </Form.Item>
          </Col>
          <Col span={mobile ? 24 : 8}>
            <Form.Item name={name('model')} label={t('vehicles.field.trim')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col span={span}>
        <Form.Item name={name('colour')} label={t('vehicles.field.colour')}>
          <AutoComplete
            options={(model?.colours ?? []).map((colour) => ({
              value: colour.name,
              label: colour.name,
            }))}
            data-testid="field-colour"
          />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name={name('model_year')} label={t('vehicles.field.modelYear')}>
          <InputNumber min={1950} max={thisYear + 2} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name={name('purchase_date')} label={t('vehicles.field.purchaseDate')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            data-testid="field-purchase-date"
          />
        </Form.Item>
      </Col>
      {withMileage && (
        <Col span={span}>
          <Form.Item name={name('mileage_km')} label={t('vehicles.field.mileageNow')}>
            <InputNumber
              min={0}
              max={2_000_000}
              precision={0}
              addonAfter={t('vehicles.km')}
              style={{ width: '100%' }}
              data-testid="field-mileage"
            />
          </Form.Item>
        </Col>
      )}
      <Col span={span}>
        <Form.Item
          name={name('bought_here')}
          label={t('vehicles.field.boughtHere')}
          valuePropName="checked"
        >
          <Switch data-testid="field-bought-here" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={name('notes')} label={t('vehicles.field.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Col>
    </Row>
  );
}
