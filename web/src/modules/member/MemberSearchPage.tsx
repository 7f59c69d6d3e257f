import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { memberApi, memberExportApi } from '../../../../common/src/contracts/member';
import { orgApi } from '../../../../common/src/contracts/org';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag, useVocab } from '../../kit';
import { MemberFormModal, type MemberFormTarget } from './components/MemberFormModal';
import { FormTag } from './components/FormTag';
import { CONSENT_STATUSES, FORMS, SEX, STATUSES, YES_NO } from './vocab';

const mono = { fontFamily: 'monospace', whiteSpace: 'nowrap' } as const;
const FORM_FILTER = { gig: { zh: '新就业形态（全部）', en: 'New forms of employment (all)' }, ...FORMS };

/** 会员查询: the members in the user's scope, filtered in the URL (going back from a member returns to the same search); export, register. */
export default function MemberSearchPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const [form, setForm] = useState<MemberFormTarget | null>(null);
  // The union of a copied link, named in its picker.
  const orgId = sp.get('orgId');
  const { data: union } = useRequest(() => (orgId ? call(orgApi.get, { params: { id: orgId } }) : Promise.resolve(null)), [orgId]);

  return (
    <>
      <ListPage testId="member-search"
        tableTestId="member-table"
        buttonTestIds={{ search: 'member-search-submit', reset: 'member-search-reset' }}
        title="menu.memberSearch"
        endpoint={memberApi.list}
        rowTestId={(m) => `member-row-${m.cardNo}`}
        scrollX={1240}
        exportTo={access.canExportMember ? memberExportApi.export : undefined}
        exportKind="members"
        exportOptions={{ unmask: access.canUnmaskMember, title: 'member.export.title', fileName: 'members' }}
        toolbar={access.canWriteMember && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="member-create-btn">{t('member.create')}</Button>}
        filters={[
          { name: 'q', label: 'member.field.name', placeholder: 'member.filter.qHint', max: 40, testId: 'member-filter-q' },
          { name: 'idNumber', label: 'member.field.idNumber', placeholder: 'member.filter.exact', max: 40, testId: 'member-filter-idNumber' },
          { name: 'mobile', label: 'member.field.mobile', placeholder: 'member.filter.exact', max: 20, testId: 'member-filter-mobile' },
          { name: 'cardNo', label: 'member.field.cardNo', max: 20, testId: 'member-filter-cardNo' },
          { name: 'orgId', label: 'member.filter.union', kind: 'org', known: orgId && union ? { id: orgId, name: union.name } : null, testId: 'member-filter-org' },
          { name: 'employmentForm', label: 'member.field.employmentForm', kind: 'select', vocab: FORM_FILTER, testId: 'member-filter-employmentForm' },
          { name: 'migrantWorker', label: 'member.filter.migrant', kind: 'select', vocab: YES_NO, testId: 'member-filter-migrantWorker' },
          { name: 'status', label: 'member.field.status', kind: 'select', vocab: STATUSES, testId: 'member-filter-status' },
          { name: 'consentStatus', label: 'member.field.consentRecord', kind: 'select', vocab: CONSENT_STATUSES, testId: 'member-filter-consentStatus' },
          { name: 'joinRange', keys: ['joinFrom', 'joinTo'], label: 'member.field.joinDate', kind: 'dateRange', testId: 'member-filter-joinRange' },
          { name: 'sex', label: 'member.field.sex', kind: 'select', vocab: SEX, testId: 'member-filter-sex' },
          { name: 'minAge', label: 'member.filter.ageFrom', kind: 'number', min: 0, max: 120, span: 3, testId: 'member-filter-minAge' },
          { name: 'maxAge', label: 'member.filter.ageTo', kind: 'number', min: 0, max: 120, span: 3, testId: 'member-filter-maxAge' },
        ]}
        columns={[
          { key: 'name', title: 'member.field.name', dataIndex: 'name', sort: 'name', width: 100, fixed: 'left', fixedShown: true, render: (n: string, m) => <Link to={`/members/${m.id}`} data-testid={`member-link-${m.cardNo}`}>{n}</Link> },
          { key: 'sex', title: 'member.field.sex', dataIndex: 'sex', width: 56, render: (s: string) => label(SEX, s) },
          // Age sorts by birth date, the other way round.
          { key: 'age', title: 'member.field.age', dataIndex: 'age', sort: 'birthDate', sortInverse: true, width: 76, align: 'right' },
          { key: 'idMasked', title: 'member.field.idNumber', dataIndex: 'idMasked', width: 176, render: (s: string) => <span style={mono}>{s}</span> },
          { key: 'mobileMasked', title: 'member.field.mobile', dataIndex: 'mobileMasked', width: 120, render: (s: string | null) => (s ? <span style={mono}>{s}</span> : '—') },
          { key: 'orgName', title: 'member.field.union', dataIndex: 'orgName', ellipsis: true },
          {
            key: 'employmentForm', title: 'member.field.employmentForm', dataIndex: 'employmentForm', width: 150,
            render: (f: string, m) => <Space size={4} wrap><FormTag form={f} />{m.migrantWorker && <Tag>{t('member.migrantShort')}</Tag>}</Space>,
          },
          { key: 'joinDate', title: 'member.field.joinDate', dataIndex: 'joinDate', sort: 'joinDate', width: 110 },
          { key: 'cardNo', title: 'member.field.cardNo', dataIndex: 'cardNo', sort: 'cardNo', width: 136, render: (s: string) => <span style={mono}>{s}</span> },
          { key: 'status', title: 'member.field.status', dataIndex: 'status', width: 96, render: (s: string) => <StatusTag vocab={STATUSES} value={s} testId="member-status" /> },
        ]}
      />
      <MemberFormModal target={form} onClose={() => setForm(null)} onSaved={(id) => navigate(`/members/${id}`)} />
    </>
  );
}
