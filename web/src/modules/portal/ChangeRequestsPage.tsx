import { useState } from 'react';
import { App, Button, Space, Tag } from 'antd';
import { CHANGE_FIELD_LABELS, CHANGE_STATUS_LABELS, portalApi, type ChangeRequestRowT } from '../../../../common/src/contracts/portal';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useBusy } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, useVocab } from '../../kit';

const COLOR = { pending: 'processing', approved: 'success', rejected: 'error' } as const;

/** 会员管理 → 职工信息变更: workers' requests from 我的, approved (written to the record) or rejected in scope. */
export default function ChangeRequestsPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const { modal } = App.useApp();
  const access = useAccess();
  const { run } = useBusy();
  const [tick, setTick] = useState(0);
  const [rejecting, setRejecting] = useState<ChangeRequestRowT | null>(null);
  const approve = (r: ChangeRequestRowT) =>
    modal.confirm({
      title: t('portalReview.approve'),
      content: t('portalReview.approveConfirm'),
      onOk: () => run(() => call(portalApi.approveChange, { params: { id: r.id }, body: { version: r.version } }), t('portalReview.approved')).then(() => setTick((x) => x + 1)),
    });
  return (
    <>
      <ListPage
        testId="change-requests"
        title="portalReview.menu"
        endpoint={portalApi.changeRequests}
        reloadKey={tick}
        filters={[
          { name: 'status', label: 'portalReview.status', kind: 'select', vocab: CHANGE_STATUS_LABELS },
          { name: 'field', label: 'portalReview.field', kind: 'select', vocab: CHANGE_FIELD_LABELS },
        ]}
        columns={[
          { key: 'createdAt', title: 'portalReview.createdAt', dataIndex: 'createdAt', width: 160, render: (s: string) => new Date(s).toLocaleString('zh-CN', { hour12: false }) },
          { key: 'memberName', title: 'portalReview.member', dataIndex: 'memberName', width: 100 },
          { key: 'orgName', title: 'portalReview.union', dataIndex: 'orgName', width: 180 },
          { key: 'field', title: 'portalReview.field', dataIndex: 'field', width: 130, render: (f: string) => label(CHANGE_FIELD_LABELS, f) },
          { key: 'value', title: 'portalReview.value', dataIndex: 'valueMasked', render: (v: string, r) => <>{v}{r.toUnionName && ` → ${r.toUnionName}`}{r.note && <div style={{ color: '#888' }}>{r.note}</div>}</> },
          { key: 'status', title: 'portalReview.status', dataIndex: 'status', width: 90, render: (s: keyof typeof COLOR) => <Tag color={COLOR[s]}>{label(CHANGE_STATUS_LABELS, s)}</Tag> },
          {
            key: 'actions', title: 'common.actions', width: 150,
            render: (_: unknown, r) => r.status === 'pending' && access.canWriteMember && (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => approve(r)} data-testid={`change-approve-${r.id}`}>{t('portalReview.approve')}</Button>
                <Button type="link" size="small" danger onClick={() => setRejecting(r)} data-testid={`change-reject-${r.id}`}>{t('portalReview.reject')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ reason: string }>
        open={!!rejecting}
        title={t('portalReview.reject')}
        testId="change-reject-form"
        fields={[{ name: 'reason', label: 'portalReview.reason', kind: 'textarea', required: true, max: 200 }]}
        onClose={() => setRejecting(null)}
        onSubmit={(v) => call(portalApi.rejectChange, { params: { id: rejecting!.id }, body: { reason: v.reason, version: rejecting!.version } })}
        onDone={() => { setRejecting(null); setTick((x) => x + 1); }}
      />
    </>
  );
}
