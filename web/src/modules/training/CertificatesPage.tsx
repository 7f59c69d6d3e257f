import { Card, Col, Progress, Row, Statistic, Table } from 'antd';
import { trainingApi, type CertificateInput } from '../../../../common/src/contracts/training';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag, useVocab, listFilters } from '../../kit';
import { SECTORS } from '../competition/vocab';
import { SKILL_LEVELS } from './vocab';

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);

/** 人人持证: the coverage of members certified, by district and by sector. */
function Coverage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const cov = useRequest(() => call(trainingApi.coverage), []);
  const c = cov.data;
  if (!c) return null;
  return (
    <Card size="small" title={t('training.coverage')} style={{ marginBottom: 16 }} data-testid="training-coverage">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Statistic title={t('training.coverage.certified')} value={c.certified} suffix={`/ ${c.members}`} />
          <Progress percent={pct(c.certified, c.members)} data-testid="training-coverage-rate" />
          <Table rowKey="key" size="small" pagination={false} dataSource={c.bySector} style={{ marginTop: 8 }}
            columns={[{ title: t('training.sector'), dataIndex: 'key', render: (k: string) => label(SECTORS, k) }, { title: t('training.coverage.bySector'), dataIndex: 'n', align: 'right' }]} />
        </Col>
        <Col xs={24} md={16}>
          <Table rowKey="id" size="small" pagination={false} dataSource={c.byDistrict} data-testid="training-coverage-districts"
            columns={[
              { title: t('training.coverage.district'), dataIndex: 'name' },
              { title: t('training.coverage.members'), dataIndex: 'members', align: 'right' },
              { title: t('training.coverage.certified'), dataIndex: 'certified', align: 'right' },
              { title: t('training.coverage.rate'), key: 'rate', width: 180, render: (_: unknown, d: { members: number; certified: number }) => <Progress size="small" percent={pct(d.certified, d.members)} /> },
            ]} />
        </Col>
      </Row>
    </Card>
  );
}

/** 技能证书: certificates by level in scope, the coverage above, recording a new one. */
export default function CertificatesPage() {
  const access = useAccess();
  const { label } = useVocab();
  return (
    <>
      <Coverage />
      <ListPage testId="certificates" endpoint={trainingApi.certificates} rowTestId={(c) => `certificate-row-${c.id}`}
        filters={listFilters('training.cert.holder', { level: ['training.cert.level', SKILL_LEVELS], sector: ['training.sector', SECTORS] }, 'training.cert.org')}
        columns={[
          { key: 'certNo', title: 'training.cert.no', dataIndex: 'certNo', width: 170, fixedShown: true },
          { key: 'name', title: 'training.cert.holder', dataIndex: 'name', sort: 'name', width: 100 },
          { key: 'level', title: 'training.cert.level', dataIndex: 'level', width: 100, render: (l: string) => <StatusTag vocab={SKILL_LEVELS} value={l} /> },
          { key: 'trade', title: 'training.trade', dataIndex: 'trade', width: 160 },
          { key: 'sector', title: 'training.sector', dataIndex: 'sector', width: 120, render: (k: string) => label(SECTORS, k) },
          { key: 'issuedOn', title: 'training.cert.issuedOn', dataIndex: 'issuedOn', sort: 'issuedOn', width: 110 },
          { key: 'issuer', title: 'training.cert.issuer', dataIndex: 'issuer', ellipsis: true },
          { key: 'org', title: 'training.cert.org', dataIndex: 'orgName', width: 200, ellipsis: true },
        ]}
        create={{
          label: 'training.cert.new', show: access.canWriteTraining, testId: 'certificate-new',
          form: {
            testId: 'certificate-form',
            initialValues: { level: 'intermediate', sector: 'manufacturing' },
            onSubmit: (v: CertificateInput) => call(trainingApi.createCertificate, { body: v }),
            fields: [
              { name: 'orgId', label: 'training.cert.org', kind: 'org', required: true, span: 12 },
              { name: 'memberId', label: 'training.member', kind: 'member', span: 12 },
              { name: 'name', label: 'training.cert.holder', required: true, max: 60 },
              { name: 'level', label: 'training.cert.level', kind: 'select', vocab: SKILL_LEVELS, required: true },
              { name: 'trade', label: 'training.trade', required: true, max: 60 },
              { name: 'sector', label: 'training.sector', kind: 'select', vocab: SECTORS, required: true },
              { name: 'issuedOn', label: 'training.cert.issuedOn', kind: 'date', required: true, noFuture: true },
              { name: 'issuer', label: 'training.cert.issuer', required: true, max: 120 },
              { name: 'certNo', label: 'training.cert.no', max: 40, placeholder: 'training.cert.noHint' },
            ],
          },
        }}
      />
    </>
  );
}
