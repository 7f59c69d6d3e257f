import { Link } from 'react-router-dom';
import { Space, Tag, Tooltip } from 'antd';
import { HeartFilled } from '@ant-design/icons';
import { honorApi } from '../../../../common/src/contracts/honor';
import type { HonorKind, AchievementLevel } from '../../../../common/src/honor-rules';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag, todayInChina } from '../../kit';
import { HONOR_KINDS, LEVELS } from './vocab';

/** 劳模工匠: the registry of holders in scope, with a reminder where a holder's household is on the hardship files. */
export default function RecordsPage() {
  const { t } = useI18n();
  const access = useAccess();
  return (
    <ListPage testId="honor-records" endpoint={honorApi.listRecords} rowTestId={(r) => `honor-record-row-${r.id}`}
      filters={[
        { name: 'q', label: 'honor.rec.name' },
        { name: 'kind', label: 'honor.rec.kind', kind: 'select', vocab: HONOR_KINDS },
        { name: 'level', label: 'honor.rec.level', kind: 'select', vocab: LEVELS },
        { name: 'year', label: 'honor.rec.year', kind: 'number', min: 1950, max: 2100 },
        { name: 'under', label: 'honor.rec.org', kind: 'org' },
        { name: 'flags', label: 'honor.rec.inHardship', kind: 'flags', options: [{ value: 'inHardship', label: t('honor.rec.inHardship') }] },
      ]}
      columns={[
        { key: 'name', title: 'honor.rec.name', dataIndex: 'name', sort: 'name', fixedShown: true, width: 140, render: (v: string, r) => <Space size={4}><Link to={`/honors/records/${r.id}`}>{v}</Link>{r.inHardship && <Tooltip title={t('honor.rec.hardshipReminder')}><HeartFilled style={{ color: '#cf1322' }} data-testid={`honor-record-hardship-${r.id}`} /></Tooltip>}</Space> },
        { key: 'title', title: 'honor.rec.title', dataIndex: 'title', width: 180 },
        { key: 'kind', title: 'honor.rec.kind', dataIndex: 'kind', width: 130, render: (k: string) => <StatusTag vocab={HONOR_KINDS} value={k} /> },
        { key: 'level', title: 'honor.rec.level', dataIndex: 'level', width: 100, render: (k: string) => <Tag>{LEVELS[k]?.zh ?? k}</Tag> },
        { key: 'year', title: 'honor.rec.year', dataIndex: 'year', sort: 'year', width: 80 },
        { key: 'employer', title: 'honor.rec.employer', dataIndex: 'employer', width: 200, ellipsis: true },
        { key: 'org', title: 'honor.rec.org', dataIndex: 'orgName', width: 200, ellipsis: true },
        { key: 'certificateNo', title: 'honor.rec.certificate', dataIndex: 'certificateNo', width: 150 },
        { key: 'careCount', title: 'honor.rec.careCount', dataIndex: 'careCount', width: 90, align: 'right' },
      ]}
      create={{
        label: 'honor.rec.new', show: access.canWriteHonor, testId: 'honor-record-new', to: (r) => `/honors/records/${r.id}`,
        form: {
          testId: 'honor-record-form', submitTestId: 'honor-record-save', initialValues: { kind: 'model_worker', level: 'city', year: new Date().getFullYear(), awardedOn: todayInChina() },
          onSubmit: (v: { orgId: string; memberId?: string | null; kind: HonorKind; level: AchievementLevel; title: string; year: number; name: string; employer?: string | null; post?: string | null; certificateNo?: string | null; awardedOn: string }) => call(honorApi.createRecord, { body: v }),
          fields: [
            { name: 'orgId', label: 'honor.rec.org', kind: 'org', required: true, span: 12 },
            { name: 'memberId', label: 'honor.rec.member', kind: 'member', span: 12 },
            { name: 'name', label: 'honor.rec.name', required: true, max: 60 },
            { name: 'kind', label: 'honor.rec.kind', kind: 'select', vocab: HONOR_KINDS, required: true },
            { name: 'level', label: 'honor.rec.level', kind: 'select', vocab: LEVELS, required: true },
            { name: 'title', label: 'honor.rec.title', required: true, max: 120 },
            { name: 'year', label: 'honor.rec.year', kind: 'number', min: 1950, max: 2100, required: true },
            { name: 'awardedOn', label: 'honor.rec.awardedOn', kind: 'date', required: true, noFuture: true },
            { name: 'employer', label: 'honor.rec.employer', max: 120 },
            { name: 'post', label: 'honor.rec.post', max: 60 },
            { name: 'certificateNo', label: 'honor.rec.certificate', max: 40 },
          ],
        },
      }}
    />
  );
}
