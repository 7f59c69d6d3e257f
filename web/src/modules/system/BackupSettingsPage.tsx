import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Skeleton, Table, Typography } from 'antd';
import { backupApi, BACKUP_DEFAULTS, BackupSettingsSchema, type BackupSettings, type BackupViewData } from '../../../../common/src/contracts/backup';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { FormFields, formatDateTime, PageHeader, type FieldSpec } from '../../kit';

const bounds = (name: 'intervalHours' | 'keep') => BackupSettingsSchema.shape[name] as unknown as { minValue: number; maxValue: number };
const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/**
 * 定时备份: how often the server writes a backup archive and how many it keeps (default daily, 14),
 * the last run and the archives in the folder. Restoring is done on the command line
 * (README, "Backup and restore"); archives hold no key (the manifest holds its fingerprint).
 */
export default function BackupSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<BackupSettings>();
  const [saving, setSaving] = useState(false);
  const [view, setView] = useState<BackupViewData | null>(null);
  const { data, loading } = useRequest(() => call(backupApi.get), [], showError);
  const shown = view ?? data;

  useEffect(() => {
    if (data) form.setFieldsValue(data.settings);
  }, [data, form]);

  const numberField = (name: 'intervalHours' | 'keep', unit: 'backup.unit.hours' | 'backup.unit.copies'): FieldSpec => {
    const { minValue: min, maxValue: max } = bounds(name);
    return {
      name, label: `backup.field.${name}`, kind: 'number', span: 12, min, max, extra: `backup.hint.${name}`,
      rules: [{ required: true, type: 'integer', min, max, message: t('settings.rangeError', { min, max }) }],
      props: { style: { width: 200 }, suffix: t(unit) },
    };
  };

  const save = async (v: BackupSettings) => {
    setSaving(true);
    try {
      const next = await call(backupApi.save, { body: v });
      setView(next);
      form.setFieldsValue(next.settings);
      void message.success(t('common.saved'));
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  const status = shown?.status;
  return (
    <div data-testid="backup-page">
      <PageHeader title={t('menu.backup')} crumbs={[{ title: t('menu.system') }, { title: t('menu.backup') }]} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('backup.note')} description={t('backup.noteDetail')} />
      <Card title={t('backup.schedule')} style={{ marginBottom: 16 }}>
        {loading && !shown ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <Form form={form} layout="vertical" name="backup" onFinish={(v) => void save(v)} initialValues={BACKUP_DEFAULTS} data-testid="backup-form" style={{ maxWidth: 880 }}>
            <FormFields
              testId="backup"
              fields={[
                { name: 'enabled', label: 'backup.field.enabled', kind: 'switch', span: 24, extra: 'backup.hint.enabled' },
                numberField('intervalHours', 'backup.unit.hours'),
                numberField('keep', 'backup.unit.copies'),
              ]}
            />
            <Button type="primary" htmlType="submit" loading={saving} data-testid="backup-submit">
              {t('action.save')}
            </Button>
          </Form>
        )}
      </Card>
      <Card title={t('backup.latest')}>
        {status?.lastError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('backup.lastError')} description={status.lastError} data-testid="backup-last-error" />}
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('backup.lastAt')}>{status?.lastAt ? formatDateTime(status.lastAt) : t('backup.never')}</Descriptions.Item>
          <Descriptions.Item label={t('backup.dir')}>
            <Typography.Text code copyable data-testid="backup-dir">{shown?.dir ?? ''}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey="name"
          data-testid="backup-files"
          pagination={false}
          dataSource={status?.files ?? []}
          locale={{ emptyText: t('backup.none') }}
          columns={[
            { title: t('backup.file'), dataIndex: 'name' },
            { title: t('backup.size'), dataIndex: 'bytes', width: 120, align: 'right', render: (b: number) => size(b) },
            { title: t('backup.at'), dataIndex: 'at', width: 200, render: (a: string) => formatDateTime(a) },
          ]}
        />
      </Card>
    </div>
  );
}
