import { useState } from 'react';
import { Alert, Button, Empty, Input, Segmented, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, SearchOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { joinApi } from '../../../../common/src/contracts/join';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { AreaCascader } from '../../kit';

export interface ChosenUnion {
  id: string;
  name: string;
  note: string;
  viaTerritorial: boolean;
  /** The gig path: a platform's union, or the territorial union of a worker whose employer has none; the new forms of employment are offered first. */
  gig: boolean;
}

type Mode = 'employer' | 'territorial';

/**
 * Step 1 of joining: the employer's union by name or credit code; if the employer has none, the
 * street or park union of the place of work (GET /api/join/unions, /api/join/territorial).
 */
export function UnionFinder({ value, onChange }: { value: ChosenUnion | null; onChange: (u: ChosenUnion | null) => void }) {
  const { t } = useI18n();
  const { errorText } = useApiError();
  const [mode, setMode] = useState<Mode>(value?.viaTerritorial ? 'territorial' : 'employer');
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<ChosenUnion[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const search = async (text = q) => {
    const s = text.trim();
    if (s.length < 2) {
      setError(t('join.find.min2'));
      return;
    }
    setLoading(true);
    setError(null);
    try {
      if (mode === 'employer') {
        const r = await call(joinApi.unions, { query: { q: s } });
        setHits(r.map((h) => ({ id: h.id, name: h.name, note: [h.districtName, h.streetName].filter(Boolean).join(' · '), viaTerritorial: false, gig: h.platform })));
      } else {
        const r = await call(joinApi.territorial, { query: { q: s } });
        setHits(r.map((h) => ({ id: h.id, name: h.name, note: h.districtName ?? '', viaTerritorial: true, gig: true })));
      }
    } catch (e) {
      setError(errorText(e));
      setHits(null);
    } finally {
      setLoading(false);
    }
  };

  const switchMode = (m: Mode) => {
    setMode(m);
    setHits(null);
    setQ('');
    setError(null);
    onChange(null);
  };

  return (
    <div data-testid="join-union-finder">
      <Segmented<Mode>
        block
        value={mode}
        onChange={switchMode}
        data-testid="join-mode"
        options={[
          { value: 'employer', label: <span data-testid="join-mode-employer">{t('join.find.employerMode')}</span> },
          { value: 'territorial', label: <span data-testid="join-mode-territorial">{t('join.find.territorialMode')}</span> },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph type="secondary">{t(mode === 'employer' ? 'join.find.employerHint' : 'join.find.territorialHint')}</Typography.Paragraph>
      {mode === 'territorial' && (
        // An employer not on file: the application goes to the union of the area chosen.
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{t('join.find.byArea')}</Typography.Text>
          <AreaCascader
            mode="territorial"
            size="large"
            testId="join-area"
            value={value?.viaTerritorial ? value.id : undefined}
            onPick={(n, county) => onChange(n && n.level === 'street' ? { id: n.id, name: n.name, note: county?.areaName ?? '', viaTerritorial: true, gig: true } : null)}
          />
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
            {t('join.find.orByName')}
          </Typography.Text>
        </div>
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => void search()}
          placeholder={t(mode === 'employer' ? 'join.find.employerPlaceholder' : 'join.find.territorialPlaceholder')}
          aria-label={t(mode === 'employer' ? 'join.find.employerPlaceholder' : 'join.find.territorialPlaceholder')}
          allowClear
          maxLength={60}
          data-testid="join-union-q"
        />
        <Button size="large" type="primary" icon={<SearchOutlined />} loading={loading} onClick={() => void search()} data-testid="join-union-search">
          {t('action.search')}
        </Button>
      </Space.Compact>
      {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 12 }} />}
      {hits && hits.length === 0 && (
        <Empty
          style={{ marginTop: 24 }}
          data-testid="join-union-none"
          description={
            mode === 'employer' ? (
              <Space orientation="vertical">
                <span>{t('join.find.noneEmployer')}</span>
                <Button onClick={() => switchMode('territorial')} data-testid="join-switch-territorial">
                  {t('join.find.useTerritorial')}
                </Button>
              </Space>
            ) : (
              t('join.find.noneTerritorial')
            )
          }
        />
      )}
      {hits && hits.length > 0 && (
        <div role="listbox" aria-label={t('join.find.results')} style={{ marginTop: 16, display: 'flex', flexDirection: 'column', gap: 8, maxHeight: 440, overflowY: 'auto', padding: 2 }} data-testid="join-union-results">
          {hits.map((h) => {
            const chosen = value?.id === h.id;
            return (
              <div
                key={h.id}
                role="option"
                aria-selected={chosen}
                tabIndex={0}
                onClick={() => onChange(h)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onChange(h)}
                data-testid="join-union-result"
                data-name={h.name}
                style={{
                  cursor: 'pointer',
                  background: chosen ? '#e6f0ff' : '#fff',
                  border: `1px solid ${chosen ? '#1f5fbf' : '#e5e7eb'}`,
                  borderRadius: 8,
                  padding: '10px 14px',
                  display: 'flex',
                  alignItems: 'center',
                  gap: 12,
                }}
              >
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ fontWeight: 500, wordBreak: 'break-all' }}>{h.name}</div>
                  {h.note && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {h.note}
                    </Typography.Text>
                  )}
                </div>
                {h.viaTerritorial && <Tag color="blue">{t('join.viaTerritorial')}</Tag>}
                {chosen && <CheckCircleFilled style={{ color: '#1f5fbf', fontSize: 20 }} />}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
