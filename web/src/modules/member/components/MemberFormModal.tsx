import { App } from 'antd';
import { memberApi, type MemberDetailT } from '../../../../../common/src/contracts/member';
import { CURRENT_CONSENT_VERSION } from '../../../../../common/src/member-input';
import { call } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { FormModal, inUiLanguage, todayInChina } from '../../../kit';
import { CONSENT_METHODS, EDUCATION, employmentFormOptions, ETHNICITY, POLITICAL } from '../vocab';

export type MemberFormTarget =
  | { mode: 'create' }
  /** `revealed`: the full ID number and mobile when the user revealed them, to fill the form. */
  | { mode: 'edit'; member: MemberDetailT; revealed: { idNumber: string; mobile: string | null } | null };

interface Values {
  orgId?: string;
  name: string;
  idNumber?: string;
  mobile?: string;
  ethnicity?: string | null;
  education?: string | null;
  politicalStatus?: string | null;
  employmentForm: string;
  migrantWorker?: boolean;
  occupation?: string;
  employerName?: string;
  joinDate: string;
  consentMethod?: 'paper' | 'online' | 'app';
}

const blank = (s: string | null | undefined) => !s || !s.trim();

/** 登记会员 / 编辑会员: the fields of MemberFieldsInput (common/src/member-input.ts); on an edit a blank ID number or mobile keeps the stored one. */
export function MemberFormModal({ target, onClose, onSaved, onReload }: { target: MemberFormTarget | null; onClose: () => void; onSaved: (id: string) => void; onReload?: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const m = target?.mode === 'edit' ? target.member : null;
  const initial: Partial<Values> = !target
    ? {}
    : target.mode === 'create'
      ? { migrantWorker: false, joinDate: todayInChina(), consentMethod: 'paper' }
      : {
          name: m!.name, idNumber: target.revealed?.idNumber ?? '', mobile: target.revealed?.mobile ?? '', ethnicity: m!.ethnicity, education: m!.education,
          politicalStatus: m!.politicalStatus, employmentForm: m!.employmentForm === 'unknown' ? undefined : m!.employmentForm, migrantWorker: m!.migrantWorker, occupation: m!.occupation ?? undefined,
          employerName: m!.employerName ?? undefined, joinDate: m!.joinDate,
        };

  const save = async (v: Values) => {
    const text = (s: string | null | undefined) => (blank(s) ? null : s!.trim());
    const fields = {
      name: v.name.trim(), ethnicity: v.ethnicity ?? null, education: v.education ?? null, politicalStatus: v.politicalStatus ?? null, employmentForm: v.employmentForm,
      migrantWorker: !!v.migrantWorker, occupation: text(v.occupation), employerName: text(v.employerName), joinDate: v.joinDate,
    };
    const r = m
      ? await call(memberApi.update, {
          params: { id: m.id },
          body: { fields: { ...fields, ...(blank(v.idNumber) ? {} : { idNumber: v.idNumber!.trim() }), ...(blank(v.mobile) ? {} : { mobile: v.mobile!.trim() }) }, version: m.version },
        })
      : await call(memberApi.create, { body: { orgId: v.orgId!, fields: { ...fields, idNumber: (v.idNumber ?? '').trim(), mobile: text(v.mobile) }, consent: { version: CURRENT_CONSENT_VERSION, method: v.consentMethod! } } });
    void message.success(m ? t('common.saved') : t('member.form.created', { name: fields.name }));
    onSaved(r.id);
  };

  return (
    <FormModal<Values>
      open={!!target}
      testId="member-form"
      width={820}
      span={8}
      title={m ? t('member.form.editTitle', { name: m.name }) : t('member.form.createTitle')}
      initialValues={initial}
      onClose={onClose}
      onReload={onReload}
      onSubmit={save}
      aliases={{ 'consent.method': 'consentMethod', 'consent.version': 'consentMethod' }}
      codeFields={{ MEMBER_HELD_ELSEWHERE: 'idNumber', JOIN_PENDING_EXISTS: 'idNumber' }}
      fields={[
        // A member belongs to a grassroots or street/park union in the caller's scope.
        !m && { name: 'orgId', label: 'member.field.union', kind: 'org', levels: ['grassroots', 'street'], required: 'member.rule.union', extra: 'member.form.unionHint', span: 24 },
        { name: 'name', label: 'member.field.name', required: 'member.rule.name', max: 40 },
        {
          name: 'idNumber', label: 'member.field.idNumber', kind: 'id', span: 10, required: m ? false : 'member.rule.idNumber',
          extra: m ? inUiLanguage(t('member.form.idAgain', { masked: m.idMasked })) : 'member.form.idHint', placeholder: m ? inUiLanguage(m.idMasked) : undefined,
        },
        { name: 'mobile', label: 'member.field.mobile', kind: 'mobile', span: 6, placeholder: m?.mobileMasked ? inUiLanguage(m.mobileMasked) : undefined },
        { name: 'ethnicity', label: 'member.field.ethnicity', kind: 'select', vocab: ETHNICITY },
        { name: 'education', label: 'member.field.education', kind: 'select', vocab: EDUCATION },
        { name: 'politicalStatus', label: 'member.field.politicalStatus', kind: 'select', vocab: POLITICAL },
        { name: 'employmentForm', label: 'member.field.employmentForm', kind: 'select', options: employmentFormOptions(pick, false) as never, required: 'member.rule.employmentForm', props: { allowClear: false } },
        { name: 'joinDate', label: 'member.field.joinDate', kind: 'date', required: 'member.rule.joinDate', noFuture: true },
        { name: 'migrantWorker', label: 'member.field.migrantWorker', kind: 'switch' },
        { name: 'occupation', label: 'member.field.occupation', max: 60, span: 12 },
        { name: 'employerName', label: 'member.field.employerName', max: 100, span: 12 },
        !m && {
          name: 'consentMethod', label: inUiLanguage(t('member.field.consent', { version: CURRENT_CONSENT_VERSION })), kind: 'radio', vocab: CONSENT_METHODS,
          required: 'member.rule.consent', extra: 'member.form.consentHint', span: 24,
        },
      ]}
    />
  );
}
