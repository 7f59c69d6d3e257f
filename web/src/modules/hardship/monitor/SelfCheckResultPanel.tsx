import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Collapse, Descriptions, Divider, Progress, Space, Typography } from 'antd';
import { CheckCircleOutlined, InfoCircleOutlined, PhoneOutlined, WarningOutlined } from '@ant-design/icons';
import type { SelfCheckResult } from '../../../api/hardship-monitor';
import { useI18n } from '../../../i18n';
import { TierTag, yuan } from '../shared/vocab';

const permille = (p: number | null) => (p === null ? '—' : (p / 1000).toFixed(3));

/** The self-check's answer: the tier, the computation with its numbers, and what to do next. */
export function SelfCheckResultPanel({ result: r, extra }: { result: SelfCheckResult; extra?: ReactNode }) {
  const { t, pick } = useI18n();
  const x = r.result;
  const ref = useRef<HTMLDivElement>(null);
  // A new answer scrolls into view (on a phone it is below the form).
  useEffect(() => {
    void ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [r]);
  const qualifies = !!x.tier;
  const headline =
    x.status === 'migrant_too_recent' ? t('hsMon.self.res.migrantTooRecent')
    : x.status === 'no_line' ? t('hsMon.self.res.noLine')
    : x.status === 'invalid' ? t('hsMon.self.res.invalid')
    : qualifies ? t('hsMon.self.res.may')
    : t('hsMon.self.res.not');

  return (
    <div ref={ref} data-testid="hs-selfcheck-result" data-tier={x.tier ?? 'none'} data-status={x.status} style={{ marginTop: 24 }}>
      <Divider style={{ margin: '0 0 16px' }} />
      <Alert
        type={qualifies ? 'success' : x.status === 'ok' ? 'info' : 'warning'}
        showIcon
        icon={qualifies ? <CheckCircleOutlined /> : x.status === 'ok' ? <InfoCircleOutlined /> : <WarningOutlined />}
        title={
          <Space wrap>
            <span style={{ fontWeight: 600 }}>{headline}</span>
            {qualifies && <TierTag tier={x.tier} />}
          </Space>
        }
        description={t('hsMon.self.res.disclaimer')}
        style={{ marginBottom: 16 }}
      />

      <Typography.Title level={5}>{t('hsMon.self.res.how')}</Typography.Title>
      <Descriptions column={1} size="small" bordered data-testid="hs-selfcheck-figures" styles={{ label: { width: '44%' } }}>
        <Descriptions.Item label={t('hsMon.self.res.net')}>
          <span data-testid="hs-selfcheck-net">{yuan(x.netAnnualFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('hsMon.self.res.size')}>{t('hsMon.self.res.persons', { n: x.householdSize })}</Descriptions.Item>
        <Descriptions.Item label={t('hsMon.self.res.perCapita')}>
          <Typography.Text strong data-testid="hs-selfcheck-per-capita">
            {yuan(x.perCapitaMonthlyFen)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {t('hsMon.self.res.perCapitaHow', { net: yuan(x.netAnnualFen), n: x.householdSize })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('hsMon.self.res.line')}>
          {x.line ? (
            <>
              <Typography.Text strong data-testid="hs-selfcheck-line">
                {yuan(x.line.monthlyFen)}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('hsMon.self.res.lineWhere', { region: x.line.regionCode, from: x.line.effectiveFrom })}
                {x.line.weak ? ` · ${t('hsMon.self.res.weak')}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t('hsMon.self.res.source')}：{x.line.source}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="warning">{t('hsMon.self.res.noLineShort')}</Typography.Text>
          )}
        </Descriptions.Item>
        {x.ratioPermille !== null && (
          <Descriptions.Item label={t('hsMon.self.res.ratio')}>
            <span data-testid="hs-selfcheck-ratio">{t('hsMon.self.res.times', { x: permille(x.ratioPermille) })}</span>
            <Progress
              percent={Math.min(100, x.ratioPermille / 20)}
              showInfo={false}
              size="small"
              strokeColor={x.ratioPermille < 1000 ? '#cf1322' : x.ratioPermille < 2000 ? '#fa8c16' : '#52c41a'}
              style={{ margin: '4px 0 0' }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hsMon.self.res.ratioRule')}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('hsMon.self.res.accident')}>
          {x.accident.met ? <Typography.Text type="danger">{t('hsMon.self.res.accidentMet')}</Typography.Text> : t('hsMon.self.res.accidentNot')}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {t('hsMon.self.res.accidentHow', { cost: yuan(x.accident.costFen), share: x.accident.costSharePermille === null ? '—' : `${(x.accident.costSharePermille / 10).toFixed(1)}%` })}
          </Typography.Text>
        </Descriptions.Item>
        {x.migrant.applies && (
          <Descriptions.Item label={t('hsMon.self.res.migrant')}>
            {x.migrant.ok ? t('hsMon.self.res.migrantOk', { n: x.migrant.monthsInCity ?? 0 }) : <Typography.Text type="warning">{t('hsMon.self.res.migrantShort', { n: x.migrant.monthsInCity ?? 0, req: x.migrant.required })}</Typography.Text>}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'full',
            label: t('hsMon.self.res.full', { v: x.ruleVersion }),
            children: (
              <div style={{ whiteSpace: 'pre-line', fontSize: 13, lineHeight: 1.8 }} data-testid="hs-selfcheck-explanation">
                {x.explanation}
              </div>
            ),
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('hsMon.self.res.next')}
      </Typography.Title>
      <ol style={{ paddingLeft: 20, lineHeight: 1.8 }} data-testid="hs-selfcheck-next">
        {r.nextSteps.map((s, i) => (
          <li key={i}>{pick(s)}</li>
        ))}
        <li>
          <PhoneOutlined /> {t('hsMon.self.res.contact')}
        </li>
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="hs-selfcheck-stored">
        {t('hsMon.self.notStored')}
      </Typography.Paragraph>
      {extra}
    </div>
  );
}
