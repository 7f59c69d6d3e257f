import { Card, List, Tag } from 'antd';
import { trainingApi } from '../../../../common/src/contracts/training';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { useVocab } from '../../kit';
import { SKILL_LEVELS } from './vocab';

/** A member's skill certificates on their record (人人持证), for those who may read training. */
export function MemberCertificatesCard({ memberId }: { memberId: string }) {
  return useAccess().canReadTraining ? <CertificatesOf memberId={memberId} /> : null;
}

function CertificatesOf({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const { data, loading } = useRequest(() => call(trainingApi.certificates, { query: { memberId, pageSize: 50 } }), [memberId]);
  return (
    <Card size="small" title={t('menu.certificates')} style={{ marginTop: 16 }} data-testid="member-certificates">
      <List size="small" loading={loading} dataSource={data?.items ?? []} locale={{ emptyText: t('portal.none') }}
        renderItem={(c) => (
          <List.Item data-testid={`member-certificate-${c.id}`} extra={c.issuedOn}>
            <Tag color={SKILL_LEVELS[c.level]?.color}>{label(SKILL_LEVELS, c.level)}</Tag>{c.trade} · {c.certNo} · {c.issuer}
          </List.Item>
        )} />
    </Card>
  );
}
