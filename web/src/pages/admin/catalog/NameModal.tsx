// Naming a brand or a series: a new one, or a new name for one the dealer owns.
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogBrand, CatalogSeries } from '@/api/types';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useCreateBrand, useCreateSeries, useRenameBrand, useRenameSeries } from './hooks';

export type NameDialog =
  | { kind: 'newBrand' }
  | { kind: 'newSeries'; brand: CatalogBrand }
  | { kind: 'renameBrand'; brand: CatalogBrand }
  | { kind: 'renameSeries'; series: CatalogSeries };

export function NameModal({
  dialog,
  onClose,
  onCreated,
}: {
  dialog: NameDialog | null;
  onClose: () => void;
  /** A new brand or series was made: select it. */
  onCreated: (selection: { brand: string; series: string | null }) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const createBrand = useCreateBrand();
  const renameBrand = useRenameBrand();
  const createSeries = useCreateSeries();
  const renameSeries = useRenameSeries();
  const [nameForm] = Form.useForm<{ name: string }>();

  const submitName = ({ name }: { name: string }) => {
    if (!dialog) return;
    const trimmed = name.trim();
    const opts = {
      onSuccess: () => {
        void message.success(t('catalog.saved', { name: trimmed }));
        onClose();
      },
      onError: (error: unknown) => handleError(error, { form: nameForm, fields: ['name'] }),
    };
    switch (dialog.kind) {
      case 'newBrand':
        createBrand.mutate(trimmed, {
          ...opts,
          onSuccess: (created) => {
            opts.onSuccess();
            onCreated({ brand: created.id, series: null });
          },
        });
        break;
      case 'newSeries':
        createSeries.mutate(
          { brand_id: dialog.brand.id, name: trimmed },
          {
            ...opts,
            onSuccess: (created) => {
              opts.onSuccess();
              onCreated({ brand: dialog.brand.id, series: created.id });
            },
          },
        );
        break;
      case 'renameBrand':
        renameBrand.mutate(
          { id: dialog.brand.id, version: dialog.brand.version, name: trimmed },
          opts,
        );
        break;
      case 'renameSeries':
        renameSeries.mutate(
          { id: dialog.series.id, version: dialog.series.version, name: trimmed },
          opts,
        );
        break;
    }
  };

  const dialogTitle = dialog
    ? {
        newBrand: t('catalog.newBrand'),
        newSeries: t('catalog.newSeries'),
        renameBrand: t('catalog.renameBrand'),
        renameSeries: t('catalog.renameSeries'),
      }[dialog.kind]
    : '';

  return (
    <Modal
      open={dialog !== null}
      title={dialogTitle}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => nameForm.submit()}
      confirmLoading={
        createBrand.isPending ||
        createSeries.isPending ||
        renameBrand.isPending ||
        renameSeries.isPending
      }
      destroyOnHidden
    >
      <Form
        form={nameForm}
        layout="vertical"
        preserve={false}
        onFinish={submitName}
        initialValues={{
          name:
            dialog?.kind === 'renameBrand'
              ? dialog.brand.name
              : dialog?.kind === 'renameSeries'
                ? dialog.series.name
                : '',
        }}
      >
        <Form.Item
          name="name"
          label={
            dialog?.kind === 'newBrand' || dialog?.kind === 'renameBrand'
              ? t('catalog.field.brand')
              : t('catalog.field.series')
          }
          rules={[{ required: true, whitespace: true, message: t('errors.field.required') }]}
        >
          <Input maxLength={64} autoFocus data-testid="catalog-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
