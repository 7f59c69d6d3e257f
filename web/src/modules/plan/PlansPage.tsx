import { Link, useNavigate } from 'react-router-dom';
import { Button, Progress } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { planApi } from '../../../../common/src/contracts/plan';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage } from '../../kit';
import { RagTags } from './shared';

/** 工作计划: the plans in scope, each with its tasks' red-yellow-green counts and progress; a new one from a speech. */
export default function PlansPage() {
  const { t } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  return (
    <ListPage testId="plans" title="plan.title" endpoint={planApi.list}
      toolbar={access.canWritePlan && <Button type="primary" icon={<FileTextOutlined />} onClick={() => navigate('/plans/new')} data-testid="plans-new">{t('plan.new')}</Button>}
      filters={[{ name: 'q', label: 'plan.filter.q' }, { name: 'year', label: 'plan.col.year', kind: 'number', span: 4 }]}
      columns={[
        { key: 'title', title: 'plan.col.title', dataIndex: 'title', render: (v: string, p) => <Link to={`/plans/${p.id}`} data-testid={`plan-link-${p.id}`}>{v}</Link> },
        { key: 'org', title: 'plan.col.org', dataIndex: 'orgName', width: 200 },
        { key: 'year', title: 'plan.col.year', dataIndex: 'year', width: 90 },
        { key: 'tasks', title: 'plan.col.tasks', dataIndex: 'tasks', width: 90, align: 'right' },
        { key: 'rag', title: 'plan.col.rag', dataIndex: 'rag', width: 220, render: (_: unknown, p) => <RagTags rag={p.rag} /> },
        { key: 'progress', title: 'plan.col.progress', dataIndex: 'progress', width: 160, render: (n: number) => <Progress percent={n} size="small" /> },
      ]}
    />
  );
}
