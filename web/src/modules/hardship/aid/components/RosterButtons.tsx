import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { ApiError } from '../../../../api/client';
import { aidApi } from '../../../../api/hardship-aid';
import { useApiError } from '../../../../app/use-api-error';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';

/**
 * 签收名册 downloads (xlsx, PDF) of a campaign, fetched with the session cookie and saved as a file.
 * A server without a CJK font refuses the PDF (503 PDF_FONT_MISSING): say so plainly and point to the xlsx.
 */
export function RosterButtons({ id, name, testIdPrefix = 'hs-roster', size = 'small' }: { id: string; name: string; testIdPrefix?: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { showError, errorText } = useApiError();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);

  const run = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      const file = await aidApi.downloadRoster(id, format, `${name}签收名册.${format}`);
      void message.success(t('hsAid.roster.done', { name: file }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PDF_FONT_MISSING') {
        modal.warning({
          title: t('hsAid.roster.pdfUnavailable'),
          content: <span data-testid="hs-roster-pdf-error">{errorText(e)}</span>,
          okText: t('action.close'),
        });
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space size={4}>
      <Button size={size} icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void run('xlsx')} {...testId(`${testIdPrefix}-xlsx-${id}`)}>
        {t('hsAid.roster.xlsx')}
      </Button>
      <Button size={size} icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf')} {...testId(`${testIdPrefix}-pdf-${id}`)}>
        {t('hsAid.roster.pdf')}
      </Button>
    </Space>
  );
}
