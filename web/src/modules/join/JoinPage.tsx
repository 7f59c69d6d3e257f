import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Result, Steps, Typography } from 'antd';
import type { JoinApplyResultT } from '../../../../common/src/contracts/join';
import { Fields, ProvisionalTag } from '../../kit';
import { useI18n } from '../../i18n';
import { PublicShell } from './PublicShell';
import { UnionFinder, type ChosenUnion } from './UnionFinder';
import { ApplicantForm } from './ApplicantForm';

/** /join: any worker applies to join, without signing in (docs/rules.md "Members"). */
export default function JoinPage() {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [union, setUnion] = useState<ChosenUnion | null>(null);
  const [result, setResult] = useState<JoinApplyResultT | null>(null);

  return (
    <PublicShell title={t('join.title')} testId="join-page">
      <Card>
        <Steps
          size="small"
          current={step}
          responsive={false}
          style={{ marginBottom: 24 }}
          items={[{ title: t('join.step.union') }, { title: t('join.step.details') }, { title: t('join.step.done') }]}
        />
        {step === 0 && (
          <>
            <Typography.Paragraph>{t('join.intro')}</Typography.Paragraph>
            <UnionFinder value={union} onChange={setUnion} />
            <Button type="primary" size="large" block disabled={!union} style={{ marginTop: 24 }} onClick={() => setStep(1)} data-testid="join-next">
              {union ? t('join.nextWith', { name: union.name }) : t('join.next')}
            </Button>
          </>
        )}
        {step === 1 && union && (
          <ApplicantForm
            union={union}
            onBack={() => setStep(0)}
            onDone={(r) => {
              setResult(r);
              setStep(2);
            }}
          />
        )}
        {step === 2 && result && (
          <Result
            status="success"
            title={t('join.done.title')}
            subTitle={t('join.done.sub', { due: result.dueOn })}
            data-testid="join-done"
            extra={[
              <Link key="status" to={`/join/status?appNo=${encodeURIComponent(result.appNo)}`}>
                <Button type="primary" size="large" data-testid="join-go-status">
                  {t('join.link.status')}
                </Button>
              </Link>,
            ]}
          >
            <Fields
              column={1}
              items={[
                {
                  label: 'join.field.appNo',
                  value: <Typography.Text copyable strong style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="join-app-no">{result.appNo}</Typography.Text>,
                },
                { label: 'join.field.union', value: result.unionName },
                { label: 'join.field.submittedOn', value: result.submittedOn },
                { label: 'join.field.dueOn', value: <>{result.dueOn}{result.provisional && <ProvisionalTag testId="join-due-provisional" />}</>, testId: 'join-due-on' },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('join.done.keep')}
            </Typography.Paragraph>
          </Result>
        )}
      </Card>
    </PublicShell>
  );
}
