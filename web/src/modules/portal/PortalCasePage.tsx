import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, List, Result, Skeleton, Space, Table, Typography } from 'antd';
import { portalCasesApi } from '../../../../common/src/contracts/portal-cases';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { DeadlineBadge, Fields, StatusTag } from '../../kit';
import { yuan } from '../../kit/format';
import { PublicShell } from '../join/PublicShell';
import { DISPUTE_STATUS, DISPUTE_TYPE, LEGAL_AID_STATUS } from '../dispute/vocab';

/** /m/cases/:kind/:id: one of the worker's own dispute or legal-aid cases, read-only — status, clocks (calendar days) and what happens next. The server answers 404 for anyone else's. */
export default function PortalCasePage() {
  const { t } = useI18n();
  const { errorText } = useApiError();
  const { kind, id } = useParams() as { kind: 'dispute' | 'legal_aid'; id: string };
  const { data: d, loading, error } = useRequest(() => call(portalCasesApi.caseDetail, { params: { kind, id } }, { quiet401: true }), [kind, id]);
  const back = <Link to="/m"><Button size="large" block>{t('portalCase.back')}</Button></Link>;
  return (
    <PublicShell title={t('portalCase.title')} testId="portal-case-page">
      {loading && <Skeleton active />}
      {!!error && <Result status="warning" title={errorText(error)} extra={back} data-testid="portal-case-error" />}
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Card data-testid="portal-case" data-status={d.status}>
            <Fields
              column={1}
              items={[
                { label: 'portalCase.ref', value: d.ref },
                { label: 'dispute.filter.status', value: <StatusTag vocab={d.kind === 'dispute' ? DISPUTE_STATUS : LEGAL_AID_STATUS} value={d.status} /> },
                { label: 'dispute.field.type', value: <StatusTag vocab={DISPUTE_TYPE} value={d.type} /> },
                { label: 'portalCase.org', value: d.orgName },
                { label: 'portalCase.submittedOn', value: d.submittedOn },
                !!d.handler && { label: 'portalCase.handler', value: d.handler },
              ]}
            />
          </Card>
          {d.clocks.length > 0 && (
            <Card title={t('portalCase.clocks')} data-testid="portal-case-clocks" styles={{ body: { padding: '0 16px' } }}>
              <List dataSource={d.clocks} renderItem={(c) => <List.Item data-testid={`portal-clock-${c.key}`}><span>{c.label}</span><DeadlineBadge due={c.due} unit={c.unit} /></List.Item>} />
            </Card>
          )}
          {d.payments && (
            <Card title={t('portalCase.payments')} data-testid="portal-case-payments">
              {d.payments.breachSince && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={t('portalCase.breach', { date: d.payments.breachSince })} />}
              <Typography.Paragraph>{t('portalCase.paid', { paid: yuan(d.payments.paidFen), total: yuan(d.payments.amountFen), left: yuan(d.payments.outstandingFen) })}</Typography.Paragraph>
              <Table rowKey="seq" size="small" pagination={false} dataSource={d.payments.instalments}
                columns={[
                  { title: t('dispute.pay.due'), dataIndex: 'dueOn' },
                  { title: t('dispute.pay.amount'), dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
                  { title: t('dispute.pay.paidAmount'), dataIndex: 'paidFen', align: 'right', render: (f: number, i) => <Typography.Text type={i.missed ? 'danger' : undefined}>{yuan(f)}</Typography.Text> },
                ]} />
            </Card>
          )}
          <Card title={t('portalCase.next')} data-testid="portal-case-next">
            {d.nextSteps.map((s) => <Typography.Paragraph key={s}>{s}</Typography.Paragraph>)}
          </Card>
          {back}
        </Space>
      )}
    </PublicShell>
  );
}
