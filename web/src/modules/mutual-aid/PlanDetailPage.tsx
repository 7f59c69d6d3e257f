import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Progress, Space, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { mutualAidApi, type PlanT } from '../../../../common/src/contracts/mutual-aid';
import { coverEnd, coverStart } from '../../../../common/src/mutual-aid-rules';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, ListPage, MemberPicker, StatusTag, download, fileToBase64, todayInChina, useVocab, yuan, type FieldSpec } from '../../kit';
import { ENROLMENT_STATUS_LABELS, KIND_LABELS } from './vocab';

type Result = { enrolled: number; already: number; problems: { row: number | null; zh: string; en: string }[] };
type Picked = { id: string; name: string; orgName: string };
const paidOnField: FieldSpec = { name: 'paidOn', label: 'mutualAid.enrol.paidOn', kind: 'date', required: 'mutualAid.enrol.paidOnRequired', noFuture: true, span: 24, extra: 'mutualAid.plan.startsOnHint' };
/** Pasted ID numbers: one a line, or separated by commas, semicolons or spaces. */
const idNumbersOf = (text: string | undefined) => (text ?? '').split(/[\s,，;；、]+/).map((x) => x.trim().toUpperCase()).filter(Boolean);

/** 互助计划详情: the plan's terms and cover, its enrolments (by union and cover), enrolment by list or from an xlsx roster with the result. */
export default function PlanDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const access = useAccess();
  const [open, setOpen] = useState<'list' | 'import' | null>(null);
  const [result, setResult] = useState<{ how: 'list' | 'import'; r: Result } | null>(null);
  const [tick, setTick] = useState(0);
  const done = (how: 'list' | 'import') => (r: unknown) => {
    setOpen(null);
    setResult({ how, r: r as Result });
    setTick((x) => x + 1);
  };
  return (
    <DetailPage<PlanT> testId="mutual-aid-plan" get={mutualAidApi.plan} title={(p) => p.name} deps={[id, tick]}
      tags={(p) => <StatusTag vocab={KIND_LABELS} value={p.kind} />}
      actions={(p) => (
        <>
          <Actions actions={[
            { key: 'list', label: 'mutualAid.enrol.list', icon: <TeamOutlined />, primary: true, show: access.canWriteMutualAid, testId: 'mutual-aid-enrol-list', onClick: () => setOpen('list') },
            { key: 'import', label: 'mutualAid.enrol.import', icon: <UploadOutlined />, show: access.canWriteMutualAid, testId: 'mutual-aid-enrol-import', onClick: () => setOpen('import') },
          ]} />
          <EnrolByList plan={p} open={open === 'list'} onClose={() => setOpen(null)} onDone={done('list')} />
          <EnrolByImport plan={p} open={open === 'import'} onClose={() => setOpen(null)} onDone={done('import')} />
        </>
      )}
      body={(p) => (
        <>
          <Card size="small">
            <Fields testId="mutual-aid-plan-terms" items={[
              { label: 'mutualAid.plan.org', value: p.orgName },
              { label: 'mutualAid.plan.kind', value: label(KIND_LABELS, p.kind) },
              { label: 'mutualAid.plan.startsOn', value: p.startsOn },
              { label: 'mutualAid.plan.coverYears', value: t('mutualAid.plan.years', { n: p.coverYears }) },
              { label: 'mutualAid.plan.firstCover', value: `${p.startsOn} ~ ${coverEnd(p.startsOn, p.coverYears)}` },
              { label: 'mutualAid.plan.enrolled', value: p.enrolledInScope.toLocaleString('zh-CN'), testId: 'mutual-aid-plan-enrolled' },
              p.enrolled !== p.enrolledInScope && { label: 'mutualAid.plan.enrolledTotal', value: p.enrolled.toLocaleString('zh-CN') },
              { label: 'mutualAid.plan.fee', value: yuan(p.feeFen) },
              { label: 'mutualAid.plan.maxPayout', value: yuan(p.maxPayoutFen) },
            ]} />
            <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('mutualAid.plan.startsOnHint')} />
          </Card>
          {result && <EnrolReport how={result.how} r={result.r} onClose={() => setResult(null)} />}
          <div style={{ marginTop: 16 }}>
            <ListPage testId="mutual-aid-enrolments" endpoint={mutualAidApi.enrolments} embedded title="mutualAid.enrolments.title" fixed={{ planId: p.id }}
              pagingPrefix="e" reloadKey={tick} empty="mutualAid.enrolments.empty" rowTestId={(e) => `mutual-aid-enrolment-${e.id}`} scrollX={800}
              filters={[
                { name: 'under', label: 'mutualAid.field.org', kind: 'org' },
                { name: 'status', label: 'mutualAid.enrolments.status', kind: 'select', vocab: ENROLMENT_STATUS_LABELS },
              ]}
              columns={[
                { key: 'member', title: 'mutualAid.field.member', dataIndex: 'memberName', fixedShown: true },
                { key: 'org', title: 'mutualAid.field.org', dataIndex: 'orgName' },
                { key: 'paidOn', title: 'mutualAid.enrol.paidOn', dataIndex: 'paidOn', sort: 'paidOn', width: 120 },
                { key: 'fee', title: 'mutualAid.enrolments.fee', dataIndex: 'feeFen', align: 'right', width: 110, render: (f: number) => yuan(f) },
                { key: 'cover', title: 'mutualAid.field.cover', dataIndex: 'coverFrom', sort: 'coverFrom', width: 220, render: (_: string, e) => `${e.coverFrom} ~ ${e.coverTo}` },
                { key: 'status', title: 'mutualAid.enrolments.status', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag vocab={ENROLMENT_STATUS_LABELS} value={s} /> },
              ]} />
          </div>
        </>
      )}
    />
  );
}

/** What the cover of a payment on `paidOn` would be, for the confirmation. */
function coverFor(plan: PlanT, paidOn: string) {
  const from = coverStart(plan.startsOn, paidOn);
  return { from, to: coverEnd(from, plan.coverYears) };
}

interface EnrolProps {
  plan: PlanT;
  open: boolean;
  onClose: () => void;
  onDone: (r: unknown) => void;
}

/** Members chosen one by one (search by name, ID number or card number), shown as removable tags. */
function MembersInput({ value = [], onChange }: { value?: Picked[]; onChange?: (v: Picked[]) => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {/* Remounted after each pick, so the search box is empty for the next one. */}
      <MemberPicker key={value.length} value={null} placeholder={t('mutualAid.enrol.membersHint')} data-testid="mutual-aid-enrol-form-member"
        onChange={(id, m) => id && m && !value.some((x) => x.id === id) && onChange?.([...value, { id, name: m.name, orgName: m.orgName }])} />
      <div data-testid="mutual-aid-enrol-form-picked">
        {value.map((m) => (
          <Tag key={m.id} closable onClose={() => onChange?.(value.filter((x) => x.id !== m.id))} style={{ marginBottom: 4 }}>
            {m.name}{m.orgName && ` · ${m.orgName}`}
          </Tag>
        ))}
      </div>
    </Space>
  );
}

type ListValues = { paidOn: string; members?: Picked[]; idText?: string };

/** 按名单参保: members picked, or ID numbers pasted; the day paid; confirmed with the cover it gives. */
function EnrolByList({ plan, open, onClose, onDone }: EnrolProps) {
  const { t } = useI18n();
  const atLeastOne = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () => {
      const n = ((getFieldValue('members') as Picked[] | undefined)?.length ?? 0) + idNumbersOf(getFieldValue('idText') as string | undefined).length;
      if (!n) return Promise.reject(new Error(t('mutualAid.enrol.nobody')));
      return n > 500 ? Promise.reject(new Error(t('mutualAid.enrol.tooMany'))) : Promise.resolve();
    },
  });
  const count = (v: ListValues) => (v.members?.length ?? 0) + idNumbersOf(v.idText).length;
  return (
    <FormModal<ListValues> open={open} testId="mutual-aid-enrol-form" title={t('mutualAid.enrol.list')} onClose={onClose} onDone={onDone} width={640}
      okText="mutualAid.enrol.submit" initialValues={{ paidOn: todayInChina(), members: [] }} inlineErrors aliases={{ memberIds: 'members' }}
      confirm={(v) => t('mutualAid.enrol.confirm', { n: count(v), plan: plan.name, paidOn: v.paidOn, ...coverFor(plan, v.paidOn) })}
      fields={[
        paidOnField,
        { name: 'members', label: 'mutualAid.enrol.members', kind: 'custom', input: <MembersInput />, span: 24, dependencies: ['idText'], rules: [atLeastOne] },
        { name: 'idText', label: 'mutualAid.enrol.idNumbers', kind: 'textarea', span: 24, extra: 'mutualAid.enrol.idNumbersHint', dependencies: ['members'], rules: [atLeastOne] },
      ]}
      onSubmit={(v) => call(mutualAidApi.enrol, { params: { id: plan.id }, body: { memberIds: (v.members ?? []).map((m) => m.id), idNumbers: idNumbersOf(v.idText), paidOn: v.paidOn } })} />
  );
}

type ImportValues = { paidOn: string; file?: { name: string; originFileObj?: File }[] };

/** 导入名单: an xlsx roster (template offered), the day paid, confirmation, progress while it uploads. */
function EnrolByImport({ plan, open, onClose, onDone }: EnrolProps) {
  const { t } = useI18n();
  const { showError } = useApiError();
  const [stage, setStage] = useState<'reading' | 'sending' | null>(null);
  const submit = async (v: ImportValues) => {
    const f = v.file![0]!.originFileObj!;
    try {
      setStage('reading');
      const data = await fileToBase64(f);
      setStage('sending');
      return await call(mutualAidApi.enrolImport, { params: { id: plan.id }, body: { fileName: f.name, data, paidOn: v.paidOn } });
    } finally {
      setStage(null);
    }
  };
  return (
    <FormModal<ImportValues> open={open} testId="mutual-aid-import-form" title={t('mutualAid.enrol.import')} onClose={onClose} onDone={onDone} width={640}
      okText="mutualAid.enrol.upload" initialValues={{ paidOn: todayInChina() }} inlineErrors
      confirm={(v) => t('mutualAid.enrol.confirmImport', { file: v.file?.[0]?.name ?? '', plan: plan.name, paidOn: v.paidOn, ...coverFor(plan, v.paidOn) })}
      intro={
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('mutualAid.enrol.columns')}
          action={<Button size="small" icon={<DownloadOutlined />} data-testid="mutual-aid-import-template"
            onClick={() => void download(mutualAidApi.enrolTemplate, {}, '互助保障参保名单模板.xlsx').catch(showError)}>{t('mutualAid.enrol.template')}</Button>} />
      }
      fields={[
        paidOnField,
        { name: 'file', label: 'mutualAid.enrol.file', kind: 'custom', span: 24, required: 'mutualAid.enrol.fileRequired', input: <FileInput /> },
      ]}
      onSubmit={submit}>
      {stage && (
        <div data-testid="mutual-aid-import-progress">
          <Progress percent={stage === 'reading' ? 30 : 70} status="active" showInfo={false} />
          {t(stage === 'reading' ? 'mutualAid.enrol.reading' : 'mutualAid.enrol.sending')}
        </div>
      )}
    </FormModal>
  );
}

/** One xlsx file, kept in the form until it is sent. */
function FileInput({ value, onChange }: { value?: ImportValues['file']; onChange?: (v: ImportValues['file']) => void }) {
  const { t } = useI18n();
  return (
    <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} fileList={value as never}
      beforeUpload={() => false} onChange={(e) => onChange?.(e.fileList.slice(-1) as never)} data-testid="mutual-aid-import-file">
      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
      <p className="ant-upload-text">{t('mutualAid.enrol.pick')}</p>
    </Upload.Dragger>
  );
}

/** The answer of an enrolment: how many were enrolled, already in, and each refused row with its reason. */
function EnrolReport({ how, r, onClose }: { how: 'list' | 'import'; r: Result; onClose: () => void }) {
  const { t, pick } = useI18n();
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('mutualAid.enrol.result')} data-testid="mutual-aid-enrol-result" extra={<Button size="small" type="text" onClick={onClose}>{t('action.close')}</Button>}>
      <Alert type={r.problems.length ? 'warning' : 'success'} showIcon title={t('mutualAid.enrol.summary', { enrolled: r.enrolled, already: r.already, refused: r.problems.length })} />
      {r.problems.length > 0 && (
        <Table rowKey="key" size="small" style={{ marginTop: 12 }} pagination={r.problems.length > 10 ? { pageSize: 10 } : false} dataSource={r.problems.map((p, i) => ({ ...p, key: i }))}
          data-testid="mutual-aid-enrol-problems"
          columns={[
            { key: 'row', title: t(how === 'import' ? 'mutualAid.enrol.row' : 'mutualAid.enrol.place'), dataIndex: 'row', width: 90, render: (n: number | null) => n ?? '—' },
            { key: 'reason', title: t('mutualAid.enrol.reason'), render: (_: unknown, p) => pick(p) },
          ]} />
      )}
    </Card>
  );
}
