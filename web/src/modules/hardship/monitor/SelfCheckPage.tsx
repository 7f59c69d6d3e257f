import { useState } from 'react';
import { Alert, Button, Card, Steps } from 'antd';
import { useI18n } from '../../../i18n';
import { PublicShell } from '../../join/PublicShell';
import type { ApplyResult, SelfCheckInput, SelfCheckResult } from '../../../api/hardship-monitor';
import { SelfCheckForm, type SelfCheckValues } from './SelfCheckForm';
import { SelfCheckResultPanel } from './SelfCheckResultPanel';
import { ApplyForm } from './ApplyForm';
import { ApplyDone } from './ApplyDone';

/**
 * /hardship/self-check (public, no sign-in): a worker checks which hardship tier their household
 * may qualify for — nothing is stored — and can then apply online with separate consent.
 */
export default function SelfCheckPage() {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<SelfCheckValues | null>(null);
  const [checked, setChecked] = useState<{ input: SelfCheckInput; result: SelfCheckResult } | null>(null);
  const [done, setDone] = useState<ApplyResult | null>(null);

  return (
    <PublicShell title={t('hsMon.self.title')} testId="hs-selfcheck-page">
      <Card>
        <Steps
          size="small"
          current={step}
          status={step === 2 ? 'finish' : 'process'}
          responsive={false}
          style={{ marginBottom: 24 }}
          items={[{ title: t('hsMon.self.step.check') }, { title: t('hsMon.self.step.apply') }, { title: t('hsMon.self.step.done') }]}
        />
        {step === 0 && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hsMon.self.notStored')} description={t('hsMon.self.intro')} data-testid="hs-selfcheck-not-stored" />
            <SelfCheckForm
              initial={values}
              onResult={(v, input, result) => {
                setValues(v);
                setChecked({ input, result });
              }}
              onChange={() => setChecked(null)}
            />
            {checked && (
              <SelfCheckResultPanel
                result={checked.result}
                extra={
                  <Button
                    type={checked.result.result.tier ? 'primary' : 'default'}
                    size="large"
                    block
                    onClick={() => {
                      setStep(1);
                      window.scrollTo({ top: 0 });
                    }}
                    data-testid="hs-apply-start"
                  >
                    {checked.result.result.tier ? t('hsMon.self.applyStart') : t('hsMon.self.applyAnyway')}
                  </Button>
                }
              />
            )}
          </>
        )}
        {step === 1 && checked && (
          <ApplyForm
            figures={checked.input}
            onBack={() => setStep(0)}
            onDone={(r) => {
              setDone(r);
              setStep(2);
              window.scrollTo({ top: 0 });
            }}
          />
        )}
        {step === 2 && done && <ApplyDone result={done} />}
      </Card>
    </PublicShell>
  );
}
