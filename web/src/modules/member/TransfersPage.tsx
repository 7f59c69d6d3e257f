import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ImportOutlined, ReloadOutlined } from '@ant-design/icons';
import { transferApi, type Transfer, type TransferStatus } from '../../api/transfers';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n, type MessageKey } from '../../i18n';
import { testId } from '../../app/test-id';
import { Mono } from './components/member-tags';
import { StartTransferModal, type TransferStart } from './components/StartTransferModal';

const STATUS: Record<string, { color: string; label: MessageKey }> = {
  pending: { color: 'processing', label: 'transfer.status.pending' },
  completed: { color: 'success', label: 'transfer.status.completed' },
  rejected: { color: 'error', label: 'transfer.status.rejected' },
  cancelled: { color: 'default', label: 'transfer.status.cancelled' },
};
const INITIATOR: Record<Transfer['initiatedBy'], MessageKey> = { from: 'transfer.by.from', to: 'transfer.by.to', member: 'transfer.by.member' };

type Direction = 'all' | 'in' | 'out';

/** Ask for a reason (reject needs one; cancel may have one). */
function ReasonModal({ action, onClose, onDone }: { action: { kind: 'reject' | 'cancel'; transfer: Transfer } | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<{ reason?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    let v: { reason?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (action!.kind === 'reject') await transferApi.reject(action!.transfer.id, v.reason!.trim());
      else await transferApi.cancel(action!.transfer.id, v.reason?.trim() || undefined);
      void message.success(t(action!.kind === 'reject' ? 'transfer.rejectedMsg' : 'transfer.cancelledMsg'));
      onDone();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };
  const reject = action?.kind === 'reject';
  return (
    <Modal
      open={!!action}
      title={action ? t(reject ? 'transfer.rejectTitle' : 'transfer.cancelTitle', { name: action.transfer.memberName }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t(reject ? 'transfer.reject' : 'transfer.cancel')}
      okButtonProps={{ danger: true, loading: saving, ...testId('transfer-reason-submit') }}
      cancelText={t('action.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('transfer.closeReason')}
          rules={[
            { required: reject, whitespace: true, message: t('transfer.reasonRule') },
            { min: 2, message: t('transfer.reasonRule') },
            { max: 200, message: t('member.rule.max', { n: 200 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 会员接转: transfers into and out of the unions in scope; confirm, reject or cancel; receive by ID number. */
export default function TransfersPage() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const [direction, setDirection] = useState<Direction>('all');
  const [status, setStatus] = useState<TransferStatus | undefined>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { data, loading, reload } = useRequest(() => transferApi.list({ ...page, direction, status }), [direction, status, page.page, page.pageSize], showError);
  const [start, setStart] = useState<TransferStart | null>(null);
  const [reasonAction, setReasonAction] = useState<{ kind: 'reject' | 'cancel'; transfer: Transfer } | null>(null);

  const confirm = (tr: Transfer) =>
    modal.confirm({
      title: t('transfer.confirmTitle', { name: tr.memberName }),
      content: t('transfer.confirmText', { from: tr.fromUnionName, to: tr.toUnionName }),
      okText: t('transfer.confirm'),
      okButtonProps: testId('transfer-confirm-ok'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          const r = await transferApi.confirm(tr.id);
          void message.success(t(r.status === 'completed' ? 'transfer.completedMsg' : 'transfer.confirmedMsg'));
          reload();
        } catch (e) {
          showError(e);
        }
      },
    });

  const side = (name: string, confirmedAt: string | null, awaiting: boolean) => (
    <Space orientation="vertical" size={0}>
      <span>{name}</span>
      {confirmedAt ? (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {t('transfer.confirmedAt', { at: new Date(confirmedAt).toLocaleDateString() })}
        </Typography.Text>
      ) : awaiting ? (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('transfer.awaiting')}
        </Typography.Text>
      ) : null}
    </Space>
  );

  const columns: TableProps<Transfer>['columns'] = [
    {
      title: t('member.field.name'),
      dataIndex: 'memberName',
      key: 'memberName',
      width: 80,
      render: (n: string, tr) => (tr.memberId ? <Link to={`/members/${tr.memberId}`}>{n}</Link> : n),
    },
    { title: t('member.field.idNumber'), dataIndex: 'idMasked', key: 'idMasked', width: 170, render: (s: string) => <Mono>{s}</Mono> },
    { title: t('transfer.from'), key: 'from', width: 220, render: (_: unknown, tr) => side(tr.fromUnionName, tr.fromConfirmedAt, tr.awaiting.includes('from')) },
    { title: t('transfer.to'), key: 'to', width: 220, render: (_: unknown, tr) => side(tr.toUnionName, tr.toConfirmedAt, tr.awaiting.includes('to')) },
    { title: t('transfer.initiatedBy'), dataIndex: 'initiatedBy', key: 'initiatedBy', width: 84, render: (b: Transfer['initiatedBy']) => t(INITIATOR[b]) },
    { title: t('transfer.reason'), dataIndex: 'reason', key: 'reason', ellipsis: true, width: 130, render: (r: string | null, tr) => r ?? tr.closeReason ?? '—' },
    { title: t('transfer.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 100, render: (s: string) => new Date(s).toLocaleDateString() },
    {
      title: t('member.field.status'),
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (s: string, tr) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS[s]?.color ?? 'default'}>{STATUS[s] ? t(STATUS[s].label) : s}</Tag>
          {tr.completedOn && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tr.completedOn}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, tr) => (
        <Space size={4} wrap>
          {tr.can.confirm && (
            <Button size="small" type="primary" onClick={() => confirm(tr)} data-testid={`transfer-confirm-${tr.id}`}>
              {t('transfer.confirm')}
            </Button>
          )}
          {tr.can.reject && (
            <Button size="small" danger onClick={() => setReasonAction({ kind: 'reject', transfer: tr })} data-testid={`transfer-reject-${tr.id}`}>
              {t('transfer.reject')}
            </Button>
          )}
          {tr.can.cancel && (
            <Button size="small" onClick={() => setReasonAction({ kind: 'cancel', transfer: tr })} data-testid={`transfer-cancel-${tr.id}`}>
              {t('transfer.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="transfers-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.memberTransfers')}</Typography.Title>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('action.refresh')}
          </Button>
          <Button type="primary" icon={<ImportOutlined />} onClick={() => setStart({ kind: 'in' })} data-testid="transfer-incoming-btn">
            {t('transfer.incoming')}
          </Button>
        </Space>
      </div>
      <Card>
        <div className="gh-filters">
          <Segmented<Direction>
            value={direction}
            onChange={(d) => {
              setDirection(d);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            data-testid="transfers-direction"
            options={[
              { value: 'all', label: t('transfer.dir.all') },
              { value: 'in', label: t('transfer.dir.in') },
              { value: 'out', label: t('transfer.dir.out') },
            ]}
          />
          <Select
            value={status ?? 'all'}
            onChange={(v: TransferStatus | 'all') => {
              setStatus(v === 'all' ? undefined : v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 140 }}
            data-testid="transfers-filter-status"
            options={[...Object.entries(STATUS).map(([value, s]) => ({ value, label: t(s.label) })), { value: 'all', label: t('common.all') }]}
          />
        </div>
        <Table<Transfer>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          data-testid="transfers-table"
          onRow={(tr) => testId(`transfer-row-${tr.id}`)}
          scroll={{ x: 1264 }}
          locale={{ emptyText: t('common.noData') }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            onChange: (p, ps) => setPage({ page: p, pageSize: ps }),
            showTotal: (n) => t('common.total', { n }),
          }}
        />
      </Card>
      <StartTransferModal
        start={start}
        onClose={() => setStart(null)}
        onStarted={() => {
          setStart(null);
          reload();
        }}
      />
      <ReasonModal
        action={reasonAction}
        onClose={() => setReasonAction(null)}
        onDone={() => {
          setReasonAction(null);
          reload();
        }}
      />
    </div>
  );
}
