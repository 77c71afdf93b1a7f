// Permissions as a grid of resource × action with a data scope per cell. Used for roles and
// for API tokens; `limitTo` keeps the choices within what the current user holds.
import { Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Grant, PermissionInfo, Scope } from '@/api/types';
import { grantableScopes } from '@/lib/permissions';
import { APP_HEADER_HEIGHT } from '@/app/theme';
import { useIsMobile } from '@/lib/useIsMobile';
import { buildGrid, grantedScope, withGrant } from './grid';

const SCOPE_COLORS: Record<Scope, string> = {
  own: 'default',
  team: 'cyan',
  dealer: 'blue',
  group: 'purple',
};

interface Props {
  catalog: readonly PermissionInfo[];
  value: readonly Grant[];
  onChange?: (grants: Grant[]) => void;
  readOnly?: boolean;
  limitTo?: readonly Grant[];
}

export function PermissionGrid({ catalog, value, onChange, readOnly = false, limitTo }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const grid = buildGrid(catalog);

  const cellView = (info: PermissionInfo | undefined) => {
    if (!info) return <span className="muted">·</span>;
    const scope = grantedScope(value, info.key);
    if (readOnly) {
      return scope ? (
        <Tag color={SCOPE_COLORS[scope]}>{t(`scope.${scope}`)}</Tag>
      ) : (
        <Typography.Text type="secondary">{t('scope.none')}</Typography.Text>
      );
    }
    const allowed = limitTo ? grantableScopes(info.scopes, limitTo, info.key) : info.scopes;
    return (
      <Select
        size="small"
        value={scope ?? ''}
        disabled={allowed.length === 0 && !scope}
        onChange={(next: string) =>
          onChange?.(withGrant(value, info.key, next ? (next as Scope) : null, catalog))
        }
        options={[
          { value: '', label: t('scope.none') },
          ...info.scopes.map((s) => ({
            value: s,
            label: t(`scope.${s}`),
            disabled: !allowed.includes(s),
          })),
        ]}
        style={{ width: '100%', minWidth: 96 }}
        aria-label={`${t(`permission.resource.${info.resource}`, { defaultValue: info.resource })} ${t(
          `permission.action.${info.action}`,
          { defaultValue: info.action },
        )}`}
        data-testid={`grant-${info.key}`}
      />
    );
  };

  if (mobile) {
    return (
      <div data-testid="permission-grid">
        {grid.resources.map((resource) => (
          <div key={resource} className="record-card">
            <div className="record-card-title">
              {t(`permission.resource.${resource}`, { defaultValue: resource })}
            </div>
            <dl className="record-card-meta perm-meta">
              {grid.actions
                .map((action) => [action, grid.cell(resource, action)] as const)
                .filter(([, info]) => !!info)
                .map(([action, info]) => (
                  <div key={action} style={{ display: 'contents' }}>
                    <dt>{t(`permission.action.${action}`, { defaultValue: action })}</dt>
                    <dd>{cellView(info)}</dd>
                  </div>
                ))}
            </dl>
          </div>
        ))}
      </div>
    );
  }

  const columns: ColumnsType<string> = [
    {
      title: t('roles.grid.resource'),
      key: 'resource',
      fixed: 'left',
      width: 120,
      render: (_, resource) => (
        <strong>{t(`permission.resource.${resource}`, { defaultValue: resource })}</strong>
      ),
    },
    ...grid.actions.map((action) => ({
      title: t(`permission.action.${action}`, { defaultValue: action }),
      key: action,
      width: 120,
      render: (_: unknown, resource: string) => cellView(grid.cell(resource, action)),
    })),
  ];

  return (
    <Table<string>
      className="grid-table"
      data-testid="permission-grid"
      rowKey={(resource) => resource}
      columns={columns}
      dataSource={grid.resources}
      pagination={false}
      size="small"
      bordered
      scroll={{ x: 120 + grid.actions.length * 120 }}
      // The action names stay in view under the app's header while the resources scroll by.
      sticky={{ offsetHeader: APP_HEADER_HEIGHT }}
    />
  );
}
