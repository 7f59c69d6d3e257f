import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Collapse, Divider, Progress, Space, Typography } from 'antd';
import { CheckCircleOutlined, InfoCircleOutlined, PhoneOutlined, WarningOutlined } from '@ant-design/icons';
import type { SelfCheckOutput } from '../../../../../common/src/contracts/hardship-public';
import { useI18n } from '../../../i18n';
import { Fields, StatusTag, useRegionName, yuan } from '../../../kit';
import { TIERS } from '../aid/vocab';

const times = (p: number | null) => (p === null ? '—' : (p / 1000).toFixed(3));
const note = (s: ReactNode) => <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{s}</Typography.Text>;

/** The self-check's answer: the tier, the computation with its numbers, and what to do next. */
export function SelfCheckResultPanel({ result: r, extra }: { result: SelfCheckOutput; extra?: ReactNode }) {
  const { t, pick } = useI18n();
  const regionName = useRegionName();
  const x = r.result;
  const ref = useRef<HTMLDivElement>(null);
  // A new answer scrolls into view (on a phone it is below the form).
  useEffect(() => void ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), [r]);
  const qualifies = !!x.tier;
  const headline = { migrant_too_recent: 'hsMon.self.res.migrantTooRecent', no_line: 'hsMon.self.res.noLine', invalid: 'hsMon.self.res.invalid' }[x.status] ?? (qualifies ? 'hsMon.self.res.may' : 'hsMon.self.res.not');

  return (
    <div ref={ref} data-testid="hs-selfcheck-result" data-tier={x.tier ?? 'none'} data-status={x.status} style={{ marginTop: 24 }}>
      <Divider style={{ margin: '0 0 16px' }} />
      <Alert
        type={qualifies ? 'success' : x.status === 'ok' ? 'info' : 'warning'}
        showIcon
        icon={qualifies ? <CheckCircleOutlined /> : x.status === 'ok' ? <InfoCircleOutlined /> : <WarningOutlined />}
        title={<Space wrap><span style={{ fontWeight: 600 }}>{t(headline as 'hsMon.self.res.may')}</span>{qualifies && <StatusTag vocab={TIERS} value={x.tier} testId="tier" />}</Space>}
        description={t('hsMon.self.res.disclaimer')}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={5}>{t('hsMon.self.res.how')}</Typography.Title>
      <Fields
        column={1}
        testId="hs-selfcheck-figures"
        items={[
          { label: 'hsMon.self.res.net', value: yuan(x.netAnnualFen), testId: 'hs-selfcheck-net' },
          { label: 'hsMon.self.res.size', value: t('hsMon.self.res.persons', { n: x.householdSize }) },
          {
            label: 'hsMon.self.res.perCapita', testId: 'hs-selfcheck-per-capita',
            value: <><Typography.Text strong>{yuan(x.perCapitaMonthlyFen)}</Typography.Text>{note(t('hsMon.self.res.perCapitaHow', { net: yuan(x.netAnnualFen), n: x.householdSize }))}</>,
          },
          {
            label: 'hsMon.self.res.line', testId: 'hs-selfcheck-line',
            value: x.line ? (
              <>
                <Typography.Text strong>{yuan(x.line.monthlyFen)}</Typography.Text>
                {note(`${t('hsMon.self.res.lineWhere', { region: regionName(x.line.regionCode), from: x.line.effectiveFrom })}${x.line.weak ? ` · ${t('hsMon.self.res.weak')}` : ''}`)}
                {note(`${t('hsMon.self.res.source')}：${x.line.source}`)}
              </>
            ) : <Typography.Text type="warning">{t('hsMon.self.res.noLineShort')}</Typography.Text>,
          },
          x.ratioPermille !== null && {
            label: 'hsMon.self.res.ratio', testId: 'hs-selfcheck-ratio',
            value: (
              <>
                {t('hsMon.self.res.times', { x: times(x.ratioPermille) })}
                <Progress percent={Math.min(100, x.ratioPermille / 20)} showInfo={false} size="small" strokeColor={x.ratioPermille < 1000 ? '#cf1322' : x.ratioPermille < 2000 ? '#fa8c16' : '#52c41a'} style={{ margin: '4px 0 0' }} />
                {note(t('hsMon.self.res.ratioRule'))}
              </>
            ),
          },
          {
            label: 'hsMon.self.res.accident',
            value: (
              <>
                {x.accident.met ? <Typography.Text type="danger">{t('hsMon.self.res.accidentMet')}</Typography.Text> : t('hsMon.self.res.accidentNot')}
                {note(t('hsMon.self.res.accidentHow', { cost: yuan(x.accident.costFen), share: x.accident.costSharePermille === null ? '—' : `${(x.accident.costSharePermille / 10).toFixed(1)}%` }))}
              </>
            ),
          },
          x.migrant.applies && {
            label: 'hsMon.self.res.migrant',
            value: x.migrant.ok ? t('hsMon.self.res.migrantOk', { n: x.migrant.monthsInCity ?? 0 }) : <Typography.Text type="warning">{t('hsMon.self.res.migrantShort', { n: x.migrant.monthsInCity ?? 0, req: x.migrant.required })}</Typography.Text>,
          },
        ]}
      />
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[{ key: 'full', label: t('hsMon.self.res.full', { v: x.ruleVersion }), children: <div style={{ whiteSpace: 'pre-line', fontSize: 13, lineHeight: 1.8 }} data-testid="hs-selfcheck-explanation">{x.explanation}</div> }]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('hsMon.self.res.next')}</Typography.Title>
      <ol style={{ paddingLeft: 20, lineHeight: 1.8 }} data-testid="hs-selfcheck-next">
        {r.nextSteps.map((s, i) => <li key={i}>{pick(s)}</li>)}
        <li><PhoneOutlined /> {t('hsMon.self.res.contact')}</li>
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="hs-selfcheck-stored">{t('hsMon.self.notStored')}</Typography.Paragraph>
      {extra}
    </div>
  );
}
