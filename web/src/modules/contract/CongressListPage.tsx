import { Link } from 'react-router-dom';
import { Tag, Tooltip } from 'antd';
import { congressApi } from '../../../../common/src/contracts/contract';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag } from '../../kit';
import { BODIES } from './vocab';
import { CongressModal } from './CongressForms';

/** 职工代表大会: each employer's congress, its delegates against the quota, and whether it met this year. */
export default function CongressListPage() {
  const { t, pick } = useI18n();
  const access = useAccess();
  return (
    <ListPage testId="congresses" title="congress.title" endpoint={congressApi.list} rowTestId={(k) => `congress-row-${k.id}`} scrollX={1100}
      empty="congress.empty"
      filters={[
        { name: 'q', label: 'congress.filter.q', max: 40 },
        access.canReadOrg && { name: 'under', label: 'contract.filter.under', kind: 'org', span: 8 },
        { name: 'flags', kind: 'flags', span: 6, options: [{ value: 'notHeld', label: t('congress.filter.notHeld') }] },
      ]}
      columns={[
        { key: 'org', title: 'congress.col.org', dataIndex: 'orgName', sort: 'orgName', width: 280, render: (n: string, k) => <Link to={`/congresses/${k.id}`} data-testid={`congress-link-${k.id}`}>{n}</Link> },
        { key: 'form', title: 'congress.col.form', dataIndex: 'form', width: 130, render: (f: string) => <StatusTag vocab={BODIES} value={f} /> },
        { key: 'workforce', title: 'congress.f.workforce', dataIndex: 'workforce', align: 'right', width: 100, render: (n: number) => n.toLocaleString() },
        { key: 'delegates', title: 'congress.col.delegates', dataIndex: 'delegates', align: 'right', width: 140, render: (d: number, k) => `${d} / ${k.minDelegates ?? '—'}` },
        { key: 'problems', title: 'congress.col.problems', dataIndex: 'problems', width: 130, render: (p: { zh: string; en: string }[]) => (p.length ? <Tooltip title={p.map((x) => pick(x)).join('；')}><Tag color="orange">{t('congress.problems', { n: p.length })}</Tag></Tooltip> : <Tag color="green">{t('congress.ok')}</Tag>) },
        { key: 'term', title: 'congress.col.term', dataIndex: 'termStart', width: 210, render: (s: string, k) => `${s} ~ ${k.termEnd}` },
        { key: 'last', title: 'congress.col.last', dataIndex: 'lastSessionOn', sort: 'lastSessionOn', width: 200, render: (d: string | null, k) => <>{d ?? '—'} <Tag color={k.heldThisYear ? 'green' : 'red'}>{t(k.heldThisYear ? 'congress.heldThisYear' : 'congress.notHeld')}</Tag></> },
      ]}
      create={{ label: 'congress.new', show: access.canWriteContract, testId: 'congress-new', render: (close, done) => <CongressModal open onClose={close} onDone={done} />, to: (r) => `/congresses/${r.id}` }}
    />
  );
}
