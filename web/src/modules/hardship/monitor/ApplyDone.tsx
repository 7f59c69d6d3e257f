import { Collapse, Result, Typography } from 'antd';
import type { ApplyOutput } from '../../../../../common/src/contracts/hardship-public';
import { useI18n } from '../../../i18n';
import { Fields, StatusTag } from '../../../kit';
import { FILE_STATUSES, TIERS } from '../aid/vocab';

/** Step 3: the application number and what happens next. */
export function ApplyDone({ result }: { result: ApplyOutput }) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="hs-apply-result">
      <Result status="success" title={t('hsMon.done.title')} subTitle={t('hsMon.done.sub')} style={{ padding: '8px 0 16px' }} />
      <Fields
        column={1}
        items={[
          { label: 'hsMon.done.fileNo', value: <Typography.Text copyable strong style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="hs-apply-file-no">{result.fileNo}</Typography.Text> },
          { label: 'hsMon.done.status', value: <StatusTag vocab={FILE_STATUSES} value={result.status} testId="file-status" /> },
          {
            label: 'hsMon.done.tier',
            value: <><StatusTag vocab={TIERS} value={result.tier} testId="tier" empty={t('hardship.tier.none')} /><Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>{t('hsMon.done.tierNote')}</Typography.Text></>,
          },
        ]}
      />
      <Collapse ghost size="small" style={{ marginTop: 8 }} items={[{ key: 'e', label: t('hsMon.done.explanation'), children: <div style={{ whiteSpace: 'pre-line', fontSize: 13, lineHeight: 1.8 }}>{result.explanation}</div> }]} />
      <Typography.Title level={5} style={{ marginTop: 8 }}>{t('hsMon.self.res.next')}</Typography.Title>
      <ol style={{ paddingLeft: 20, lineHeight: 1.8 }} data-testid="hs-apply-next">
        <li>{t('hsMon.done.unionWillCall')}</li>
        {/* The self-check's "apply online" step is done by now. */}
        {result.nextSteps.filter((s) => !s.en.startsWith('Apply online')).map((s, i) => <li key={i}>{pick(s)}</li>)}
      </ol>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('hsMon.done.keep')}</Typography.Paragraph>
    </div>
  );
}
