import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Form, Input, List, Select, Skeleton, Space, Statistic, Tag } from 'antd';
import { ApiError, call } from '../../api/client';
import { trainingApi } from '../../../../common/src/contracts/training';
import { proposalApi } from '../../../../common/src/contracts/proposal';
import { useBusy } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { useVocab, yuan } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { ENROLMENT_STATUSES, MENTORING_STATUSES, PROPOSAL_KINDS, PROPOSAL_STATES, SKILL_LEVELS } from './vocab';

const quiet = { quiet401: true } as const;
const big = { size: 'large' as const };

/** /m/training (phone, 390×844): my courses, certificates and mentoring; submit a proposal and follow mine. */
export default function PortalTrainingPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const navigate = useNavigate();
  const [tick, setTick] = useState(0);
  const mine = useRequest(() => call(trainingApi.mine, {}, quiet), []);
  const props = useRequest(() => call(proposalApi.mine, {}, quiet), [tick]);
  useEffect(() => {
    if (mine.error instanceof ApiError && mine.error.status === 401) navigate('/m/login', { replace: true });
  }, [mine.error, navigate]);
  const r = mine.data;
  return (
    <PublicShell title={t('portal.training.title')} testId="portal-training-page">
      {!r ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Link to="/m"><Button block {...big} data-testid="portal-training-back">{t('portal.training.back')}</Button></Link>
          {!r.linked && <Alert type="info" showIcon title={t('portal.training.notLinked')} data-testid="portal-training-unlinked" />}
          {r.linked && (
            <>
              <Card data-testid="portal-training-hours"><Statistic title={t('portal.training.hours')} value={r.hours} /></Card>
              <Card title={t('portal.training.certificates')} data-testid="portal-certificates" styles={{ body: { padding: '0 16px' } }}>
                <List dataSource={r.certificates} locale={{ emptyText: <Empty description={t('portal.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                  renderItem={(c) => (
                    <List.Item data-testid={`portal-certificate-${c.certNo}`}>
                      <List.Item.Meta title={<Space wrap>{c.trade}<Tag color="gold">{label(SKILL_LEVELS, c.level)}</Tag></Space>} description={`${c.certNo} · ${c.issuedOn} · ${c.issuer}`} />
                    </List.Item>
                  )} />
              </Card>
              <Card title={t('portal.training.courses')} data-testid="portal-courses" styles={{ body: { padding: '0 16px' } }}>
                <List dataSource={r.courses} locale={{ emptyText: <Empty description={t('portal.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                  renderItem={(c) => (
                    <List.Item>
                      <List.Item.Meta title={<Space wrap>{c.title}<Tag>{label(ENROLMENT_STATUSES, c.status)}</Tag></Space>} description={`${c.startsOn} · ${c.hours} ${t('training.hours')}`} />
                    </List.Item>
                  )} />
              </Card>
              {r.mentoring.length > 0 && (
                <Card title={t('portal.training.mentoring')} data-testid="portal-mentoring" styles={{ body: { padding: '0 16px' } }}>
                  <List dataSource={r.mentoring}
                    renderItem={(m) => (
                      <List.Item>
                        <List.Item.Meta
                          title={<Space wrap>{t(m.role === 'mentor' ? 'portal.training.asMentor' : 'portal.training.asApprentice')}：{m.other}<Tag>{label(MENTORING_STATUSES, m.status)}</Tag></Space>}
                          description={<>{m.trade} · {m.startsOn}<div>{m.result ?? m.goals}</div></>} />
                      </List.Item>
                    )} />
                </Card>
              )}
              <ProposalForm onDone={() => setTick((x) => x + 1)} />
            </>
          )}
          <Card title={t('portal.proposal.mine')} data-testid="portal-proposals" styles={{ body: { padding: '0 16px' } }}>
            <List loading={props.loading} dataSource={props.data ?? []} locale={{ emptyText: <Empty description={t('portal.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(p) => (
                <List.Item data-testid={`portal-proposal-${p.proposalNo}`}>
                  <List.Item.Meta title={<Space wrap>{p.title}<Tag color={PROPOSAL_STATES[p.status]?.color}>{label(PROPOSAL_STATES, p.status)}</Tag></Space>}
                    description={`${p.proposalNo} · ${label(PROPOSAL_KINDS, p.kind)} · ${p.submittedOn}${p.rewardFen ? ` · ${t('proposal.reward')} ${yuan(p.rewardFen)}` : ''}`} />
                </List.Item>
              )} />
          </Card>
        </Space>
      )}
    </PublicShell>
  );
}

function ProposalForm({ onDone }: { onDone: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { busy, run } = useBusy();
  const [form] = Form.useForm<{ kind: 'rationalisation'; title: string; content: string; expected?: string }>();
  const submit = (v: { kind: 'rationalisation'; title: string; content: string; expected?: string }) =>
    run(async () => {
      const r = await call(proposalApi.submitMine, { body: { ...v, expected: v.expected ?? null } }, quiet);
      void message.success(t('portal.proposal.sent', { no: r.proposalNo }));
      form.resetFields();
      onDone();
    });
  return (
    <Card title={t('portal.proposal.new')} data-testid="portal-proposal-form">
      <Form form={form} layout="vertical" initialValues={{ kind: 'rationalisation' }} onFinish={submit}>
        <Form.Item name="kind" label={t('proposal.kind')} rules={[{ required: true }]}>
          <Select {...big} options={Object.entries(PROPOSAL_KINDS).map(([value, l]) => ({ value, label: pick(l) }))} data-testid="portal-proposal-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('proposal.title')} rules={[{ required: true, max: 120 }]}>
          <Input {...big} maxLength={120} data-testid="portal-proposal-title" />
        </Form.Item>
        <Form.Item name="content" label={t('proposal.content')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={5} maxLength={4000} data-testid="portal-proposal-content" />
        </Form.Item>
        <Form.Item name="expected" label={t('proposal.expected')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block {...big} loading={busy} data-testid="portal-proposal-submit">{t('portal.proposal.new')}</Button>
      </Form>
    </Card>
  );
}
