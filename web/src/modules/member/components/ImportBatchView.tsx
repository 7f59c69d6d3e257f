import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Progress, Result, Row, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, StopOutlined } from '@ant-design/icons';
import { downloadFile } from '../../../api/members';
import { importApi, type ImportDetail, type ImportRowError } from '../../../api/member-imports';
import { useApiError } from '../../../app/use-api-error';
import { useI18n, type MessageKey } from '../../../i18n';
import { testId } from '../../../app/test-id';

const STEP: Record<ImportDetail['status'], number> = { parsing: 1, preview: 2, committing: 3, done: 4, failed: 1, cancelled: 2 };
const STATUS_LABEL: Record<ImportDetail['status'], MessageKey> = {
  parsing: 'import.status.parsing',
  preview: 'import.status.preview',
  committing: 'import.status.committing',
  done: 'import.status.done',
  failed: 'import.status.failed',
  cancelled: 'import.status.cancelled',
};
export const IMPORT_STATUS_COLOR: Record<ImportDetail['status'], string> = {
  parsing: 'processing',
  preview: 'warning',
  committing: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

export function ImportStatusTag({ status }: { status: ImportDetail['status'] }) {
  const { t } = useI18n();
  return <Tag color={IMPORT_STATUS_COLOR[status]}>{t(STATUS_LABEL[status])}</Tag>;
}

/** The running phase: rows done and the rate; committing also knows how many rows it has to do. */
function PhaseProgress({ b }: { b: ImportDetail }) {
  const { t } = useI18n();
  const running = b.status === 'parsing' || b.status === 'committing';
  const committed = b.status === 'committing' || b.status === 'done';
  const of = committed ? b.valid : b.status === 'parsing' ? 0 : b.total;
  const percent = running ? (of > 0 ? Math.min(99, Math.floor((b.rowsDone / of) * 100)) : 50) : b.status === 'failed' ? 100 : 100;
  const label = t(committed ? 'import.progress.commit' : 'import.progress.parse');
  return (
    <div data-testid="import-progress" data-status={b.status} data-running={String(running)}>
      <Typography.Text strong>{label}</Typography.Text>
      <Progress
        percent={percent}
        status={running ? 'active' : b.status === 'failed' ? 'exception' : 'success'}
        showInfo={!running || of > 0}
        aria-label={label}
      />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {of > 0 ? t('import.progress.rowsOf', { done: b.rowsDone.toLocaleString(), of: of.toLocaleString() }) : t('import.progress.rows', { done: b.rowsDone.toLocaleString() })}
        {b.rate > 0 && ` · ${t('import.progress.rate', { rate: Math.round(b.rate).toLocaleString() })}`}
      </Typography.Text>
    </div>
  );
}

function ErrorsTable({ b }: { b: ImportDetail }) {
  const { t, lang } = useI18n();
  const { showError } = useApiError();
  const [busy, setBusy] = useState(false);
  if (!b.errorCount) return null;
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(importApi.errorsUrl(b.id), 'errors.xlsx');
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('import.errors.title', { n: b.errorCount })}
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="import-errors-download">
          {t('import.errors.download')}
        </Button>
      }
    >
      <Table<ImportRowError>
        size="small"
        rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.code}`}
        dataSource={b.errors}
        pagination={b.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        data-testid="import-errors-table"
        onRow={(e) => testId(`import-error-row-${e.row}`)}
        columns={[
          { title: t('import.errors.row'), dataIndex: 'row', key: 'row', width: 80, render: (r: number) => (r > 0 ? r : '—') },
          { title: t('import.errors.column'), dataIndex: 'column', key: 'column', width: 140, render: (c: string | null) => c ?? '—' },
          {
            title: t('import.errors.message'),
            key: 'message',
            render: (_: unknown, e) => (
              <Space size={4}>
                {e.warning && <Tag color="gold">{t('import.errors.warning')}</Tag>}
                <span>{lang === 'zh-CN' ? e.message : e.messageEn}</span>
              </Space>
            ),
          },
        ]}
      />
      {b.errorCount > b.errors.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('import.errors.more', { shown: b.errors.length, n: b.errorCount })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

interface Props {
  batch: ImportDetail;
  onCommitted: () => void;
  /** Start again with a corrected file for the same union (this batch is cancelled first). */
  onReupload: () => void;
  onNew: () => void;
  onChanged: () => void;
}

/** One batch: progress, the preview (counts and per-row errors), then commit and the result. */
export function ImportBatchView({ batch: b, onCommitted, onReupload, onNew, onChanged }: Props) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();

  const commit = () =>
    modal.confirm({
      title: t('import.commit.title'),
      content: t(b.rejected ? 'import.commit.confirmRejected' : 'import.commit.confirm', { n: b.valid, org: b.orgName, rejected: b.rejected }),
      okText: t('import.commit.ok'),
      okButtonProps: testId('import-commit-ok'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          await importApi.commit(b.id);
          onCommitted();
        } catch (e) {
          showError(e);
        }
      },
    });

  const cancel = async (then?: () => void) => {
    try {
      if (['parsing', 'preview', 'failed'].includes(b.status)) await importApi.cancel(b.id);
      if (!then) void message.info(t('import.cancelled'));
      onChanged();
      then?.();
    } catch (e) {
      showError(e);
    }
  };

  const steps = [t('import.step.upload'), t('import.step.parse'), t('import.step.preview'), t('import.step.commit'), t('import.step.done')];
  const stepStatus = b.status === 'failed' ? 'error' : b.status === 'done' ? 'finish' : 'process';

  return (
    <Card
      data-testid="import-batch"
      data-status={b.status}
      title={
        <Space wrap>
          <span>{b.fileName}</span>
          <ImportStatusTag status={b.status} />
        </Space>
      }
      extra={<Typography.Text type="secondary">{b.orgName}</Typography.Text>}
    >
      <Steps size="small" current={STEP[b.status]} status={stepStatus} items={steps.map((title) => ({ title }))} style={{ marginBottom: 24 }} />
      <PhaseProgress b={b} />
      {b.message && <Alert type={b.status === 'failed' ? 'error' : 'warning'} showIcon title={b.message} style={{ marginTop: 16 }} data-testid="import-message" />}

      {(b.status === 'preview' || b.status === 'committing' || b.status === 'cancelled') && (
        <Row gutter={16} style={{ marginTop: 24 }} data-testid="import-summary">
          <Col xs={12} md={4}>
            <div data-testid="import-count-total">
              <Statistic title={t('import.count.total')} value={b.total} />
            </div>
          </Col>
          <Col xs={12} md={4}>
            <div data-testid="import-count-valid">
              <Statistic title={t('import.count.valid')} value={b.valid} styles={{ content: { color: '#389e0d' } }} />
            </div>
          </Col>
          <Col xs={12} md={4}>
            <div data-testid="import-count-rejected">
              <Statistic title={t('import.count.rejected')} value={b.rejected} styles={{ content: { color: b.rejected ? '#cf1322' : undefined } }} />
            </div>
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('import.count.willCreate')} value={b.created} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('import.count.willUpdate')} value={b.updated} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('import.count.unchanged')} value={b.unchanged} />
          </Col>
        </Row>
      )}

      {b.status === 'done' && (
        <Result
          status="success"
          title={t('import.result.title')}
          subTitle={t('import.result.sub', { org: b.orgName })}
          data-testid="import-result"
          extra={[
            <Link key="view" to={`/members?orgId=${b.orgId}`}>
              <Button type="primary" data-testid="import-view-members">
                {t('import.result.view')}
              </Button>
            </Link>,
            <Button key="new" onClick={onNew} data-testid="import-new-btn">
              {t('import.new')}
            </Button>,
          ]}
        >
          <Row gutter={16} style={{ textAlign: 'center' }}>
            <Col span={6}>
              <div data-testid="import-result-created">
                <Statistic title={t('import.count.created')} value={b.created} />
              </div>
            </Col>
            <Col span={6}>
              <div data-testid="import-result-updated">
                <Statistic title={t('import.count.updated')} value={b.updated} />
              </div>
            </Col>
            <Col span={6}>
              <div data-testid="import-result-unchanged">
                <Statistic title={t('import.count.unchanged')} value={b.unchanged} />
              </div>
            </Col>
            <Col span={6}>
              <div data-testid="import-result-rejected">
                <Statistic title={t('import.count.rejected')} value={b.rejected} />
              </div>
            </Col>
          </Row>
        </Result>
      )}

      {b.status === 'preview' && (
        <Space wrap style={{ marginTop: 24 }}>
          <Button type="primary" icon={<CheckCircleOutlined />} disabled={b.valid === 0} onClick={commit} data-testid="import-commit-btn">
            {t('import.commit')}
          </Button>
          <Button icon={<CloudUploadOutlined />} onClick={() => void cancel(onReupload)} data-testid="import-reupload-btn">
            {t('import.reupload')}
          </Button>
          <Button icon={<StopOutlined />} onClick={() => void cancel()} data-testid="import-cancel-btn">
            {t('import.cancel')}
          </Button>
        </Space>
      )}
      {(b.status === 'failed' || b.status === 'cancelled') && (
        <Space wrap style={{ marginTop: 24 }}>
          <Button type="primary" icon={<CloudUploadOutlined />} onClick={onReupload} data-testid="import-reupload-btn">
            {t('import.reupload')}
          </Button>
        </Space>
      )}
      <ErrorsTable b={b} />
    </Card>
  );
}
