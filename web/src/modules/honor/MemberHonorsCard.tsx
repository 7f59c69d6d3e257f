import { Link } from 'react-router-dom';
import { Card, Empty, Table } from 'antd';
import { honorApi } from '../../../../common/src/contracts/honor';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { useVocab } from '../../kit';
import { LEVELS } from './vocab';

/** A member's honours on their record (the holders' registry, by member), for those who may read honours. */
export function MemberHonorsCard({ memberId }: { memberId: string }) {
  return useAccess().canReadHonor ? <HonorsOf memberId={memberId} /> : null;
}

function HonorsOf({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const { data } = useRequest(() => call(honorApi.listRecords, { query: { memberId, pageSize: 50 } }), [memberId]);
  return (
    <Card size="small" title={t('honor.member.title')} style={{ marginTop: 16 }} data-testid="member-honors">
      {data && !data.items.length ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honor.member.none')} /> : (
        <Table rowKey="id" size="small" pagination={false} dataSource={data?.items ?? []}
          onRow={(r) => ({ 'data-testid': `member-honor-${r.id}` }) as never}
          columns={[
            { title: t('honor.rec.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/honors/records/${r.id}`}>{v}</Link> },
            { title: t('honor.rec.level'), dataIndex: 'level', width: 100, render: (l: string) => label(LEVELS, l) },
            { title: t('honor.rec.year'), dataIndex: 'year', width: 80 },
            { title: t('honor.rec.certificate'), dataIndex: 'certificateNo', width: 150 },
          ]} />
      )}
    </Card>
  );
}
