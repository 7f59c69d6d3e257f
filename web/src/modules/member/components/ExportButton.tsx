import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Modal, Radio, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, memberApi, type MemberFilters } from '../../../api/members';
import { useAccess } from '../../../app/auth-context';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';

/**
 * 导出: the current search as xlsx or csv. Masked unless the user holds member.unmask and ticks
 * 导出明文, which asks once more because the server records it in the audit log.
 */
export function ExportButton({ filters, total, totalExact = true }: { filters: MemberFilters; total: number | undefined; totalExact?: boolean }) {
  const { t } = useI18n();
  const access = useAccess();
  const { message, modal } = App.useApp();
  const { showError } = useApiError();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [unmask, setUnmask] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const name = await downloadFile(memberApi.exportUrl(filters, format, unmask), `members.${format}`);
      void message.success(t('member.export.done', { name }));
      setOpen(false);
      setUnmask(false);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    if (!unmask) return void run();
    modal.confirm({
      title: t('member.export.plainConfirmTitle'),
      content: t('member.export.plainConfirm'),
      okText: t('member.export.plainOk'),
      okButtonProps: { danger: true, ...testId('member-export-plain-ok') },
      cancelText: t('action.cancel'),
      onOk: run,
    });
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="member-export-btn">
        {t('member.export')}
      </Button>
      <Modal
        open={open}
        title={t('member.export.title')}
        onCancel={() => setOpen(false)}
        onOk={start}
        okText={t('member.export.start')}
        okButtonProps={{ loading: busy, disabled: total === 0, ...testId('member-export-start') }}
        cancelText={t('action.cancel')}
        modalRender={(node) => <div data-testid="member-export-modal">{node}</div>}
      >
        <Typography.Paragraph>{t('member.export.count', { n: (total ?? 0).toLocaleString() + (totalExact ? '' : '+') })}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('member.export.format')}>
            <Radio.Group
              value={format}
              onChange={(e) => setFormat(e.target.value as 'xlsx' | 'csv')}
              data-testid="member-export-format"
              options={[
                { value: 'xlsx', label: 'Excel (.xlsx)' },
                { value: 'csv', label: 'CSV (.csv)' },
              ]}
            />
          </Form.Item>
          {access.canUnmaskMember && (
            <Form.Item extra={t('member.export.plainHint')}>
              <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)} data-testid="member-export-plain">
                {t('member.export.plain')}
              </Checkbox>
            </Form.Item>
          )}
        </Form>
        <Alert type={unmask ? 'warning' : 'info'} showIcon title={unmask ? t('member.export.plainWarn') : t('member.export.maskedNote')} />
      </Modal>
    </>
  );
}
