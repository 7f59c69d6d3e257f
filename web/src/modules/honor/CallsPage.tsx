import { Link } from 'react-router-dom';
import { honorApi } from '../../../../common/src/contracts/honor';
import type { HonorKind } from '../../../../common/src/honor-rules';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag, useVocab } from '../../kit';
import { CALL_STATUS, HONOR_KINDS, NOTICE_UNITS } from './vocab';

/** 评选表彰: the calls of the caller's union, those reaching it from above and those in its scope. */
export default function CallsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  return (
    <ListPage testId="honor-calls" endpoint={honorApi.listCalls} rowTestId={(c) => `honor-call-row-${c.id}`}
      filters={[
        { name: 'q', label: 'honor.call.title' },
        { name: 'status', label: 'honor.call.status', kind: 'select', vocab: CALL_STATUS },
        { name: 'year', label: 'honor.call.year', kind: 'number', min: 1950, max: 2100 },
      ]}
      columns={[
        { key: 'title', title: 'honor.call.title', dataIndex: 'title', sort: 'title', fixedShown: true, render: (v: string, c) => <Link to={`/honors/calls/${c.id}`} data-testid={`honor-call-link-${c.id}`}>{v}</Link> },
        { key: 'org', title: 'honor.call.org', dataIndex: 'orgName', width: 200 },
        { key: 'year', title: 'honor.call.year', dataIndex: 'year', sort: 'year', width: 80 },
        { key: 'kinds', title: 'honor.call.kinds', dataIndex: 'kinds', width: 240, render: (k: string[]) => k.map((x) => label(HONOR_KINDS, x)).join('、') },
        { key: 'status', title: 'honor.call.status', dataIndex: 'status', width: 110, render: (s: string) => <StatusTag vocab={CALL_STATUS} value={s} /> },
        { key: 'notice', title: 'honor.call.notice', width: 200, render: (_: unknown, c) => (c.noticeFrom ? `${c.noticeFrom} ~ ${c.noticeTo}` : `${c.noticeDays}${label(NOTICE_UNITS, c.noticeUnit)}`) },
        { key: 'nominations', title: 'honor.call.nominations', dataIndex: 'nominations', width: 100, align: 'right' },
      ]}
      create={{
        label: 'honor.call.new', show: access.canReviewHonor, testId: 'honor-call-new', to: (r) => `/honors/calls/${r.id}`,
        form: {
          testId: 'honor-call-form', submitTestId: 'honor-call-save', intro: t('honor.call.defaultsHint'),
          initialValues: { year: new Date().getFullYear(), kinds: ['labor_medal'], noticeDays: 5, noticeUnit: 'working_days' },
          onSubmit: (v: { orgId: string; title: string; year: number; kinds: HonorKind[]; nominationDeadline?: string | null; noticeDays?: number; noticeUnit?: 'working_days' | 'calendar_days' }) => call(honorApi.createCall, { body: { ...v, quotas: [] } }),
          fields: [
            { name: 'orgId', label: 'honor.call.org', kind: 'org', required: true, span: 12 },
            { name: 'title', label: 'honor.call.title', required: true, max: 120, span: 12 },
            { name: 'year', label: 'honor.call.year', kind: 'number', min: 1950, max: 2100, required: true },
            { name: 'kinds', label: 'honor.call.kinds', kind: 'multiselect', vocab: HONOR_KINDS, required: true, span: 16 },
            { name: 'nominationDeadline', label: 'honor.call.deadline', kind: 'date' },
            { name: 'noticeDays', label: 'honor.call.noticeDays', kind: 'number', min: 1, max: 60 },
            { name: 'noticeUnit', label: 'honor.call.noticeUnit', kind: 'select', vocab: NOTICE_UNITS },
          ],
        },
      }}
    />
  );
}
