// before → after for each changed field of an audit event.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EMPTY } from '@/lib/format';
import { changesOf, fieldLabel, formatAuditValue, type Lookups, type Refs } from './labels';

export function ChangeDiff({
  changes,
  refs = {},
  lookups,
  action = '',
}: {
  changes: unknown;
  /** The records ids in the changes point at, by id, as the server named them. */
  refs?: Refs;
  lookups: Lookups;
  /** `entity.verb`: created and deleted records are listed compactly. */
  action?: string;
}) {
  const { t } = useTranslation();
  const list = changesOf(changes);
  if (list.length === 0) {
    return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  }
  // A record created or deleted: its values in one compact paragraph instead of a table.
  const verb = action.split('.')[1] ?? '';
  const created = verb === 'created' && list.every((change) => change.before === null);
  const deleted = verb === 'deleted' && list.every((change) => change.after === null);
  if (created || deleted) {
    return (
      <div
        className={`diff-inline ${deleted ? 'diff-inline-deleted' : ''}`}
        data-testid="audit-diff"
      >
        {list.map(({ field, before, after }) => (
          <span key={field} className="diff-inline-item">
            <span className="diff-inline-label">{fieldLabel(t, field)}</span>
            <span className="diff-inline-value">
              {formatAuditValue(t, field, created ? after : before, lookups, refs)}
            </span>
          </span>
        ))}
      </div>
    );
  }
  return (
    <table className="diff-table" data-testid="audit-diff">
      <tbody>
        {list.map(({ field, before, after }) => {
          const b = formatAuditValue(t, field, before, lookups, refs);
          const a = formatAuditValue(t, field, after, lookups, refs);
          return (
            <tr key={field}>
              <th scope="row">{fieldLabel(t, field)}</th>
              <td>
                {b !== EMPTY && <span className="diff-before">{b}</span>}
                {b !== EMPTY && <span className="diff-arrow">→</span>}
                {a === EMPTY ? (
                  <Typography.Text type="secondary">{t('audit.cleared')}</Typography.Text>
                ) : (
                  <span className="diff-after">{a}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
