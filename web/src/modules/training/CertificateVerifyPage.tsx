import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Input, Result, Space } from 'antd';
import { trainingApi } from '../../../../common/src/contracts/training';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { Fields, useVocab } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { SKILL_LEVELS } from './vocab';

/** /certificates/verify (public, phone): check a skill certificate by its number; a masked name, level, trade and date only. */
export default function CertificateVerifyPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const [sp, setSp] = useSearchParams();
  const no = sp.get('no')?.trim() ?? '';
  const [text, setText] = useState(no);
  const res = useRequest(() => (no ? call(trainingApi.verify, { params: { certNo: no } }) : Promise.resolve(null)), [no]);
  const r = res.data;
  return (
    <PublicShell title={t('training.verify.title')} testId="certificate-verify-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card>
          <Space.Compact style={{ width: '100%' }}>
            <Input size="large" value={text} maxLength={40} placeholder={t('training.cert.no')} onChange={(e) => setText(e.target.value)} onPressEnter={() => setSp({ no: text.trim() })} data-testid="certificate-verify-no" />
            <Button size="large" type="primary" disabled={!text.trim()} onClick={() => setSp({ no: text.trim() })} data-testid="certificate-verify-submit">{t('training.verify.check')}</Button>
          </Space.Compact>
        </Card>
        {r && (
          <Card data-testid="certificate-verify-result" data-valid={String(r.valid)}>
            <Result status={r.valid ? 'success' : 'warning'} title={t(r.valid ? 'training.verify.valid' : 'training.verify.invalid')} subTitle={r.certNo} style={{ padding: '8px 0' }} />
            {r.valid && (
              <Fields items={[
                { label: 'training.cert.holder', value: r.nameMasked },
                { label: 'training.cert.level', value: r.level ? label(SKILL_LEVELS, r.level) : null },
                { label: 'training.trade', value: r.trade },
                { label: 'training.cert.issuedOn', value: r.issuedOn },
              ]} />
            )}
          </Card>
        )}
      </Space>
    </PublicShell>
  );
}
