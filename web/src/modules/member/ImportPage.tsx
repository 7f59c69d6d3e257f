import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Form, Typography, Upload } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { urlOf } from '../../api/client';
import { importApi, type ImportBatch } from '../../../../common/src/contracts/member-import';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { FormFields, formatDateTime, ListPage, PageHeader, StatusTag, useUpload, type OrgRef } from '../../kit';
import { ImportBatchView, IMPORT_STATUS } from './components/ImportBatchView';
import { useImportBatch } from './components/use-import-batch';

/** The roster file, dropped or chosen: .xlsx or .csv, one file. */
function RosterDrop({ value, onChange }: { value?: File | null; onChange?: (f: File | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Upload.Dragger
      accept=".xlsx,.csv"
      multiple={false}
      maxCount={1}
      fileList={value ? [{ uid: 'roster', name: value.name, status: 'done', size: value.size }] : []}
      beforeUpload={(f) => {
        if (/\.(xlsx|csv)$/i.test(f.name)) onChange?.(f);
        else void message.error(t('import.upload.badType'));
        return false;
      }}
      onRemove={() => onChange?.(null)}
      data-testid="import-file"
    >
      <p className="ant-upload-drag-icon"><InboxOutlined /></p>
      <p className="ant-upload-text">{t('import.upload.drop')}</p>
      <p className="ant-upload-hint">{t('import.upload.dropHint')}</p>
    </Upload.Dragger>
  );
}

/** Step one: the grassroots union and the file; the roster is parsed in the background after the upload. */
function UploadCard({ union, onUploaded }: { union?: OrgRef; onUploaded: (batchId: string) => void }) {
  const { t } = useI18n();
  const { showError } = useApiError();
  const upload = useUpload();
  const [form] = Form.useForm<{ orgId?: string; file?: File | null }>();
  const orgId = Form.useWatch('orgId', form);
  const file = Form.useWatch('file', form);
  const [uploading, setUploading] = useState(false);
  const send = async () => {
    if (!orgId || !file) return;
    setUploading(true);
    try {
      onUploaded((await upload(importApi.upload, { fields: { orgId }, file })).batchId);
    } catch (e) {
      showError(e);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Card title={t('import.upload.title')} data-testid="import-upload-card">
      <Typography.Paragraph type="secondary">{t('import.upload.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" style={{ maxWidth: 720 }} initialValues={{ orgId: union?.id }}>
        <FormFields
          testId="import"
          span={24}
          fields={[
            { name: 'orgId', label: 'import.upload.target', kind: 'org', levels: ['grassroots'], known: union, required: true, extra: 'import.upload.targetHint', testId: 'import-org' },
            { name: 'file', label: 'import.upload.file', kind: 'custom', required: true, input: <RosterDrop /> },
          ]}
        />
        <Button type="primary" icon={<CloudUploadOutlined />} disabled={!orgId || !file} loading={uploading} onClick={() => void send()} data-testid="import-upload-btn">
          {t('import.upload.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 名册导入: template, upload to a grassroots union, progress, preview with errors, commit, result; past batches below. */
export default function ImportPage() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const batchId = sp.get('batch');
  const { batch, failed, refresh } = useImportBatch(batchId, showError);
  const [union, setUnion] = useState<OrgRef | undefined>();
  const [changed, setChanged] = useState(0);

  const openBatch = (id: string | null) => {
    const next = new URLSearchParams(sp);
    if (id) next.set('batch', id);
    else next.delete('batch');
    setSp(next);
  };

  let body;
  if (!batchId) body = <UploadCard union={union} onUploaded={openBatch} />;
  else if (batch) {
    body = (
      <ImportBatchView
        batch={batch}
        onCommitted={refresh}
        onReupload={() => {
          setUnion({ id: batch.orgId, name: batch.orgName });
          openBatch(null);
        }}
        onNew={() => {
          setUnion(undefined);
          openBatch(null);
        }}
        onChanged={() => {
          refresh();
          setChanged((n) => n + 1);
        }}
      />
    );
  } else if (failed) {
    body = (
      <Card>
        <Empty description={t('import.notFound')}>
          <Button onClick={() => openBatch(null)} data-testid="import-back">{t('import.new')}</Button>
        </Empty>
      </Card>
    );
  } else body = <Card loading />;

  return (
    <div data-testid="import-page">
      <PageHeader
        title={t('menu.memberImport')}
        extra={<Button icon={<DownloadOutlined />} href={urlOf(importApi.template)} data-testid="import-template-btn">{t('import.template')}</Button>}
      />
      {body}
      <div style={{ marginTop: 16 }} />
      <ListPage
        embedded
        title="import.history.title"
        testId="import-history"
        endpoint={importApi.list}
        defaults={{ pageSize: 10 }}
        reloadKey={`${batchId}-${batch?.status}-${changed}`}
        rowTestId={(b) => `import-history-row-${b.id}`}
        scrollX={900}
        columns={[
          { key: 'startedAt', title: 'import.history.startedAt', dataIndex: 'startedAt', width: 170, render: (s: string) => formatDateTime(s) },
          {
            key: 'fileName', title: 'import.history.file', dataIndex: 'fileName', ellipsis: true,
            render: (n: string, b: ImportBatch) => <Typography.Link onClick={() => openBatch(b.id)} data-testid={`import-history-open-${b.id}`}>{n}</Typography.Link>,
          },
          { key: 'orgName', title: 'member.field.union', dataIndex: 'orgName', ellipsis: true },
          { key: 'status', title: 'import.history.status', dataIndex: 'status', width: 110, render: (s: string) => <StatusTag vocab={IMPORT_STATUS} value={s} /> },
          ...(['total', 'created', 'updated', 'rejected'] as const).map((k) => ({ key: k, title: `import.count.${k}` as const, dataIndex: k, width: 90, align: 'right' as const })),
        ]}
      />
    </div>
  );
}
