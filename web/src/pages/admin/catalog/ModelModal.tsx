// A model (trim) of a series: name, model year, body, powertrain, guide price and colours.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Col,
  ColorPicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CatalogModel, CatalogModelPatch, NewCatalogModel } from '@/api/types';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { BODY_TYPES, POWERTRAINS } from '@/lib/catalog';
import { formatMoney, parseMoney } from '@/lib/format';
import { useIsMobile } from '@/lib/useIsMobile';
import { useCreateModel, useUpdateModel } from './hooks';

export interface ModelFormValues {
  name: string;
  model_year: number;
  body_type: NewCatalogModel['body_type'];
  powertrain: NewCatalogModel['powertrain'];
  /** The guide price as typed ("179,800.00" or "179800"); named as the API's field so its errors land here. */
  guide_price_fen: string;
  colours: { name: string; hex?: string | null }[];
  active: boolean;
}

/** The price as typed, shown back without the currency sign: 17980000 fen → "179,800.00". */
export function priceText(fen: number): string {
  return formatMoney(fen).replace('¥', '');
}

export function modelToForm(model: CatalogModel): ModelFormValues {
  return {
    name: model.name,
    model_year: model.model_year,
    body_type: model.body_type ?? 'sedan',
    powertrain: model.powertrain ?? 'petrol',
    guide_price_fen: priceText(model.guide_price_fen),
    colours: model.colours.map((c) => ({ name: c.name, hex: c.hex ?? null })),
    active: model.active,
  };
}

/** The form's colours for the API: named ones only, hex codes upper-cased. */
export function coloursOf(values: ModelFormValues) {
  return (values.colours ?? [])
    .filter((c) => c?.name?.trim())
    .map((c) => ({ name: c.name.trim(), hex: c.hex ? c.hex.toUpperCase() : null }));
}

/** Only what changed, with the version read. */
export function modelPatch(model: CatalogModel, values: ModelFormValues): CatalogModelPatch {
  const patch: CatalogModelPatch = { version: model.version };
  if (values.name.trim() !== model.name) patch.name = values.name.trim();
  if (values.model_year !== model.model_year) patch.model_year = values.model_year;
  if (values.body_type !== model.body_type) patch.body_type = values.body_type;
  if (values.powertrain !== model.powertrain) patch.powertrain = values.powertrain;
  const fen = parseMoney(values.guide_price_fen);
  if (fen !== null && fen !== model.guide_price_fen) patch.guide_price_fen = fen;
  const colours = coloursOf(values);
  const before = model.colours.map((c) => ({ name: c.name, hex: c.hex ?? null }));
  if (JSON.stringify(colours) !== JSON.stringify(before)) patch.colours = colours;
  if (values.active !== model.active) patch.active = values.active;
  return patch;
}

export function ModelModal({
  open,
  seriesId,
  model,
  onClose,
}: {
  open: boolean;
  seriesId: string;
  /** The model to edit; absent for a new one. */
  model?: CatalogModel | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const create = useCreateModel();
  const update = useUpdateModel();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<ModelFormValues>();
  const fields = [
    'name',
    'model_year',
    'body_type',
    'powertrain',
    'guide_price_fen',
    'colours',
    'active',
  ];
  const half = mobile ? 24 : 12;

  const onFinish = (values: ModelFormValues) => {
    const fen = parseMoney(values.guide_price_fen) ?? 0;
    const done = () => {
      void message.success(t('catalog.modelSaved', { name: values.name.trim() }));
      onClose();
    };
    const onError = (error: unknown) => handleError(error, { form, fields });
    if (model) {
      const patch = modelPatch(model, values);
      if (Object.keys(patch).length === 1) return onClose();
      update.mutate({ id: model.id, ...patch }, { onSuccess: done, onError });
    } else {
      create.mutate(
        {
          series_id: seriesId,
          name: values.name.trim(),
          model_year: values.model_year,
          body_type: values.body_type,
          powertrain: values.powertrain,
          guide_price_fen: fen,
          colours: coloursOf(values),
          active: values.active,
        },
        { onSuccess: done, onError },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={model ? t('catalog.editModel') : t('catalog.newModel')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={mobile ? '100%' : 640}
      destroyOnHidden
    >
      <Form<ModelFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          model
            ? modelToForm(model)
            : {
                model_year: dayjs().year(),
                body_type: 'sedan',
                powertrain: 'petrol',
                guide_price_fen: '',
                colours: [{ name: '', hex: null }],
                active: true,
              }
        }
        onFinish={onFinish}
      >
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('catalog.field.model')}
              extra={t('catalog.hint.model')}
              rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
            >
              <Input maxLength={100} data-testid="model-name" />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="model_year"
              label={t('catalog.field.modelYear')}
              rules={[{ required: true, message: t('errors.field.required') }]}
            >
              <InputNumber
                min={1990}
                max={dayjs().year() + 2}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item
              name="guide_price_fen"
              label={t('catalog.field.guidePrice')}
              rules={[
                { required: true, message: t('errors.field.required') },
                {
                  validator: async (_, value?: string) => {
                    if (value && parseMoney(value) === null)
                      throw new Error(t('errors.field.invalid_amount'));
                  },
                },
              ]}
            >
              <Input
                prefix="¥"
                inputMode="decimal"
                placeholder="179,800.00"
                className="tabular"
                data-testid="model-price"
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="body_type" label={t('catalog.field.bodyType')}>
              <Select
                options={BODY_TYPES.map((b) => ({ value: b, label: t(`catalog.bodyType.${b}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={half}>
            <Form.Item name="powertrain" label={t('catalog.field.powertrain')}>
              <Select
                options={POWERTRAINS.map((p) => ({
                  value: p,
                  label: t(`catalog.powertrain.${p}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('catalog.field.colours')}>
              <Form.List name="colours">
                {(items, { add, remove }) => (
                  <>
                    {items.map((item) => (
                      <div key={item.key} className="colour-row">
                        <Form.Item name={[item.name, 'name']} noStyle>
                          <Input
                            maxLength={32}
                            placeholder={t('catalog.colourName')}
                            style={{ flex: 1 }}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[item.name, 'hex']}
                          noStyle
                          getValueFromEvent={(color: { toHexString: () => string } | null) =>
                            color ? color.toHexString() : null
                          }
                        >
                          <ColorPicker allowClear disabledAlpha format="hex" />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={() => remove(item.name)}
                        />
                      </div>
                    ))}
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ name: '', hex: null })}
                    >
                      {t('catalog.addColour')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="active"
              label={t('catalog.field.onSale')}
              valuePropName="checked"
              extra={t('catalog.hint.onSale')}
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
