import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Typography } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import {
  transferApi, TRANSFER_DIRECTIONS, TRANSFER_DIRECTION_LABELS, TRANSFER_INITIATORS, TRANSFER_INITIATOR_LABELS, TRANSFER_STATUSES, TRANSFER_STATUS_LABELS, type Transfer,
} from '../../../../common/src/contracts/transfer';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';
import { Actions, formatDate, FormModal, ListPage, StatusTag, TwoLines, useVocab, vocabOf } from '../../kit';
import { StartTransferModal, type TransferStart } from './components/StartTransferModal';

const STATUS = vocabOf(TRANSFER_STATUSES, TRANSFER_STATUS_LABELS, { pending: 'processing', completed: 'success', rejected: 'error', cancelled: 'default' });
const STATUS_FILTER = { ...STATUS, all: { zh: '全部', en: 'All' } };
const DIRECTION = vocabOf(TRANSFER_DIRECTIONS, TRANSFER_DIRECTION_LABELS);
const INITIATOR = vocabOf(TRANSFER_INITIATORS, TRANSFER_INITIATOR_LABELS);

/** 会员接转: transfers into and out of the unions in scope; confirm, reject or cancel; receive by ID number. */
export default function TransfersPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const [changed, setChanged] = useState(0);
  const reload = () => setChanged((n) => n + 1);
  const [start, setStart] = useState<TransferStart | null>(null);
  const [closing, setClosing] = useState<{ kind: 'reject' | 'cancel'; transfer: Transfer } | null>(null);

  const confirm = (tr: Transfer) =>
    modal.confirm({
      title: t('transfer.confirmTitle', { name: tr.memberName }),
      content: t('transfer.confirmText', { from: tr.fromUnionName, to: tr.toUnionName }),
      okText: t('transfer.confirm'),
      okButtonProps: testId('transfer-confirm-ok'),
      cancelText: t('action.cancel'),
      onOk: () =>
        call(transferApi.confirm, { params: { id: tr.id } }).then((r) => {
          void message.success(t(r.status === 'completed' ? 'transfer.completedMsg' : 'transfer.confirmedMsg'));
          reload();
        }, showError),
    });

  /** A side: the union, and whether it has confirmed or is still awaited. */
  const side = (name: string, confirmedAt: string | null, awaiting: boolean) => (
    <TwoLines
      main={name}
      sub={confirmedAt ? <Typography.Text type="success" style={{ fontSize: 12 }}>{t('transfer.confirmedAt', { at: formatDate(confirmedAt) })}</Typography.Text> : awaiting ? <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('transfer.awaiting')}</Typography.Text> : null}
    />
  );
  const reject = closing?.kind === 'reject';

  return (
    <>
      <ListPage testId="transfers" title="menu.memberTransfers" endpoint={transferApi.list}
        defaults={{ status: 'pending' }}
        reloadKey={changed}
        rowTestId={(tr) => `transfer-row-${tr.id}`}
        scrollX={1264}
        toolbar={
          <Button type="primary" icon={<ImportOutlined />} onClick={() => setStart({ kind: 'in' })} data-testid="transfer-incoming-btn">
            {t('transfer.incoming')}
          </Button>
        }
        filters={[
          { name: 'direction', label: 'transfer.direction', kind: 'select', vocab: DIRECTION, props: { allowClear: false } },
          { name: 'status', label: 'join.field.status', kind: 'select', vocab: STATUS_FILTER, props: { allowClear: false } },
        ]}
        columns={[
          { key: 'memberName', title: 'member.field.name', dataIndex: 'memberName', width: 80, render: (n: string, tr) => (tr.memberId ? <Link to={`/members/${tr.memberId}`}>{n}</Link> : n) },
          { key: 'idMasked', title: 'member.field.idNumber', dataIndex: 'idMasked', width: 170, render: (s: string) => <span style={{ fontFamily: 'monospace' }}>{s}</span> },
          { key: 'from', title: 'transfer.from', width: 220, render: (_: unknown, tr) => side(tr.fromUnionName, tr.fromConfirmedAt, tr.awaiting.includes('from')) },
          { key: 'to', title: 'transfer.to', width: 220, render: (_: unknown, tr) => side(tr.toUnionName, tr.toConfirmedAt, tr.awaiting.includes('to')) },
          { key: 'initiatedBy', title: 'transfer.initiatedBy', dataIndex: 'initiatedBy', width: 84, render: (b: string) => label(INITIATOR, b) },
          { key: 'reason', title: 'transfer.reason', dataIndex: 'reason', ellipsis: true, width: 130, render: (r: string | null, tr) => r ?? tr.closeReason ?? '—' },
          { key: 'createdAt', title: 'transfer.createdAt', dataIndex: 'createdAt', width: 100, render: (s: string) => formatDate(s) },
          { key: 'status', title: 'join.field.status', dataIndex: 'status', width: 90, render: (s: string, tr) => <TwoLines main={<StatusTag vocab={STATUS} value={s} />} sub={tr.completedOn} /> },
          {
            key: 'actions', title: 'common.actions', width: 170, fixed: 'right', fixedShown: true,
            render: (_: unknown, tr) => (
              <Actions
                size="small"
                actions={[
                  { key: 'confirm', label: 'transfer.confirm', primary: true, show: tr.can.confirm, onClick: () => confirm(tr), testId: `transfer-confirm-${tr.id}` },
                  { key: 'reject', label: 'transfer.reject', danger: true, show: tr.can.reject, onClick: () => setClosing({ kind: 'reject', transfer: tr }), testId: `transfer-reject-${tr.id}` },
                  { key: 'cancel', label: 'transfer.cancel', show: tr.can.cancel, onClick: () => setClosing({ kind: 'cancel', transfer: tr }), testId: `transfer-cancel-${tr.id}` },
                ]}
              />
            ),
          },
        ]}
      />
      <StartTransferModal
        start={start}
        onClose={() => setStart(null)}
        onStarted={() => {
          setStart(null);
          reload();
        }}
      />
      <FormModal<{ reason?: string }>
        open={!!closing}
        title={closing ? t(reject ? 'transfer.rejectTitle' : 'transfer.cancelTitle', { name: closing.transfer.memberName }) : ''}
        testId="transfer-reason"
        okText={reject ? 'transfer.reject' : 'transfer.cancel'}
        danger
        fields={[{ name: 'reason', label: 'transfer.closeReason', kind: 'textarea', max: 200, required: reject && 'transfer.reasonRule', rules: [{ min: 2, message: t('transfer.reasonRule') }] }]}
        onSubmit={(v) => {
          const id = closing!.transfer.id;
          const reason = v.reason?.trim() || undefined;
          return reject ? call(transferApi.reject, { params: { id }, body: { reason: reason! } }) : call(transferApi.cancel, { params: { id }, body: { reason } });
        }}
        onDone={() => {
          void message.success(t(reject ? 'transfer.rejectedMsg' : 'transfer.cancelledMsg'));
          setClosing(null);
          reload();
        }}
        onClose={() => setClosing(null)}
      />
    </>
  );
}
