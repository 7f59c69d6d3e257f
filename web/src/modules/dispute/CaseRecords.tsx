import { useState } from 'react';
import { Alert, App, Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, FilePdfOutlined, FileZipOutlined, UploadOutlined } from '@ant-design/icons';
import { disputeRecordsApi, MAX_ATTACHMENT_BYTES, UPLOAD_MIME_TYPES, type DisputeRecordsT } from '../../../../common/src/contracts/dispute-records';
import type { DisputeDetail } from '../../../../common/src/contracts/dispute';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError, useBusy } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, DeadlineBadge, download, fileToBase64, FormModal, formatDate, StatusTag, todayInChina, useVocab, yuan, type FieldSpec } from '../../kit';
import { EVIDENCE_KIND, MILESTONE_KIND, REFERRAL_GROUND, SIGNATORY_ROLE, SIGNATURE_METHOD } from './vocab';
import { SignaturePad } from './SignaturePad';

type Values = Record<string, unknown>;
type Dialog = 'schedule' | 'sign' | 'pay' | 'refer' | 'milestone' | null;
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
const safeName = (n: string) => n.replace(/[/\\]/g, '_').replace(/\p{Cc}/gu, '').slice(0, 120);

/**
 * 证据与协议: the case's evidence (upload checked here before sending, download audited by the
 * server), the mediation agreement — PDF, signatures of both parties and the mediator, the payment
 * schedule with missed instalments and the referral to arbitration (劳动争议调解仲裁法 Art. 15) —
 * and the arbitration milestones with their statutory days. What may be done is the server's `can`.
 */
export function CaseRecords({ dispute }: { dispute: DisputeDetail }) {
  const { t } = useI18n();
  const { label, options } = useVocab();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const params = { id: dispute.id };
  const { data, reload } = useRequest(() => call(disputeRecordsApi.records, { params }), [dispute.id, dispute.version], showError);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [kind, setKind] = useState<string>('contract');
  const { busy, run } = useBusy();
  const [count, setCount] = useState(2);
  if (!data) return null;

  const beforeUpload = async (f: File) => {
    if (!(UPLOAD_MIME_TYPES as readonly string[]).includes(f.type)) void message.error(t('dispute.ev.badType', { name: f.name }));
    else if (f.size > MAX_ATTACHMENT_BYTES) void message.error(t('dispute.ev.tooBig', { name: f.name }));
    else {
      const body = { kind: kind as never, fileName: safeName(f.name), data: await fileToBase64(f) };
      if (await run(() => call(disputeRecordsApi.addEvidence, { params, body }), t('dispute.ev.uploaded', { name: f.name }))) reload();
    }
    return Upload.LIST_IGNORE;
  };

  const agreed = data.agreement;
  const forms: Record<Exclude<Dialog, null>, { title: string; fields: FieldSpec[]; initial?: Values; send: (v: Values) => Promise<unknown> }> = {
    schedule: {
      title: t('dispute.pay.schedule'),
      initial: { count, ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`amount${i}`, i === count - 1 && agreed?.amountFen ? agreed.amountFen - Math.floor(agreed.amountFen / count) * (count - 1) : Math.floor((agreed?.amountFen ?? 0) / count)])) },
      fields: [
        { name: 'count', label: 'dispute.pay.count', kind: 'custom', span: 24, input: <InputNumber min={1} max={12} onChange={(n) => setCount(Number(n) || 1)} data-testid="dispute-pay-count" /> },
        ...Array.from({ length: count }, (_, i): FieldSpec[] => [
          { name: `due${i}`, label: { zh: `第${i + 1}期履行期限`, en: `Instalment ${i + 1} due` }, kind: 'date', required: true, span: 12 },
          { name: `amount${i}`, label: { zh: `第${i + 1}期金额`, en: `Instalment ${i + 1} amount` }, kind: 'money', required: true, span: 12 },
        ]).flat(),
      ],
      send: (v) => call(disputeRecordsApi.schedule, { params, body: { instalments: Array.from({ length: count }, (_, i) => ({ dueOn: String(v[`due${i}`]), amountFen: Number(v[`amount${i}`] ?? 0), note: null })) } }),
    },
    sign: {
      title: t('dispute.sign.title'),
      initial: { method: 'upload', signedOn: todayInChina() },
      fields: [
        { name: 'role', label: 'dispute.sign.role', kind: 'select', required: true, options: SIGNATORY_ROLES_LEFT(data).map((r) => ({ value: r, label: label(SIGNATORY_ROLE, r) })) },
        { name: 'signerName', label: 'dispute.sign.name', required: true, max: 60 },
        { name: 'signedOn', label: 'dispute.sign.on', kind: 'date', noFuture: true },
        { name: 'method', label: 'dispute.sign.method', kind: 'radio', vocab: SIGNATURE_METHOD, required: true },
        { name: 'drawn', label: 'dispute.sign.draw', kind: 'custom', span: 24, input: <SignaturePad />, extra: 'dispute.sign.drawHint' },
        {
          name: 'page', label: 'dispute.sign.page', kind: 'custom', span: 24, extra: 'dispute.sign.pageHint',
          input: <FileField testId="dispute-sign-file" />,
        },
      ],
      send: (v) => call(disputeRecordsApi.sign, {
        params,
        body: { role: v.role as never, signerName: String(v.signerName), signedOn: (v.signedOn as string) || undefined, method: v.method as never, image: ((v.method === 'on_screen' ? v.drawn : v.page) as string | undefined) || undefined },
      }),
    },
    pay: {
      title: t('dispute.pay.record'),
      initial: { paidOn: todayInChina(), seq: data.instalments.find((i) => !i.paidOn)?.seq, amountFen: data.instalments.find((i) => !i.paidOn)?.outstandingFen },
      fields: [
        { name: 'seq', label: 'dispute.pay.seq', kind: 'select', required: true, options: data.instalments.filter((i) => !i.paidOn).map((i) => ({ value: i.seq, label: `${t('dispute.pay.nth', { n: i.seq })} · ${i.dueOn} · ${t('dispute.pay.outstanding')} ${yuan(i.outstandingFen)}` })) },
        { name: 'paidOn', label: 'dispute.pay.paidOn', kind: 'date', required: true, noFuture: true },
        { name: 'amountFen', label: 'dispute.pay.paidAmount', kind: 'money', required: true },
      ],
      send: (v) => call(disputeRecordsApi.pay, { params, body: { seq: Number(v.seq), paidOn: String(v.paidOn), amountFen: Number(v.amountFen) } }),
    },
    refer: {
      title: t('dispute.refer.title'),
      initial: { commission: t('dispute.refer.defaultCommission'), referredOn: todayInChina() },
      fields: [
        { name: 'commission', label: 'dispute.refer.commission', required: true, max: 100, span: 24 },
        { name: 'referredOn', label: 'dispute.refer.on', kind: 'date', noFuture: true },
        { name: 'note', label: 'dispute.step.note', kind: 'textarea', max: 500, span: 24 },
      ],
      send: (v) => call(disputeRecordsApi.refer, { params, body: { commission: String(v.commission), referredOn: (v.referredOn as string) || undefined, note: (v.note as string) || null } }),
    },
    milestone: {
      title: t('dispute.arb.add'),
      initial: { onDate: todayInChina() },
      fields: [
        { name: 'kind', label: 'dispute.arb.kind', kind: 'select', vocab: MILESTONE_KIND, required: true },
        { name: 'onDate', label: 'dispute.arb.on', kind: 'date', required: true, noFuture: true },
        { name: 'reference', label: 'dispute.arb.reference', max: 60 },
        { name: 'note', label: 'dispute.step.note', kind: 'textarea', max: 500, span: 24 },
      ],
      send: (v) => call(disputeRecordsApi.milestone, { params, body: { kind: v.kind as never, onDate: String(v.onDate), reference: (v.reference as string) || null, note: (v.note as string) || null } }),
    },
  };
  const form = dialog ? forms[dialog] : null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16} data-testid="dispute-records">
      <Card size="small" title={t('dispute.ev.title')}>
        {data.can.evidence && (
          <Space wrap style={{ marginBottom: 12 }}>
            <Select value={kind} onChange={setKind} options={options(EVIDENCE_KIND) as never} style={{ width: 170 }} data-testid="dispute-ev-kind" aria-label={t('dispute.ev.kind')} />
            <Upload accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" showUploadList={false} beforeUpload={beforeUpload} disabled={busy}>
              <Button icon={<UploadOutlined />} loading={busy} data-testid="dispute-ev-upload">{t('dispute.ev.upload')}</Button>
            </Upload>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dispute.ev.hint')}</Typography.Text>
          </Space>
        )}
        <Table
          rowKey="id" size="small" pagination={false} dataSource={data.evidence} data-testid="dispute-ev-table" locale={{ emptyText: t('dispute.ev.empty') }}
          columns={[
            { title: t('dispute.ev.kind'), dataIndex: 'kind', width: 120, render: (k: string) => label(EVIDENCE_KIND, k) },
            { title: t('dispute.ev.name'), dataIndex: 'fileName', ellipsis: true },
            { title: t('dispute.ev.size'), dataIndex: 'size', width: 80, align: 'right', render: size },
            { title: t('dispute.ev.at'), dataIndex: 'createdAt', width: 110, render: (s: string) => formatDate(s) },
            {
              title: t('common.actions'), key: 'a', width: 160,
              render: (_, e) => (
                <Actions size="small" actions={[
                  { key: 'dl', label: 'dispute.ev.download', icon: <DownloadOutlined />, testId: `dispute-ev-download-${e.id}`, onClick: () => download(disputeRecordsApi.evidence, { params: { id: e.id } }, e.fileName).catch(showError) },
                  {
                    key: 'rm', label: 'action.delete', icon: <DeleteOutlined />, danger: true, show: data.can.evidence, testId: `dispute-ev-delete-${e.id}`,
                    confirm: { zh: `删除证据“${e.fileName}”？删除后不能恢复。`, en: `Delete “${e.fileName}”? This cannot be undone.` },
                    onClick: async () => {
                      await call(disputeRecordsApi.deleteEvidence, { params: { id: e.id } }).then(reload, showError);
                    },
                  },
                ]} />
              ),
            },
          ]}
        />
      </Card>

      {agreed && (
        <Card
          size="small" title={t('dispute.agreement.title')} data-testid="dispute-agreement-card"
          extra={<Button icon={<FilePdfOutlined />} data-testid="dispute-agreement-pdf" onClick={() => download(disputeRecordsApi.agreementPdf, { params }, `调解协议书-${dispute.caseNo}.pdf`).catch(showError)}>{t('dispute.agreement.pdf')}</Button>}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {agreed.signedByAll ? <Tag color="green" data-testid="dispute-signed-all">{t('dispute.sign.all')}</Tag> : <Tag color="orange" data-testid="dispute-signed-missing">{t('dispute.sign.missing')}</Tag>}
              {data.can.sign && !agreed.signedByAll && <Button size="small" type="primary" data-testid="dispute-sign" onClick={() => setDialog('sign')}>{t('dispute.sign.title')}</Button>}
            </Space>
            <Table
              rowKey="role" size="small" pagination={false} dataSource={agreed.signatures} data-testid="dispute-signatures" locale={{ emptyText: t('dispute.sign.none') }}
              columns={[
                { title: t('dispute.sign.role'), dataIndex: 'role', render: (r: string) => label(SIGNATORY_ROLE, r) },
                { title: t('dispute.sign.name'), dataIndex: 'signerName' },
                { title: t('dispute.sign.on'), dataIndex: 'signedOn' },
                { title: t('dispute.sign.method'), dataIndex: 'method', render: (m: string) => label(SIGNATURE_METHOD, m) },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 8 }}>{t('dispute.pay.title')}</Typography.Title>
            {data.breachSince && (
              <Alert type="error" showIcon data-testid="dispute-breach" title={t('dispute.pay.breach', { date: data.breachSince })}
                action={data.can.refer ? <Button size="small" danger data-testid="dispute-refer" onClick={() => setDialog('refer')}>{t('dispute.refer.title')}</Button> : undefined} />
            )}
            <Space wrap>
              {data.can.schedule && <Button size="small" data-testid="dispute-schedule" onClick={() => setDialog('schedule')}>{t('dispute.pay.schedule')}</Button>}
              {data.can.pay && <Button size="small" type="primary" data-testid="dispute-pay" onClick={() => setDialog('pay')}>{t('dispute.pay.record')}</Button>}
              <Typography.Text type="secondary" data-testid="dispute-paid">{t('dispute.pay.paid', { paid: yuan(data.paidFen), total: yuan(agreed.amountFen) })}</Typography.Text>
            </Space>
            <Table
              rowKey="seq" size="small" pagination={false} dataSource={data.instalments} data-testid="dispute-instalments" locale={{ emptyText: t('dispute.pay.none') }}
              onRow={(i) => ({ 'data-testid': `dispute-instalment-${i.seq}` }) as never}
              columns={[
                { title: t('dispute.pay.seq'), dataIndex: 'seq', width: 70, render: (n: number) => t('dispute.pay.nth', { n }) },
                { title: t('dispute.pay.due'), dataIndex: 'dueOn', render: (d: string, i) => (i.paidOn ? d : <DeadlineBadge due={d} unit="calendar_days" />) },
                { title: t('dispute.pay.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
                { title: t('dispute.pay.paidAmount'), dataIndex: 'paidFen', align: 'right', render: (f: number, i) => <span title={i.payments.map((p) => `${p.paidOn} ${yuan(p.amountFen)}`).join('\n')}>{yuan(f)}</span> },
                { title: t('dispute.pay.outstanding'), dataIndex: 'outstandingFen', align: 'right', render: (f: number) => yuan(f) },
                { title: t('dispute.pay.state'), key: 's', render: (_, i) => (i.paidOn ? <Tag color="green">{t('dispute.pay.paidOn')} {i.paidOn}</Tag> : i.missed ? <Tag color="red">{t('dispute.pay.missed')}</Tag> : <Tag>{t('dispute.pay.pending')}</Tag>) },
              ]}
            />
          </Space>
        </Card>
      )}

      {(data.referral || data.milestones.length > 0 || data.can.milestone || data.can.refer) && (
        <Card size="small" title={t('dispute.arb.title')} data-testid="dispute-arbitration"
          extra={<Space>
            {data.can.refer && !agreed && <Button size="small" danger data-testid="dispute-refer-failed" onClick={() => setDialog('refer')}>{t('dispute.refer.title')}</Button>}
            {data.can.milestone && <Button size="small" data-testid="dispute-milestone" onClick={() => setDialog('milestone')}>{t('dispute.arb.add')}</Button>}
            {data.can.bundle && <Button size="small" icon={<FilePdfOutlined />} data-testid="dispute-referral-pdf" onClick={() => download(disputeRecordsApi.referralBundle, { params }, `仲裁移送卷宗-${dispute.caseNo}.pdf`).catch(showError)}>{t('dispute.refer.bundle')}</Button>}
            {data.can.bundle && <Button size="small" icon={<FileZipOutlined />} data-testid="dispute-referral-zip" onClick={() => download(disputeRecordsApi.referralPackage, { params }, `仲裁移送卷宗-${dispute.caseNo}.zip`).catch(showError)}>{t('dispute.refer.package')}</Button>}
          </Space>}>
          {data.referral && (
            <Typography.Paragraph data-testid="dispute-referral">
              <StatusTag vocab={REFERRAL_GROUND} value={data.referral.ground} /> {t('dispute.refer.stored', { on: data.referral.referredOn, to: data.referral.commission, missed: data.referral.missed, evidence: data.referral.evidence })}
            </Typography.Paragraph>
          )}
          <Space wrap size={16} style={{ marginBottom: 8 }} data-testid="dispute-arb-dues">
            {data.dues.acceptanceDue && !data.milestones.some((m) => m.kind === 'acceptance') && <Space>{t('dispute.arb.acceptanceDue')}<DeadlineBadge due={data.dues.acceptanceDue} unit="calendar_days" /></Space>}
            {data.dues.awardDue && !data.milestones.some((m) => m.kind === 'award') && <Space>{t('dispute.arb.awardDue')}<DeadlineBadge due={data.dues.awardDue} unit="calendar_days" /></Space>}
            {data.dues.suitDue && <Space>{t('dispute.arb.suitDue')}<DeadlineBadge due={data.dues.suitDue} unit="calendar_days" /></Space>}
          </Space>
          {data.milestones.length ? (
            <Timeline data-testid="dispute-milestones" items={data.milestones.map((m) => ({
              key: m.id,
              content: <div data-testid={`dispute-milestone-${m.kind}`}><Typography.Text strong>{m.onDate}</Typography.Text> {label(MILESTONE_KIND, m.kind)}{m.reference ? ` · ${m.reference}` : ''}{m.note ? <div>{m.note}</div> : null}</div>,
            }))} />
          ) : <Empty description={t('dispute.arb.none')} />}
        </Card>
      )}

      {form && (
        <FormModal<Values>
          open title={form.title} testId={`dispute-rec-${dialog}`} fields={form.fields} initialValues={form.initial} inlineErrors
          onClose={() => setDialog(null)} onSubmit={form.send}
          onDone={() => { setDialog(null); void message.success(t('dispute.step.done')); reload(); }}
        />
      )}
    </Space>
  );
}

function SIGNATORY_ROLES_LEFT(d: DisputeRecordsT) {
  return (['applicant', 'employer', 'mediator'] as const).filter((r) => !d.agreement?.signatures.some((s) => s.role === r));
}

/** A file input whose value is the file as a data: URL (the signed page). */
function FileField({ onChange, testId }: { value?: string; onChange?: (v: string | null) => void; testId: string }) {
  const { t } = useI18n();
  const [name, setName] = useState<string | null>(null);
  return (
    <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={async (f) => { setName(f.name); onChange?.(await fileToBase64(f)); return Upload.LIST_IGNORE; }}>
      <Button icon={<UploadOutlined />} data-testid={testId}>{name ?? t('dispute.sign.choose')}</Button>
    </Upload>
  );
}
