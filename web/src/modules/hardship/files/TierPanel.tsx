import { Alert, Empty, Space, Tag, Typography } from 'antd';
import type { TierSnapshot } from '../../../../../common/src/contracts/hardship-files';
import { netAnnualFen } from '../../../../../common/src/hardship-tier';
import { useI18n } from '../../../i18n';
import { Fields, useRegionName, yuan } from '../../../kit';
import { TierTag } from '../shared/vocab';

/** Multiples of the line are stored in permille: 1234 → "1.23". */
const multiple = (permille: number) => (permille / 1000).toFixed(2);

type Figures = { annualIncomeFen: number; rigidMedicalFen: number; rigidSchoolingFen: number };

/**
 * 困难类别计算: how the server reached the tier, as it stored it (common/src/hardship-tier.ts
 * TierResult) — the per-person monthly income, the subsistence line used (region, amount,
 * effective date, source), the two income tests with their multiples, the accident and
 * migrant-worker rules, the rule version and the server's explanation. Nothing is compared here.
 */
export function TierPanel({ snap, figures, testid = 'tier-panel' }: { snap: TierSnapshot | null; figures?: Figures; testid?: string }) {
  const { t } = useI18n();
  const regionName = useRegionName();
  if (!snap) return <Empty data-testid={testid} description={t('hsFile.tier.noSnapshot')} />;
  const line = snap.line;
  // The file's figures explain the net income when they are the ones the snapshot used.
  const f = figures && netAnnualFen(figures) === snap.netAnnualFen ? figures : null;
  const net = f ? `（${yuan(f.annualIncomeFen)} − ${yuan(f.rigidMedicalFen)} − ${yuan(f.rigidSchoolingFen)}）` : yuan(snap.netAnnualFen);
  const yes = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const test = (k: 'deep' | 'relative', type: 'danger' | 'warning') => {
    const x = snap.lineTests?.[k];
    return x && (
      <Typography.Text type={x.met ? type : 'secondary'} data-testid={`tier-rule-${k}`} data-met={String(x.met)}>
        {x.met ? '✔ ' : '✘ '}
        {t(k === 'deep' ? 'hsFile.tier.deepRule' : 'hsFile.tier.relativeRule', { x: multiple(x.multiplePermille), yuan: yuan(x.monthlyFen) })}
      </Typography.Text>
    );
  };
  return (
    <div data-testid={testid} data-tier={snap.tier ?? 'none'}>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <TierTag tier={snap.tier} />
        {snap.status !== 'ok' && <Tag color="warning">{snap.status}</Tag>}
        <Typography.Text type="secondary">{t('hsFile.tier.formula')}</Typography.Text>
      </Space>
      <Fields
        column={1}
        items={[
          {
            label: 'hsFile.tier.perCapita',
            value: <span data-testid="tier-per-capita">{net} ÷ 12 ÷ {snap.householdSize} = <Typography.Text strong>{yuan(snap.perCapitaMonthlyFen)}</Typography.Text></span>,
          },
          {
            label: 'hsFile.tier.line',
            value: line ? (
              <Space orientation="vertical" size={0}>
                <span data-testid="tier-line">
                  {t('hsFile.tier.lineValue', { yuan: yuan(line.monthlyFen), region: regionName(line.regionCode), from: line.effectiveFrom })}
                  {line.weak && <Tag color="gold" style={{ marginLeft: 8 }}>{t('hsFile.tier.weak')}</Tag>}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hsFile.tier.lineSource')}：{line.source}</Typography.Text>
              </Space>
            ) : <Typography.Text type="warning">{t('hsFile.tier.noLine')}</Typography.Text>,
          },
          line && {
            label: 'hsFile.tier.multiples',
            value: (
              <Space orientation="vertical" size={0} data-testid="tier-multiples">
                <span>{t('hsFile.tier.ratio')} <Typography.Text strong>{snap.ratioPermille != null ? t('hsFile.tier.times', { x: multiple(snap.ratioPermille) }) : '—'}</Typography.Text></span>
                {test('deep', 'danger')}
                {test('relative', 'warning')}
              </Space>
            ),
          },
          {
            label: 'hsFile.tier.accident',
            value: (
              <span data-testid="tier-accident">
                {snap.accident.met ? '✔ ' : ''}
                {t('hsFile.tier.accidentValue', {
                  disaster: yes(snap.accident.disaster), work: yes(snap.accident.workAccident), cost: yuan(snap.accident.costFen),
                  share: snap.accident.costSharePermille != null ? t('hsFile.tier.accidentShare', { pct: (snap.accident.costSharePermille / 10).toFixed(1) }) : '',
                })}
              </span>
            ),
          },
          snap.migrant.applies && {
            label: 'hsFile.tier.migrant',
            value: <Typography.Text type={snap.migrant.ok ? undefined : 'danger'}>{t('hsFile.tier.migrantValue', { months: snap.migrant.monthsInCity ?? '—', required: snap.migrant.required })}</Typography.Text>,
          },
          { label: 'hsFile.tier.rule', value: <span data-testid="tier-rule-version">{t('hsFile.tier.ruleValue', { version: snap.ruleVersion, from: snap.ruleSetEffectiveFrom })}</span> },
          { label: 'hsFile.tier.evaluatedOn', value: snap.evaluatedOn },
        ]}
      />
      <Alert style={{ marginTop: 12 }} type={snap.tier ? 'info' : 'warning'} showIcon title={t('hsFile.tier.explanation')} description={<div style={{ whiteSpace: 'pre-wrap' }} data-testid="tier-explanation">{snap.explanation}</div>} />
    </div>
  );
}
