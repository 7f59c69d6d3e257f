import { useState } from 'react';
import { App, Button, Select, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { hardshipFilesApi, MAX_ATTACHMENT_BYTES, UPLOAD_MIME_TYPES, type AttachmentInput, type FileDetail } from '../../../../../common/src/contracts/hardship-files';
import { call } from '../../../api/client';
import { useApiError, useBusy } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { Actions, download, fileToBase64, formatDate, formatDateTime, useVocab } from '../../../kit';
import { ATTACHMENT_KINDS } from '../shared/vocab';

type Attachment = FileDetail['attachments'][number];
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 附件: scans of the file (PDF/JPG/PNG ≤ 5 MB, checked here before sending), downloaded and deleted with the server's audit. */
export function AttachmentsCard({ fileId, items, canWrite, onChanged }: { fileId: string; items: Attachment[]; canWrite: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const { label, options } = useVocab();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [kind, setKind] = useState<AttachmentInput['kind']>('income_proof');
  const { busy, run } = useBusy();

  const beforeUpload = async (f: File) => {
    if (!(UPLOAD_MIME_TYPES as readonly string[]).includes(f.type)) void message.error(t('hsFile.att.badType', { name: f.name }));
    else if (f.size > MAX_ATTACHMENT_BYTES) void message.error(t('hsFile.att.tooBig', { name: f.name }));
    else {
      const body = { kind, fileName: f.name.replace(/[/\\]/g, '_').slice(0, 120), data: await fileToBase64(f) };
      if (await run(() => call(hardshipFilesApi.attach, { params: { id: fileId }, body }), t('hsFile.att.uploaded', { name: f.name }))) onChanged();
    }
    return Upload.LIST_IGNORE;
  };
  const remove = async (a: Attachment) => {
    try {
      await call(hardshipFilesApi.deleteAttachment, { params: { id: a.id } });
      void message.success(t('hsFile.att.deleted'));
      onChanged();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div data-testid="hs-attachments">
      {canWrite && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select value={kind} onChange={setKind} options={options(ATTACHMENT_KINDS) as never} style={{ width: 160 }} data-testid="hs-att-kind" aria-label={t('hsFile.att.kind')} />
          <Upload accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" showUploadList={false} beforeUpload={beforeUpload} disabled={busy}>
            <Button icon={<UploadOutlined />} loading={busy} data-testid="hs-att-upload">{t('hsFile.att.upload')}</Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hsFile.att.hint')}</Typography.Text>
        </Space>
      )}
      <Table<Attachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="hs-att-table"
        scroll={{ x: 600 }}
        locale={{ emptyText: t('common.noData') }}
        onRow={(a) => testId(`hs-att-row-${a.id}`)}
        columns={[
          { title: t('hsFile.att.kind'), dataIndex: 'kind', width: 100, render: (k: string) => label(ATTACHMENT_KINDS, k) },
          { title: t('hsFile.att.name'), dataIndex: 'fileName', ellipsis: true, width: 180, render: (n: string) => <span title={n}>{n}</span> },
          { title: t('hsFile.att.size'), dataIndex: 'size', width: 70, align: 'right', render: size },
          { title: t('hsFile.att.at'), dataIndex: 'createdAt', width: 100, render: (s: string) => <span title={formatDateTime(s)}>{formatDate(s)}</span> },
          {
            title: t('common.actions'), key: 'actions', width: 170, fixed: 'right',
            render: (_, a) => (
              <Actions size="small" actions={[
                { key: 'download', label: 'hsFile.att.download', icon: <DownloadOutlined />, testId: `hs-att-download-${a.id}`, onClick: () => download(hardshipFilesApi.attachment, { params: { id: a.id } }, a.fileName).catch(showError) },
                { key: 'delete', label: 'action.delete', icon: <DeleteOutlined />, danger: true, show: canWrite, testId: `hs-att-delete-${a.id}`, confirm: { zh: `删除附件“${a.fileName}”？删除后不能恢复。`, en: `Delete “${a.fileName}”? This cannot be undone.` }, onClick: () => remove(a) },
              ]} />
            ),
          },
        ]}
      />
    </div>
  );
}
