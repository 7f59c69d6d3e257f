import { useState } from 'react';
import { Button, Card, Steps } from 'antd';
import type { ApplyOutput, SelfCheckInput, SelfCheckOutput } from '../../../../../common/src/contracts/hardship-public';
import { useI18n } from '../../../i18n';
import { PublicShell } from '../../join/PublicShell';
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
  const [checked, setChecked] = useState<{ input: SelfCheckInput; result: SelfCheckOutput } | null>(null);
  const [done, setDone] = useState<ApplyOutput | null>(null);
  const go = (n: number) => {
    setStep(n);
    window.scrollTo({ top: 0 });
  };
  return (
    <PublicShell title={t('hsMon.self.title')} testId="hs-selfcheck-page">
      <Card>
        <Steps size="small" current={step} status={step === 2 ? 'finish' : 'process'} responsive={false} style={{ marginBottom: 24 }}
          items={(['check', 'apply', 'done'] as const).map((s) => ({ title: t(`hsMon.self.step.${s}`) }))} />
        {step === 0 && (
          <>
            <SelfCheckForm initial={values} onChange={() => setChecked(null)} onResult={(v, input, result) => { setValues(v); setChecked({ input, result }); }} />
            {checked && (
              <SelfCheckResultPanel
                result={checked.result}
                extra={
                  <Button type={checked.result.result.tier ? 'primary' : 'default'} size="large" block onClick={() => go(1)} data-testid="hs-apply-start">
                    {checked.result.result.tier ? t('hsMon.self.applyStart') : t('hsMon.self.applyAnyway')}
                  </Button>
                }
              />
            )}
          </>
        )}
        {step === 1 && checked && <ApplyForm figures={checked.input} onBack={() => setStep(0)} onDone={(r) => { setDone(r); go(2); }} />}
        {step === 2 && done && <ApplyDone result={done} />}
      </Card>
    </PublicShell>
  );
}
