// A VIN, with a warning sign when its check digit is wrong (kept on purpose by a user).
import { WarningOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Vehicle } from '@/api/types';
import { display } from '@/lib/format';

export function VinCell({ vehicle }: { vehicle: Pick<Vehicle, 'vin' | 'vin_check_ok'> }) {
  const { t } = useTranslation();
  return (
    <span className="tabular">
      {display(vehicle.vin)}{' '}
      {vehicle.vin && !vehicle.vin_check_ok && (
        <Tooltip title={t('vehicles.vinCheckKept')}>
          <WarningOutlined className="warning-icon" aria-label={t('vehicles.vinCheckKept')} />
        </Tooltip>
      )}
    </span>
  );
}
