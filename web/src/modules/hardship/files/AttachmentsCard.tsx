import { useState } from 'react';
import { App, Button, Select, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { fileToBase64, hardshipFileApi, MAX_UPLOAD_BYTES, UPLOAD_TYPES, type FileAttachment } from '../../../api/hardship-files';
import { downloadFile } from '../../../api/members';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { useLabel, useOptions, V } from '../shared/vocab';

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** 附件: scans of the file (PDF/JPG/PNG ≤ 5 MB, checked here before sending), downloaded and deleted with the server's audit. */
export function AttachmentsCard({ fileId, items, canWrite, onChanged }: { fileId: string; items: FileAttachment[]; canWrite: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const options = useOptions();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const [kind, setKind] = useState<string>('income_proof');
  const [busy, setBusy] = useState(false);

  const beforeUpload = async (f: File) => {
    if (!UPLOAD_TYPES.includes(f.type)) {
      void message.error(t('hsFile.att.badType', { name: f.name }));
      return Upload.LIST_IGNORE;
    }
    if (f.size > MAX_UPLOAD_BYTES) {
      void message.error(t('hsFile.att.tooBig', { name: f.name }));
      return Upload.LIST_IGNORE;
    }
    setBusy(true);
    try {
      await hardshipFileApi.attach(fileId, { kind, fileName: f.name.replace(/[/\\]/g, '_').slice(0, 120), data: await fileToBase64(f) });
      void message.success(t('hsFile.att.uploaded', { name: f.name }));
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
    return Upload.LIST_IGNORE;
  };

  const remove = (a: FileAttachment) =>
    modal.confirm({
      title: t('action.delete'),
      content: t('hsFile.att.deleteConfirm', { name: a.fileName }),
      okText: t('action.delete'),
      okButtonProps: { danger: true, ...testId('hs-att-delete-ok') },
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          await hardshipFileApi.deleteAttachment(a.id);
          void message.success(t('hsFile.att.deleted'));
          onChanged();
        } catch (e) {
          showError(e);
        }
      },
    });

  return (
    <div data-testid="hs-attachments">
      {canWrite && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select value={kind} onChange={setKind} options={options(V.ATTACHMENT_KINDS, V.ATTACHMENT_LABELS)} style={{ width: 160 }} data-testid="hs-att-kind" aria-label={t('hsFile.att.kind')} />
          <Upload accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" showUploadList={false} beforeUpload={beforeUpload} disabled={busy}>
            <Button icon={<UploadOutlined />} loading={busy} data-testid="hs-att-upload">
              {t('hsFile.att.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hsFile.att.hint')}
          </Typography.Text>
        </Space>
      )}
      <Table<FileAttachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        data-testid="hs-att-table"
        scroll={{ x: 600 }}
        locale={{ emptyText: t('common.noData') }}
        onRow={(a) => testId(`hs-att-row-${a.id}`)}
        columns={[
          { title: t('hsFile.att.kind'), dataIndex: 'kind', width: 100, render: (k: string) => label(V.ATTACHMENT_LABELS, k) },
          { title: t('hsFile.att.name'), dataIndex: 'fileName', ellipsis: true, width: 180, render: (n: string) => <span title={n}>{n}</span> },
          { title: t('hsFile.att.size'), dataIndex: 'size', width: 70, align: 'right', render: size },
          { title: t('hsFile.att.at'), dataIndex: 'createdAt', width: 100, render: (s: string) => <span title={new Date(s).toLocaleString()}>{new Date(s).toLocaleDateString()}</span> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            fixed: 'right',
            render: (_, a) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => downloadFile(hardshipFileApi.attachmentUrl(a.id), a.fileName).catch(showError)} {...testId(`hs-att-download-${a.id}`)}>
                  {t('hsFile.att.download')}
                </Button>
                {canWrite && (
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(a)} {...testId(`hs-att-delete-${a.id}`)}>
                    {t('action.delete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
