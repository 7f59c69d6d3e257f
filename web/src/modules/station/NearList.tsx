import type { ReactNode } from 'react';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { NearStation } from '../../../../common/src/contracts/station';
import { useI18n } from '../../i18n';
import { useVocab } from '../../kit';
import { AMENITIES, distanceText } from './vocab';

/** Stations in the order the server gave (nearest first), with their distance: the page's list and its fallback without tiles. */
export function NearList({ items, extra, testId = 'station-near' }: { items: NearStation[]; extra?: (s: NearStation) => ReactNode; testId?: string }) {
  const { t, lang } = useI18n();
  const { label } = useVocab();
  if (!items.length) return <Empty description={t('station.find.none')} />;
  return (
    <List data-testid={testId} dataSource={items} split={false}
      renderItem={(s, i) => (
        <Card size="small" style={{ marginBottom: 10 }} data-testid={`${testId}-${i}`} data-station-id={s.id}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong style={{ fontSize: 16 }}>{s.name}</Typography.Text>
              <Typography.Text type="danger" strong data-testid={`${testId}-${i}-distance`} style={{ whiteSpace: 'nowrap' }}>{distanceText(s.distanceM, lang)}</Typography.Text>
            </div>
            <Typography.Text type="secondary">{s.address}</Typography.Text>
            <Typography.Text>{t('station.hours')}：{s.hours}{s.phone ? ` · ${s.phone}` : ''}{s.avgRating !== null ? ` · ★ ${s.avgRating}` : ''}</Typography.Text>
            <div>{s.amenities.map((a) => <Tag key={a} color="red">{label(AMENITIES, a)}</Tag>)}</div>
            {extra?.(s)}
          </Space>
        </Card>
      )} />
  );
}
