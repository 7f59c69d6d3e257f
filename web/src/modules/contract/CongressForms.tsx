import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { congressApi, type CongressDetailT } from '../../../../common/src/contracts/contract';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal, RowsList, todayInChina, useVocab } from '../../kit';
import { AGENDA } from './vocab';

/** 登记职代会 / 换届: the body with its delegates; the server checks the quota and make-up and says what is short. */
export function CongressModal({ open, k, onClose, onDone }: { open: boolean; k?: CongressDetailT | null; onClose: () => void; onDone: (r: CongressDetailT) => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Record<string, unknown>>
      open={open}
      title={t(k ? 'congress.edit' : 'congress.new')}
      testId="congress-form"
      width={760}
      inlineErrors
      intro={<Typography.Paragraph type="secondary">{t('congress.form.hint')}</Typography.Paragraph>}
      initialValues={k ? { ...k } : { termYears: 5, termStart: todayInChina() }}
      fields={[
        { name: 'orgId', label: 'congress.f.orgId', kind: 'org', levels: ['grassroots'], required: true, disabled: !!k, known: k ? { id: k.orgId, name: k.orgName } : null, span: 12 },
        { name: 'workforce', label: 'congress.f.workforce', kind: 'number', required: true, min: 0, span: 6 },
        { name: 'womenInWorkforce', label: 'congress.f.womenInWorkforce', kind: 'number', required: true, min: 0, span: 6 },
        { name: 'termYears', label: 'congress.f.termYears', kind: 'select', options: [{ value: 3, label: '3' }, { value: 5, label: '5' }], required: true, span: 6 },
        { name: 'termStart', label: 'congress.f.termStart', kind: 'date', required: true, noFuture: true, span: 9 },
        { name: 'electedOn', label: 'congress.f.electedOn', kind: 'date', noFuture: true, span: 9 },
        { name: 'delegates', label: 'congress.f.delegates', kind: 'number', required: true, min: 0, span: 6 },
        { name: 'frontLine', label: 'congress.f.frontLine', kind: 'number', required: true, min: 0, span: 6 },
        { name: 'managers', label: 'congress.f.managers', kind: 'number', required: true, min: 0, span: 6 },
        { name: 'women', label: 'congress.f.women', kind: 'number', required: true, min: 0, span: 6 },
      ]}
      onSubmit={(v) => call(congressApi.save, { body: { ...v, ...(k ? { orgId: k.orgId, version: k.version } : {}) } as never })}
      onClose={onClose}
      onDone={(r) => onDone(r as CongressDetailT)}
    />
  );
}

/** 登记会议: attendance and a vote per agenda item (the server refuses a session short of two thirds present). */
export function SessionModal({ open, k, onClose, onDone }: { open: boolean; k: CongressDetailT; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { options } = useVocab();
  return (
    <FormModal<Record<string, unknown>>
      open={open}
      title={t('congress.session.new')}
      testId="congress-session"
      width={860}
      inlineErrors
      intro={<Typography.Paragraph type="secondary">{t('congress.session.hint')} {t('congress.s.attendance', { d: k.delegates, p: '…' })}</Typography.Paragraph>}
      initialValues={{ heldOn: todayInChina(), items: [{ kind: 'report', title: '行政工作报告', for: 0, against: 0, abstain: 0 }] }}
      fields={[
        { name: 'heldOn', label: 'congress.s.heldOn', kind: 'date', required: true, noFuture: true, span: 12 },
        { name: 'present', label: 'congress.s.present', kind: 'number', required: true, min: 0, max: k.delegates, span: 12 },
      ]}
      onSubmit={(v) => call(congressApi.session, { params: { id: k.id }, body: v as never })}
      onClose={onClose}
      onDone={onDone}
    >
      <RowsList name="items" title={t('congress.s.items')} rowTestId="congress-item" addLabel={t('congress.s.addItem')} newRow={{ kind: 'other', title: '', for: 0, against: 0, abstain: 0 }}
        cells={[
          { span: 5, item: (f) => <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}><Select options={options(AGENDA)} /></Form.Item> },
          { span: 8, item: (f) => <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: t('congress.s.item') }]}><Input placeholder={t('congress.s.item')} maxLength={100} /></Form.Item> },
          ...(['for', 'against', 'abstain'] as const).map((k) => ({
            span: 3, item: (f: { name: number }) => <Form.Item name={[f.name, k]} rules={[{ required: true }]}><InputNumber min={0} placeholder={t(`contract.f.${k}`)} style={{ width: '100%' }} /></Form.Item>,
          })),
        ]} />
      <Form.Item name="resolutions" label={t('congress.s.resolutions')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
    </FormModal>
  );
}

/** 登记提案 for a congress. */
export function ProposalModal({ open, k, onClose, onDone }: { open: boolean; k: CongressDetailT; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <FormModal<Record<string, unknown>>
      open={open}
      title={t('proposal.new')}
      testId="proposal-form"
      initialValues={{ registeredOn: todayInChina() }}
      fields={[
        { name: 'title', label: 'proposal.f.title', required: true, max: 100, span: 24 },
        { name: 'delegate', label: 'proposal.f.delegate', required: true, max: 40, span: 12 },
        { name: 'registeredOn', label: 'proposal.f.registeredOn', kind: 'date', required: true, noFuture: true, span: 12 },
        { name: 'content', label: 'proposal.f.content', kind: 'textarea', required: true, max: 4000, span: 24 },
      ]}
      onSubmit={(v) => call(congressApi.addProposal, { params: { id: k.id }, body: v as never })}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
