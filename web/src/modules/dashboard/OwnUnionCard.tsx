import { Link } from 'react-router-dom';
import { Card, Space, Tag } from 'antd';
import { orgApi } from '../../../../common/src/contracts/org';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Fields, StatusTag } from '../../kit';
import { TERM } from '../org/vocab';

/** A grassroots chair's first card: their own union — chair, committee term, workforce, women's committee. */
export function OwnUnionCard({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { data: org, loading } = useRequest(() => call(orgApi.get, { params: { id: orgId } }), [orgId], showError);
  return (
    <Card title={t('dashboard.ownUnion')} loading={loading && !org} extra={<Link to={`/orgs/${orgId}`}>{t('dashboard.ownUnionOpen')}</Link>} data-testid="dashboard-own-union">
      {org && (
        <Fields
          column={3}
          items={[
            { label: 'org.field.name', value: org.name },
            { label: 'org.field.chairName', value: org.chairName ?? <Tag color="warning">{t('org.noChair')}</Tag> },
            { label: 'org.field.termEnd', value: <Space size={4}>{org.termEnd}<StatusTag vocab={TERM} value={org.termStatus} testId="dashboard-own-term" /></Space> },
            { label: 'org.field.employeeCount', value: org.employeeCount?.toLocaleString() },
            { label: 'org.field.hasWomenCommittee', value: t(org.hasWomenCommittee ? 'common.yes' : 'common.no') },
            { label: 'org.field.employerName', value: org.employerName },
          ]}
        />
      )}
    </Card>
  );
}
