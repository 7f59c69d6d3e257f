import { Collapse, Descriptions, Result, Typography } from 'antd';
import type { ApplyResult } from '../../../api/hardship-monitor';
import { useI18n } from '../../../i18n';
import { FileStatusTag, TierTag } from '../shared/vocab';

/** Step 3: the application number and what happens next. */
export function ApplyDone({ result }: { result: ApplyResult }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="hs-apply-result">
      <Result status="success" title={t('hsMon.done.title')} subTitle={t('hsMon.done.sub')} style={{ padding: '8px 0 16px' }} />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('hsMon.done.fileNo')}>
          <Typography.Text copyable strong style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="hs-apply-file-no">
            {result.fileNo}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('hsMon.done.status')}>
          <FileStatusTag status={result.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('hsMon.done.tier')}>
          <TierTag tier={result.tier} />
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
            {t('hsMon.done.tierNote')}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[{ key: 'e', label: t('hsMon.done.explanation'), children: <div style={{ whiteSpace: 'pre-line', fontSize: 13, lineHeight: 1.8 }}>{result.explanation}</div> }]}
      />
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('hsMon.self.res.next')}
      </Typography.Title>
      <ol style={{ paddingLeft: 20, lineHeight: 1.8 }} data-testid="hs-apply-next">
        <li>{t('hsMon.done.unionWillCall')}</li>
        {/* The self-check's "apply online" step is done by now. */}
        {result.nextSteps.filter((s) => !s.en.startsWith('Apply online')).map((s, i) => (
          <li key={i}>{pick(s)}</li>
        ))}
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('hsMon.done.keep')}
      </Typography.Paragraph>
    </div>
  );
}
