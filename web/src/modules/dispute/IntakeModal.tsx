import { App, Form, Typography } from 'antd';
import { disputeApi } from '../../../../common/src/contracts/dispute';
import { DISPUTE_CHANNELS } from '../../../../common/src/dispute-vocab';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormFields, FormModal, todayInChina, type FieldSpec } from '../../kit';
import { DISPUTE_CHANNEL, DISPUTE_TYPE } from './vocab';
import { ApplicantsList, applicantsOut } from './ApplicantsList';

/** What a case holds, however it arrives (the cadre's intake, the worker's online application). */
export interface CaseValues {
  orgId: string;
  type: string;
  workerCount: number;
  employerName: string;
  employerUscc?: string;
  platformName?: string;
  amountClaimedFen?: number | null;
  facts: string;
  outcomeSought: string;
  knewOn?: string | null;
  employmentOngoing?: boolean;
  applicants: { name: string; mobile?: string; idNumber?: string; representative?: boolean }[];
}

interface Values extends CaseValues {
  channel: 'walk_in' | 'hotline' | 'court_delegated' | 'arbitration_referral';
  receivedOn?: string;
  courtCaseNo?: string;
  courtReturnOn?: string | null;
  referralNo?: string;
}

/** The fields of what a case holds, shared by the cadre's intake and the worker's online application. */
export function caseFields(testId: string): FieldSpec[] {
  return [
    { name: 'type', label: 'dispute.field.type', kind: 'select', vocab: DISPUTE_TYPE, required: true, span: 12 },
    { name: 'workerCount', label: 'dispute.field.workerCount', kind: 'number', min: 1, max: 100000, required: true, span: 12, extra: 'dispute.field.workerCountHint' },
    { name: 'employerName', label: 'dispute.field.employerName', required: true, max: 100, span: 12 },
    { name: 'employerUscc', label: 'dispute.field.employerUscc', kind: 'uscc', span: 12 },
    { name: 'platformName', label: 'dispute.field.platformName', max: 100, span: 12 },
    { name: 'amountClaimedFen', label: 'dispute.field.amountClaimedFen', kind: 'money', span: 12 },
    { name: 'knewOn', label: 'dispute.field.knewOn', kind: 'date', noFuture: true, span: 12, extra: 'dispute.field.knewOnHint' },
    { name: 'employmentOngoing', label: 'dispute.field.employmentOngoing', kind: 'switch', span: 12 },
    { name: 'facts', label: 'dispute.field.facts', kind: 'textarea', required: true, max: 4000, span: 24 },
    { name: 'outcomeSought', label: 'dispute.field.outcomeSought', kind: 'textarea', required: true, max: 1000, span: 24, testId: `${testId}-outcomeSought` },
  ];
}

/** 受理登记: a cadre records a case that came in person, by the 12351 hotline, from the court before trial or from the arbitration commission. */
export function IntakeModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  return (
    <FormModal<Values>
      open={open}
      drawer
      form={form}
      title={t('dispute.new')}
      testId="dispute-intake"
      okText="dispute.new"
      initialValues={{ channel: 'walk_in', receivedOn: todayInChina(), workerCount: 1, employmentOngoing: false, applicants: [{ name: '', representative: false }] }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await call(disputeApi.create, {
          body: {
            orgId: v.orgId, channel: v.channel, receivedOn: v.receivedOn, courtCaseNo: v.courtCaseNo || null, courtReturnOn: v.courtReturnOn || null, referralNo: v.referralNo || null,
            type: v.type as never, workerCount: v.workerCount, employerName: v.employerName, employerUscc: v.employerUscc || null, platformName: v.platformName || null,
            amountClaimedFen: v.amountClaimedFen ?? 0, facts: v.facts, outcomeSought: v.outcomeSought, knewOn: v.knewOn || null, employmentOngoing: !!v.employmentOngoing,
            applicants: applicantsOut(v.applicants),
          },
        });
        void message.success(t('dispute.created', { no: r.caseNo }));
        return r;
      }}
      onDone={(r) => onDone((r as { id: string }).id)}
      aliases={{ applicants: 'workerCount' }}
    >
      <FormFields
        testId="dispute-intake"
        span={12}
        fields={[
          { name: 'orgId', label: 'dispute.field.orgId', kind: 'org', required: true, levels: ['city', 'county', 'street', 'grassroots'] },
          { name: 'channel', label: 'dispute.field.channel', kind: 'select', vocab: DISPUTE_CHANNEL, codes: DISPUTE_CHANNELS.filter((c) => c !== 'online'), required: true },
          { name: 'receivedOn', label: 'dispute.field.receivedOn', kind: 'date', noFuture: true, required: true },
          channel === 'court_delegated' && { name: 'courtCaseNo', label: 'dispute.field.courtCaseNo', required: true, max: 60 },
          channel === 'court_delegated' && { name: 'courtReturnOn', label: 'dispute.field.courtReturnOn', kind: 'date', required: true },
          channel === 'arbitration_referral' && { name: 'referralNo', label: 'dispute.field.referralNo', max: 60 },
          ...caseFields('dispute-intake'),
        ]}
      />
      <Typography.Title level={5}>{t('dispute.field.applicants')}</Typography.Title>
      <ApplicantsList testId="dispute-intake" />
    </FormModal>
  );
}
