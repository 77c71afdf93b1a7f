// Deciding an approval where it is shown (my work, the list, the detail): approve, reject with
// a comment (required), or — for the requester — withdraw.
import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { useMe } from '@/app/session';
import { useApiErrorHandler } from '@/components/useApiErrorHandler';
import { useRefreshWork, type Approval } from '@/lib/work';

export function ApprovalDecision({ approval, compact }: { approval: Approval; compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState(false);
  const [busy, setBusy] = useState<'approve' | 'reject' | 'withdraw' | null>(null);
  const onError = useApiErrorHandler();
  const refresh = useRefreshWork();
  const pending = approval.status === 'pending';
  const mine = approval.requester.id === me.user.id;
  if (!pending || (!approval.can_decide && !mine)) return null;

  const act = async (action: 'approve' | 'reject' | 'withdraw') => {
    const text = comment.trim();
    if (action === 'reject' && !text) {
      setCommentError(true);
      return;
    }
    setBusy(action);
    try {
      const options = {
        params: { path: { id: approval.id } },
        body: { version: approval.version, comment: text || null },
      };
      if (action === 'approve') await unwrap(api.POST('/api/v1/approvals/{id}/approve', options));
      else if (action === 'reject')
        await unwrap(api.POST('/api/v1/approvals/{id}/reject', options));
      else await unwrap(api.POST('/api/v1/approvals/{id}/withdraw', options));
      void message.success(t(`work.approval.done.${action}`));
      setComment('');
    } catch (error) {
      onError(error, { onConflict: () => void message.warning(t('work.staleReloaded')) });
    } finally {
      setBusy(null);
      void refresh();
    }
  };

  return (
    <div className="approval-decision" data-testid="approval-decision">
      {approval.can_decide && (
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          size={compact ? 'small' : 'middle'}
          value={comment}
          status={commentError ? 'error' : undefined}
          onChange={(e) => {
            setComment(e.target.value);
            setCommentError(false);
          }}
          placeholder={t('work.approval.commentPlaceholder')}
          data-testid="approval-comment"
        />
      )}
      {commentError && <div className="work-error-text">{t('work.approval.commentRequired')}</div>}
      <Space wrap style={{ marginTop: 8 }}>
        {approval.can_decide && (
          <>
            <Button
              type="primary"
              size={compact ? 'small' : 'middle'}
              loading={busy === 'approve'}
              onClick={() => void act('approve')}
              data-testid="approval-approve"
            >
              {t('work.approval.approve')}
            </Button>
            <Button
              danger
              size={compact ? 'small' : 'middle'}
              loading={busy === 'reject'}
              onClick={() => void act('reject')}
              data-testid="approval-reject"
            >
              {t('work.approval.reject')}
            </Button>
          </>
        )}
        {mine && (
          <Button
            size={compact ? 'small' : 'middle'}
            loading={busy === 'withdraw'}
            onClick={() => void act('withdraw')}
            data-testid="approval-withdraw"
          >
            {t('work.approval.withdraw')}
          </Button>
        )}
      </Space>
    </div>
  );
}
