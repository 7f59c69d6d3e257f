import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Form, Table, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { downloadFile } from '../../api/members';
import { importApi, type ImportBatch } from '../../api/member-imports';
import { useAuth } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';
import { UnionSelect, type UnionOption } from './components/UnionSelect';
import { ImportBatchView, ImportStatusTag } from './components/ImportBatchView';
import { useImportBatch } from './components/use-import-batch';

const ACCEPT = '.xlsx,.csv';

/** 名册导入: template, upload to a grassroots union, progress, preview with errors, commit, result; past batches below. */
export default function ImportPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const batchId = sp.get('batch');
  const { batch, failed, refresh } = useImportBatch(batchId, showError);
  const [union, setUnion] = useState<UnionOption | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [historyPage, setHistoryPage] = useState(1);
  const history = useRequest(() => importApi.list({ page: historyPage, pageSize: 10 }), [historyPage, batch?.status, batchId], showError);

  const openBatch = (id: string | null) => {
    const next = new URLSearchParams(sp);
    if (id) next.set('batch', id);
    else next.delete('batch');
    setSp(next);
  };

  const upload = async () => {
    if (!union || !file || !me) return;
    setUploading(true);
    try {
      const { batchId: id } = await importApi.upload(union.id, file, me.csrfToken);
      setFile(null);
      openBatch(id);
    } catch (e) {
      showError(e);
    } finally {
      setUploading(false);
    }
  };

  const template = async () => {
    setDownloading(true);
    try {
      await downloadFile(importApi.templateUrl, '会员名册导入模板.xlsx');
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };

  const reupload = () => {
    if (batch) setUnion({ id: batch.orgId, name: batch.orgName });
    setFile(null);
    openBatch(null);
  };

  const columns: TableProps<ImportBatch>['columns'] = [
    { title: t('import.history.startedAt'), dataIndex: 'startedAt', key: 'startedAt', width: 170, render: (s: string) => new Date(s).toLocaleString() },
    {
      title: t('import.history.file'),
      dataIndex: 'fileName',
      key: 'fileName',
      ellipsis: true,
      render: (n: string, b) => (
        <Typography.Link onClick={() => openBatch(b.id)} data-testid={`import-history-open-${b.id}`}>
          {n}
        </Typography.Link>
      ),
    },
    { title: t('member.field.union'), dataIndex: 'orgName', key: 'orgName', ellipsis: true },
    { title: t('import.history.status'), dataIndex: 'status', key: 'status', width: 110, render: (_: unknown, b) => <ImportStatusTag status={b.status} /> },
    { title: t('import.count.total'), dataIndex: 'total', key: 'total', width: 90, align: 'right' },
    { title: t('import.count.created'), dataIndex: 'created', key: 'created', width: 90, align: 'right' },
    { title: t('import.count.updated'), dataIndex: 'updated', key: 'updated', width: 90, align: 'right' },
    { title: t('import.count.rejected'), dataIndex: 'rejected', key: 'rejected', width: 90, align: 'right' },
  ];

  return (
    <div data-testid="import-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.memberImport')}</Typography.Title>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void template()} data-testid="import-template-btn">
          {t('import.template')}
        </Button>
      </div>

      {batchId ? (
        batch ? (
          <ImportBatchView
            batch={batch}
            onCommitted={refresh}
            onReupload={reupload}
            onNew={() => {
              setUnion(undefined);
              openBatch(null);
            }}
            onChanged={() => {
              refresh();
              history.reload();
            }}
          />
        ) : failed ? (
          <Card>
            <Empty description={t('import.notFound')}>
              <Button onClick={() => openBatch(null)} data-testid="import-back">
                {t('import.new')}
              </Button>
            </Empty>
          </Card>
        ) : (
          <Card loading />
        )
      ) : (
        <Card title={t('import.upload.title')} data-testid="import-upload-card">
          <Typography.Paragraph type="secondary">{t('import.upload.hint')}</Typography.Paragraph>
          <Form layout="vertical" style={{ maxWidth: 720 }}>
            <Form.Item label={t('import.upload.target')} required extra={t('import.upload.targetHint')}>
              <UnionSelect source="scope" value={union?.id} known={union} onPick={setUnion} data-testid="import-org" />
            </Form.Item>
            <Form.Item label={t('import.upload.file')} required>
              <Upload.Dragger
                accept={ACCEPT}
                multiple={false}
                maxCount={1}
                fileList={file ? [{ uid: 'roster', name: file.name, status: 'done', size: file.size }] : []}
                beforeUpload={(f) => {
                  const ok = /\.(xlsx|csv)$/i.test(f.name);
                  if (!ok) void message.error(t('import.upload.badType'));
                  else setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
                data-testid="import-file"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t('import.upload.drop')}</p>
                <p className="ant-upload-hint">{t('import.upload.dropHint')}</p>
              </Upload.Dragger>
            </Form.Item>
            <Button type="primary" icon={<CloudUploadOutlined />} disabled={!union || !file} loading={uploading} onClick={() => void upload()} data-testid="import-upload-btn">
              {t('import.upload.submit')}
            </Button>
          </Form>
        </Card>
      )}

      <Card
        title={t('import.history.title')}
        style={{ marginTop: 16 }}
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={history.reload}>
            {t('action.refresh')}
          </Button>
        }
      >
        <Table<ImportBatch>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={history.data?.items}
          loading={history.loading}
          data-testid="import-history-table"
          onRow={(b) => testId(`import-history-row-${b.id}`)}
          locale={{ emptyText: t('common.noData') }}
          scroll={{ x: 900 }}
          pagination={{
            current: historyPage,
            pageSize: 10,
            total: history.data?.total ?? 0,
            showSizeChanger: false,
            onChange: setHistoryPage,
            showTotal: (n) => t('common.total', { n }),
          }}
        />
      </Card>
    </div>
  );
}
