import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Progress, Result, Row, Space, Statistic, Steps, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, RedoOutlined, StopOutlined } from '@ant-design/icons';
import { call, urlOf } from '../../../api/client';
import { importApi, IMPORT_STATUSES, IMPORT_STATUS_LABELS, type ImportDetail, type ImportRowError } from '../../../../../common/src/contracts/member-import';
import { useApiError } from '../../../app/use-api-error';
import { useI18n, type MessageKey } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { Actions, StatusTag, vocabOf } from '../../../kit';

export const IMPORT_STATUS = vocabOf(IMPORT_STATUSES, IMPORT_STATUS_LABELS, { parsing: 'processing', preview: 'warning', committing: 'processing', done: 'success', failed: 'error', cancelled: 'default' });
const STEPS: MessageKey[] = ['import.step.upload', 'import.step.parse', 'import.step.preview', 'import.step.commit', 'import.step.done'];
const STEP: Record<ImportDetail['status'], number> = { parsing: 1, preview: 2, committing: 3, done: 4, failed: 1, cancelled: 2 };

/** A row of counts, each with its data-testid. */
function Counts({ items, span }: { items: { key: string; label: MessageKey; value: number; color?: string; testId?: string }[]; span: number }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      {items.map((c) => (
        <Col key={c.key} xs={12} md={span}>
          <div data-testid={c.testId}>
            <Statistic title={t(c.label)} value={c.value} styles={{ content: c.color ? { color: c.color } : undefined }} />
          </div>
        </Col>
      ))}
    </Row>
  );
}

/** The running phase: rows done and the rate; committing also knows how many rows it has to do. */
function PhaseProgress({ b }: { b: ImportDetail }) {
  const { t } = useI18n();
  const running = b.status === 'parsing' || b.status === 'committing';
  const committed = b.status === 'committing' || b.status === 'done';
  const of = committed ? b.valid : b.status === 'parsing' ? 0 : b.total;
  const percent = running ? (of > 0 ? Math.min(99, Math.floor((b.rowsDone / of) * 100)) : 50) : 100;
  const label = t(committed ? 'import.progress.commit' : 'import.progress.parse');
  return (
    <div data-testid="import-progress" data-status={b.status} data-running={String(running)}>
      <Typography.Text strong>{label}</Typography.Text>
      <Progress percent={percent} status={running ? 'active' : b.status === 'failed' ? 'exception' : 'success'} showInfo={!running || of > 0} aria-label={label} />
      <Typography.Text type="secondary" data-testid="import-progress-text">
        {of > 0 ? t('import.progress.rowsOf', { done: b.rowsDone.toLocaleString(), of: of.toLocaleString() }) : t('import.progress.rows', { done: b.rowsDone.toLocaleString() })}
        {b.rate > 0 && ` · ${t('import.progress.rate', { rate: Math.round(b.rate).toLocaleString() })}`}
      </Typography.Text>
    </div>
  );
}

/** The first errors (row numbers of the user's own sheet), and all of them as a download. */
function ErrorsTable({ b }: { b: ImportDetail }) {
  const { t, lang } = useI18n();
  if (!b.errorCount) return null;
  return (
    <Card
      size="small"
      title={t('import.errors.title', { n: b.errorCount })}
      style={{ marginTop: 16 }}
      extra={
        <Button size="small" icon={<DownloadOutlined />} href={urlOf(importApi.errors, { params: { id: b.id } })} data-testid="import-errors-download">
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
  const cancellable = ['parsing', 'preview', 'failed'].includes(b.status);

  const commit = () =>
    modal.confirm({
      title: t('import.commit.title'),
      content: t(b.rejected ? 'import.commit.confirmRejected' : 'import.commit.confirm', { n: b.valid, org: b.orgName, rejected: b.rejected }),
      okText: t('import.commit.ok'),
      okButtonProps: testId('import-commit-ok'),
      cancelText: t('action.cancel'),
      onOk: () => call(importApi.commit, { params: { id: b.id } }).then(onCommitted, showError),
    });

  // A batch the server stopped in the middle of: parse the same stored file again.
  const restart = async () => {
    try {
      await call(importApi.restart, { params: { id: b.id } });
      void message.info(t('import.restarted'));
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  const cancel = async (then?: () => void) => {
    try {
      if (cancellable) await call(importApi.cancel, { params: { id: b.id } });
      if (!then) void message.info(t('import.cancelled'));
      onChanged();
      then?.();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Card data-testid="import-batch" data-status={b.status} title={<Space wrap><span>{b.fileName}</span><StatusTag vocab={IMPORT_STATUS} value={b.status} /></Space>} extra={<Typography.Text type="secondary">{b.orgName}</Typography.Text>}>
      <Steps size="small" current={STEP[b.status]} status={b.status === 'failed' ? 'error' : b.status === 'done' ? 'finish' : 'process'} items={STEPS.map((k) => ({ title: t(k) }))} style={{ marginBottom: 24 }} />
      <PhaseProgress b={b} />
      {b.message && <Alert type={b.status === 'failed' ? 'error' : 'warning'} showIcon title={b.message} style={{ marginTop: 16 }} data-testid="import-message" />}

      {(b.status === 'preview' || b.status === 'committing' || b.status === 'cancelled') && (
        <div style={{ marginTop: 24 }} data-testid="import-summary">
          <Counts
            span={4}
            items={[
              { key: 'total', label: 'import.count.total', value: b.total, testId: 'import-count-total' },
              { key: 'valid', label: 'import.count.valid', value: b.valid, color: '#389e0d', testId: 'import-count-valid' },
              { key: 'rejected', label: 'import.count.rejected', value: b.rejected, color: b.rejected ? '#cf1322' : undefined, testId: 'import-count-rejected' },
              { key: 'created', label: 'import.count.willCreate', value: b.created },
              { key: 'updated', label: 'import.count.willUpdate', value: b.updated },
              { key: 'unchanged', label: 'import.count.unchanged', value: b.unchanged },
            ]}
          />
        </div>
      )}

      {b.status === 'done' && (
        <Result
          status="success"
          title={t('import.result.title')}
          subTitle={t('import.result.sub', { org: b.orgName })}
          data-testid="import-result"
          extra={[
            <Link key="view" to={`/members?orgId=${b.orgId}`}>
              <Button type="primary" data-testid="import-view-members">{t('import.result.view')}</Button>
            </Link>,
            <Button key="new" onClick={onNew} data-testid="import-new-btn">{t('import.new')}</Button>,
          ]}
        >
          <Counts
            span={6}
            items={(['created', 'updated', 'unchanged', 'rejected'] as const).map((k) => ({ key: k, label: `import.count.${k}` as MessageKey, value: b[k], testId: `import-result-${k}` }))}
          />
        </Result>
      )}

      <div style={{ marginTop: 24 }}>
        <Actions
          actions={[
            { key: 'commit', label: 'import.commit', primary: true, icon: <CheckCircleOutlined />, show: b.status === 'preview', disabled: b.valid === 0, onClick: commit, testId: 'import-commit-btn' },
            { key: 'restart', label: 'import.restart', primary: true, icon: <RedoOutlined />, show: b.restartable, onClick: () => void restart(), testId: 'import-restart-btn' },
            { key: 'reupload', label: 'import.reupload', primary: b.status !== 'preview' && !b.restartable, icon: <CloudUploadOutlined />, show: b.status === 'preview' || b.status === 'failed' || b.status === 'cancelled', onClick: () => (b.status === 'preview' ? cancel(onReupload) : onReupload()), testId: 'import-reupload-btn' },
            { key: 'cancel', label: 'import.cancel', icon: <StopOutlined />, show: b.status === 'preview', onClick: () => cancel(), testId: 'import-cancel-btn' },
          ]}
        />
      </div>
      <ErrorsTable b={b} />
    </Card>
  );
}
