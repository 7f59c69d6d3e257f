import { useState } from 'react';
import { Button, Space } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { lawyerApi, legalAidApi, type LegalAidItemT } from '../../../../common/src/contracts/legal-aid';
import { LEGAL_AID_FLOW, type LegalAidAction } from '../../../../common/src/legal-aid-workflow';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { Actions, FormModal, HistoryDrawer, ListPage, StatusTag, todayInChina, TwoLines, useVocab, type FieldSpec } from '../../kit';
import { DISPUTE_TYPE, LEGAL_AID_CHANNEL, LEGAL_AID_KIND, LEGAL_AID_OUTCOME, LEGAL_AID_STATUS } from './vocab';

type Values = Record<string, string | number | null | undefined>;
type Step = LegalAidAction | 'new';

/** 法律援助申请: requests in scope; a new one, and each row's steps (assign a lawyer, close, decline) in a form. */
export default function LegalAidPage() {
  const { t, pick } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  const [open, setOpen] = useState<{ step: Step; row?: LegalAidItemT } | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const { data: lawyers } = useRequest(() => (open?.step === 'assign' ? call(lawyerApi.list, { query: { pageSize: 200 } }) : Promise.resolve(null)), [open?.step]);
  const fields: Record<Step, FieldSpec[]> = {
    new: [
      { name: 'orgId', label: 'legalAid.field.orgId', kind: 'org', required: true, span: 12 },
      { name: 'channel', label: 'legalAid.field.channel', kind: 'select', vocab: LEGAL_AID_CHANNEL, required: true, span: 12 },
      { name: 'kind', label: 'legalAid.field.kind', kind: 'select', vocab: LEGAL_AID_KIND, required: true, span: 12 },
      { name: 'type', label: 'legalAid.field.type', kind: 'select', vocab: DISPUTE_TYPE, required: true, span: 12 },
      { name: 'applicantName', label: 'legalAid.field.applicantName', required: true, max: 40, span: 12 },
      { name: 'mobile', label: 'dispute.field.mobile', kind: 'mobile', span: 12 },
      { name: 'employerName', label: 'dispute.field.employerName', max: 100, span: 12 },
      { name: 'employerUscc', label: 'dispute.field.employerUscc', kind: 'uscc', span: 12 },
      { name: 'requestedOn', label: 'legalAid.field.requestedOn', kind: 'date', noFuture: true, span: 12 },
      { name: 'summary', label: 'legalAid.field.summary', kind: 'textarea', required: true, max: 2000, span: 24 },
    ],
    assign: [{
      name: 'lawyerId', label: 'legalAid.field.lawyer', kind: 'select',
      options: (lawyers?.items ?? []).filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.name}（${l.firm}，${t('mediator.col.open')} ${l.open}/${l.capacity}）` })),
    }],
    close: [
      { name: 'outcomeKind', label: 'legalAid.field.outcomeKind', kind: 'select', vocab: LEGAL_AID_OUTCOME, required: true },
      { name: 'outcome', label: 'legalAid.field.outcome', kind: 'textarea', required: true, max: 2000 },
      { name: 'hours', label: 'legalAid.field.hours', kind: 'number', required: true, min: 0, max: 2000, props: { precision: 1, step: 0.5 } },
      { name: 'satisfaction', label: 'legalAid.field.satisfaction', kind: 'radio', options: [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) })) },
    ],
    decline: [{ name: 'reason', label: 'legalAid.field.reason', kind: 'textarea', required: true, max: 500 }],
  };
  const send = async (v: Values) => {
    const s = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string) : null);
    const params = { id: open!.row?.id ?? '' };
    switch (open!.step) {
      case 'new': return call(legalAidApi.create, { body: {
        orgId: String(v.orgId), channel: v.channel as never, kind: v.kind as never, type: v.type as never, applicantName: String(v.applicantName), mobile: s('mobile'),
        employerName: s('employerName'), employerUscc: s('employerUscc'), summary: String(v.summary), requestedOn: s('requestedOn') ?? undefined,
      } });
      case 'assign': return call(legalAidApi.assign, { params, body: { lawyerId: s('lawyerId') } });
      case 'close': return call(legalAidApi.close, { params, body: { outcomeKind: v.outcomeKind as never, outcome: String(v.outcome), hours: Number(v.hours), satisfaction: v.satisfaction == null ? null : Number(v.satisfaction) } });
      case 'decline': return call(legalAidApi.decline, { params, body: { reason: String(v.reason) } });
    }
  };
  const tr = open && open.step !== 'new' ? LEGAL_AID_FLOW.transitions[open.step] : null;
  return (
    <>
      <ListPage testId="legal-aid" title="legalAid.title" endpoint={legalAidApi.list}
        reloadKey={tick}
        rowTestId={(r) => `legal-aid-row-${r.requestNo}`}
        scrollX={1100}
        toolbar={access.canWriteLegalAid && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ step: 'new' })} data-testid="legal-aid-new">{t('legalAid.new')}</Button>}
        filters={[
          { name: 'q', label: 'dispute.filter.q', max: 60 },
          { name: 'status', label: 'dispute.filter.status', kind: 'select', vocab: LEGAL_AID_STATUS, span: 4 },
          { name: 'kind', label: 'legalAid.field.kind', kind: 'select', vocab: LEGAL_AID_KIND, span: 4 },
          access.canReadOrg && { name: 'under', label: 'dispute.filter.under', kind: 'org', span: 8 },
        ]}
        columns={[
          { key: 'no', title: 'legalAid.col.no', dataIndex: 'requestNo', fixed: 'left', width: 160, fixedShown: true, render: (no: string, r) => <TwoLines main={<span style={{ fontFamily: 'monospace' }}>{no}</span>} sub={`${r.applicantName} ${r.mobileMasked ?? ''}`} /> },
          { key: 'kind', title: 'legalAid.col.kind', dataIndex: 'kind', width: 140, render: (k: string, r) => <TwoLines main={label(LEGAL_AID_KIND, k)} sub={`${label(DISPUTE_TYPE, r.type)} · ${label(LEGAL_AID_CHANNEL, r.channel)}`} /> },
          { key: 'employer', title: 'dispute.col.employer', dataIndex: 'employerName', width: 180, ellipsis: true },
          { key: 'status', title: 'dispute.col.status', dataIndex: 'status', width: 110, render: (s: string) => <StatusTag vocab={LEGAL_AID_STATUS} value={s} testId="legal-aid-status" /> },
          { key: 'lawyer', title: 'legalAid.col.lawyer', dataIndex: 'lawyerName', width: 100 },
          { key: 'result', title: 'legalAid.col.result', dataIndex: 'outcomeKind', width: 160, render: (o: string | null, r) => o && <TwoLines main={label(LEGAL_AID_OUTCOME, o)} sub={`${r.hours ?? 0} h${r.satisfaction ? ` · ${'★'.repeat(r.satisfaction)}` : ''}`} /> },
          { key: 'requestedOn', title: 'legalAid.field.requestedOn', dataIndex: 'requestedOn', sort: 'requestedOn', width: 110 },
          {
            key: 'actions', title: 'common.actions', width: 220,
            render: (_: unknown, r) => (
              <Space size={4}>
                <Actions size="small" actions={(['assign', 'close', 'decline'] as const).map((a) => ({
                  key: a, label: { zh: LEGAL_AID_FLOW.transitions[a].zh, en: LEGAL_AID_FLOW.transitions[a].en }, show: r.actions.includes(a), danger: LEGAL_AID_FLOW.transitions[a].danger,
                  testId: `legal-aid-${a}-${r.requestNo}`, onClick: () => setOpen({ step: a, row: r }),
                }))} />
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(r.id)} />
              </Space>
            ),
          },
        ]}
      />
      {open && (
        <FormModal<Values>
          open
          width={open.step === 'new' ? 720 : 520}
          title={tr ? `${pick(tr)} ${open.row?.requestNo ?? ''}` : t('legalAid.new')}
          testId={`legal-aid-${open.step}`}
          fields={fields[open.step]}
          initialValues={open.step === 'new' ? { channel: 'walk_in', requestedOn: todayInChina() } : {}}
          confirm={tr?.confirm ? { zh: `确定${tr.zh}？`, en: `${tr.en}?` } : undefined}
          danger={tr?.danger}
          inlineErrors
          onClose={() => setOpen(null)}
          onSubmit={send}
          onDone={() => { setOpen(null); setTick((x) => x + 1); }}
        />
      )}
      <HistoryDrawer endpoint={legalAidApi.history} target={history ? { id: history } : null} onClose={() => setHistory(null)} />
    </>
  );
}
