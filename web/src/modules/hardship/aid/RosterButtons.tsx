import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { hardshipAidApi } from '../../../../../common/src/contracts/hardship-aid';
import { ApiError } from '../../../api/client';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { download } from '../../../kit/download';

/**
 * 签收名册 downloads (xlsx, PDF) of a campaign. A server without a CJK font refuses the PDF
 * (503 PDF_FONT_MISSING): say so plainly and point to the xlsx.
 */
export function RosterButtons({ id, name, testIdPrefix = 'hs-roster', size = 'small' }: { id: string; name: string; testIdPrefix?: string; size?: 'small' | 'middle' }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { showError, errorText } = useApiError();
  const [busy, setBusy] = useState<'xlsx' | 'pdf' | null>(null);
  const run = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      const file = await download(hardshipAidApi.roster, { params: { id }, query: { format } }, `${name}签收名册.${format}`);
      void message.success(t('hsAid.roster.done', { name: file }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'PDF_FONT_MISSING') {
        modal.warning({ title: t('hsAid.roster.pdfUnavailable'), content: <span data-testid="hs-roster-pdf-error">{errorText(e)}</span>, okText: t('action.close') });
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space size={4}>
      {(['xlsx', 'pdf'] as const).map((f) => (
        <Button key={f} size={size} icon={f === 'xlsx' ? <FileExcelOutlined /> : <FilePdfOutlined />} loading={busy === f} onClick={() => void run(f)} {...testId(`${testIdPrefix}-${f}-${id}`)}>
          {t(`hsAid.roster.${f}`)}
        </Button>
      ))}
    </Space>
  );
}
