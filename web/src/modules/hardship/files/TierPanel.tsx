import { Alert, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import type { TierSnapshot } from '../../../api/hardship-files';
import { useRequest } from '../../../app/use-request';
import { useI18n } from '../../../i18n';
import { DEFAULT_RULE_SET } from '../../../../../common/src/hardship-tier';
import { TierTag, yuan } from '../shared/vocab';

/** Multiples of the line are stored in permille: 1234 → "1.23". */
const multiple = (permille: number) => (permille / 1000).toFixed(2);

/**
 * 困难类别计算: how the server reached the tier — the per-person monthly income from the household's
 * figures, the subsistence line used (region, amount, effective date, source), the multiples it was
 * compared with, the accident and migrant-worker rules, the rule version and the server's explanation.
 * Everything comes from the stored snapshot; nothing is recomputed here.
 */
type Figures = { annualIncomeFen: number; rigidMedicalFen: number; rigidSchoolingFen: number };
type RuleSets = { ruleSets: { version: string; params: Record<string, unknown> }[] };

/** The multiples of the rule version the snapshot names (GET /api/hardship/rules), else the defaults. */
function useMultiples(version: string | undefined) {
  const { data } = useRequest(() => (version ? api.get<RuleSets>('/api/hardship/rules') : Promise.resolve(null)), [version]);
  const p = data?.ruleSets.find((r) => r.version === version)?.params;
  const num = (k: 'deepMultiplePermille' | 'relativeMultiplePermille') => (typeof p?.[k] === 'number' ? (p[k] as number) : DEFAULT_RULE_SET.params[k]);
  return { deep: num('deepMultiplePermille'), relative: num('relativeMultiplePermille') };
}

export function TierPanel({ snap, figures, testid = 'tier-panel' }: { snap: TierSnapshot | null; figures?: Figures; testid?: string }) {
  const { t } = useI18n();
  const m = useMultiples(snap?.ruleVersion);
  if (!snap) return <Empty data-testid={testid} description={t('hsFile.tier.noSnapshot')} />;
  const line = snap.line;
  // The file's figures explain the net income when they are the ones the snapshot used.
  const f = figures && figures.annualIncomeFen - figures.rigidMedicalFen - figures.rigidSchoolingFen === snap.netAnnualFen ? figures : null;
  const net = f ? `（${yuan(f.annualIncomeFen)} − ${yuan(f.rigidMedicalFen)} − ${yuan(f.rigidSchoolingFen)}）` : yuan(snap.netAnnualFen);
  // Exact comparison as the server does it: net × 1000 < line × 12 × size × multiple‰.
  const below = (permille: number) => !!line && snap.netAnnualFen * 1000 < line.monthlyFen * 12 * snap.householdSize * permille;
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  return (
    <div data-testid={testid} data-tier={snap.tier ?? 'none'}>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <TierTag tier={snap.tier} />
        {snap.status !== 'ok' && <Tag color="warning">{snap.status}</Tag>}
        <Typography.Text type="secondary">{t('hsFile.tier.formula')}</Typography.Text>
      </Space>
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 180 } }}>
        <Descriptions.Item label={t('hsFile.tier.perCapita')}>
          <span data-testid="tier-per-capita">
            {net} ÷ 12 ÷ {snap.householdSize} = <Typography.Text strong>{yuan(snap.perCapitaMonthlyFen)}</Typography.Text>
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('hsFile.tier.line')}>
          {line ? (
            <Space orientation="vertical" size={0}>
              <span data-testid="tier-line">
                {t('hsFile.tier.lineValue', { yuan: yuan(line.monthlyFen).replace('¥', ''), region: line.regionCode, from: line.effectiveFrom })}
                {line.weak && (
                  <Tag color="gold" style={{ marginLeft: 8 }}>
                    {t('hsFile.tier.weak')}
                  </Tag>
                )}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hsFile.tier.lineSource')}：{line.source}
              </Typography.Text>
            </Space>
          ) : (
            <Typography.Text type="warning">{t('hsFile.tier.noLine')}</Typography.Text>
          )}
        </Descriptions.Item>
        {line && (
          <Descriptions.Item label={t('hsFile.tier.multiples')}>
            <Space orientation="vertical" size={0} data-testid="tier-multiples">
              <span>
                {t('hsFile.tier.ratio')} <Typography.Text strong>{snap.ratioPermille != null ? t('hsFile.tier.times', { x: multiple(snap.ratioPermille) }) : '—'}</Typography.Text>
              </span>
              <Typography.Text type={below(m.deep) ? 'danger' : 'secondary'} data-testid="tier-rule-deep" data-met={String(below(m.deep))}>
                {below(m.deep) ? '✔ ' : '✘ '}
                {t('hsFile.tier.deepRule', { x: multiple(m.deep), yuan: yuan(Math.round((line.monthlyFen * m.deep) / 1000)).replace('¥', '') })}
              </Typography.Text>
              <Typography.Text type={below(m.relative) ? 'warning' : 'secondary'} data-testid="tier-rule-relative" data-met={String(below(m.relative))}>
                {below(m.relative) ? '✔ ' : '✘ '}
                {t('hsFile.tier.relativeRule', { x: multiple(m.relative), yuan: yuan(Math.round((line.monthlyFen * m.relative) / 1000)).replace('¥', '') })}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('hsFile.tier.accident')}>
          <span data-testid="tier-accident">
            {snap.accident.met ? '✔ ' : ''}
            {t('hsFile.tier.accidentValue', {
              disaster: yes(snap.accident.disaster),
              work: yes(snap.accident.workAccident),
              cost: yuan(snap.accident.costFen).replace('¥', ''),
              share: snap.accident.costSharePermille != null ? t('hsFile.tier.accidentShare', { pct: (snap.accident.costSharePermille / 10).toFixed(1) }) : '',
            })}
          </span>
        </Descriptions.Item>
        {snap.migrant.applies && (
          <Descriptions.Item label={t('hsFile.tier.migrant')}>
            <Typography.Text type={snap.migrant.ok ? undefined : 'danger'}>
              {t('hsFile.tier.migrantValue', { months: snap.migrant.monthsInCity ?? '—', required: snap.migrant.required })}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('hsFile.tier.rule')}>
          <span data-testid="tier-rule-version">{t('hsFile.tier.ruleValue', { version: snap.ruleVersion, from: snap.ruleSetEffectiveFrom })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('hsFile.tier.evaluatedOn')}>{snap.evaluatedOn}</Descriptions.Item>
      </Descriptions>
      <Alert
        style={{ marginTop: 12 }}
        type={snap.tier ? 'info' : 'warning'}
        showIcon
        title={t('hsFile.tier.explanation')}
        description={<div style={{ whiteSpace: 'pre-wrap' }} data-testid="tier-explanation">{snap.explanation}</div>}
      />
    </div>
  );
}
