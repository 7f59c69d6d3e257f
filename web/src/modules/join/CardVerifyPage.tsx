import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Input, Result, Skeleton, Space, Steps, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { memberApi } from '../../../../common/src/contracts/member';
import { MEMBER_STATUS_LABELS } from '../../../../common/src/member-vocab';
import { useRequest } from '../../app/use-request';
import { useI18n, type MessageKey } from '../../i18n';
import { Fields, useVocab } from '../../kit';
import { PublicShell } from './PublicShell';

const REASON: Record<string, MessageKey> = {
  signature: 'card.verify.reason.signature',
  unknown: 'card.verify.reason.unknown',
  left: 'card.verify.reason.left',
};

/** A token pasted from a card's link (…/card/verify?token=…) or the code alone. */
function tokenFrom(text: string): string {
  const s = text.trim();
  const m = /[?&]token=([^&#\s]+)/.exec(s);
  if (m) {
    try {
      return decodeURIComponent(m[1]!);
    } catch {
      return m[1]!;
    }
  }
  return s;
}

/**
 * /card/verify opened without a code (typed in, or a scan that lost it): what the page is for, how
 * to scan a member's electronic card with a phone, what the check shows, and a box for a code or
 * link copied from a card.
 */
function CardVerifyHelp() {
  const { t } = useI18n();
  const [, setSp] = useSearchParams();
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  const submit = () => {
    const token = tokenFrom(text);
    if (token.length < 10 || token.length > 500) return setBad(true);
    setBad(false);
    setSp({ token });
  };
  return (
    <div data-testid="card-verify-help">
      <Result
        status="info"
        icon={<QrcodeOutlined />}
        title={t('card.verify.help.title')}
        subTitle={t('card.verify.help.purpose')}
        data-testid="card-verify-result"
        data-valid="false"
        style={{ padding: '16px 0' }}
      />
      <Typography.Title level={5}>{t('card.verify.help.howTitle')}</Typography.Title>
      <Steps
        direction="vertical"
        size="small"
        current={-1}
        data-testid="card-verify-steps"
        items={[
          { title: t('card.verify.help.step1'), description: t('card.verify.help.step1d') },
          { title: t('card.verify.help.step2'), description: t('card.verify.help.step2d') },
          { title: t('card.verify.help.step3'), description: t('card.verify.help.step3d') },
        ]}
      />
      <Alert type="info" showIcon style={{ margin: '8px 0 16px' }} title={t('card.verify.help.privacy')} />
      <Typography.Title level={5}>{t('card.verify.help.pasteTitle')}</Typography.Title>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={submit}
          placeholder={t('card.verify.help.pastePlaceholder')}
          aria-label={t('card.verify.help.pastePlaceholder')}
          status={bad ? 'error' : undefined}
          allowClear
          maxLength={800}
          data-testid="card-verify-paste"
        />
        <Button size="large" type="primary" onClick={submit} data-testid="card-verify-paste-submit">
          {t('card.verify.help.check')}
        </Button>
      </Space.Compact>
      {bad && (
        <Typography.Text type="danger" data-testid="card-verify-paste-error">
          {t('card.verify.help.pasteInvalid')}
        </Typography.Text>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('card.verify.help.member')} <Link to="/join">{t('join.link.apply')}</Link>
      </Typography.Paragraph>
    </div>
  );
}

/** /card/verify?token=…: the target of the card's QR code; shows only the masked name and the union. */
export default function CardVerifyPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const [sp] = useSearchParams();
  const token = sp.get('token') ?? '';
  const { data, loading, error } = useRequest(() => (token ? call(memberApi.verifyCard, { query: { token } }) : Promise.resolve(null)), [token]);

  let body;
  if (!token) body = <CardVerifyHelp />;
  else if (loading && !data) body = <Skeleton active />;
  else if (error || !data) body = <Result status="error" title={t('error.loadFailed')} data-testid="card-verify-result" data-valid="false" />;
  else
    body = (
      <Result
        status={data.valid ? 'success' : 'error'}
        title={t(data.valid ? 'card.verify.valid' : 'card.verify.invalid')}
        subTitle={!data.valid && data.reason ? t(REASON[data.reason] ?? 'card.verify.invalid') : undefined}
        data-testid="card-verify-result"
        data-valid={String(data.valid)}
      >
        {data.maskedName && (
          <Fields
            column={1}
            items={[
              { label: 'member.field.name', value: data.maskedName, testId: 'card-verify-name' },
              { label: 'member.field.union', value: data.unionName },
              !!data.status && { label: 'member.field.status', value: label(MEMBER_STATUS_LABELS, data.status) },
            ]}
          />
        )}
      </Result>
    );

  return (
    <PublicShell title={t('card.verify.title')} testId="card-verify-page">
      <Card>{body}</Card>
    </PublicShell>
  );
}
