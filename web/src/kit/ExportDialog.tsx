import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Modal, Radio, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Endpoint } from '../../../common/src/contracts/kit';
import { useApiError } from '../app/use-api-error';
import { useI18n } from '../i18n';
import { testId as tid } from '../app/test-id';
import { download } from './download';
import { countText } from './format';
import { useText, type Text } from './text';
import { useExportJob } from './ExportButton';

export interface ExportOptions {
  /** The file formats offered, the first chosen by default (the endpoint's `format` query). */
  formats?: ('xlsx' | 'csv')[];
  /** The caller may export the values in clear (`unmask=true`): offered with a warning and asked once more; the server audits it. */
  unmask?: boolean;
  title?: Text;
  /** The file name when the server names none. */
  fileName?: string;
}

/**
 * The export of a list with its choices: the file format and, for whoever may, ID numbers and
 * mobiles in clear (personal information: asked once more, recorded by the server). The file is
 * fetched with the session, so a refusal shows as an error rather than a page of JSON.
 * data-testids: `<testId>-export` (the button), `-export-modal`, `-export-format`, `-export-unmask`,
 * `-export-unmask-ok`, `-export-start`.
 */
export function ExportDialog({ endpoint, query, count, testId, formats = ['xlsx', 'csv'], unmask: mayUnmask, title, fileName = 'export', kind }: ExportOptions & {
  endpoint: Endpoint;
  /** The list's filters. */
  query: Record<string, unknown>;
  /** How many the filters select, when known. */
  count?: { total: number; exact: boolean; estimate?: number };
  testId: string;
  /** An export kind the server runs in the background: the file is then made with a progress bar and offered when ready (a large list takes a while). */
  kind?: string;
}) {
  const { t, lang } = useI18n();
  const text = useText();
  const { message, modal } = App.useApp();
  const { showError } = useApiError();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState(formats[0]!);
  const [unmask, setUnmask] = useState(false);
  const [busy, setBusy] = useState(false);
  const job = useExportJob(kind ?? '', testId);

  const run = async () => {
    setBusy(true);
    try {
      if (kind) {
        if (await job.start({ ...query, format, ...(unmask ? { unmask: 'true' } : {}) })) {
          setOpen(false);
          setUnmask(false);
        }
        return;
      }
      const name = await download(endpoint, { query: { ...query, format, ...(unmask ? { unmask: 'true' } : {}) } }, `${fileName}.${format}`);
      void message.success(t('kit.exportDialog.done', { name }));
      setOpen(false);
      setUnmask(false);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    unmask
      ? modal.confirm({
          title: t('kit.exportDialog.unmaskConfirmTitle'),
          content: t('kit.exportDialog.unmaskConfirm'),
          okText: t('kit.exportDialog.unmaskOk'),
          okButtonProps: { danger: true, ...tid(`${testId}-export-unmask-ok`) },
          cancelText: t('action.cancel'),
          onOk: run,
        })
      : void run();

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} title={t('kit.list.exportHint')} {...tid(`${testId}-export`)}>
        {t('kit.list.export')}
      </Button>
      <Modal
        open={open}
        title={title ? text(title) : t('kit.list.export')}
        onCancel={() => setOpen(false)}
        onOk={start}
        okText={t('kit.exportDialog.start')}
        okButtonProps={{ loading: busy, disabled: count?.total === 0, ...tid(`${testId}-export-start`) }}
        cancelText={t('action.cancel')}
        modalRender={(node) => <div data-testid={`${testId}-export-modal`}>{node}</div>}
      >
        {count && <Typography.Paragraph>{t('kit.exportDialog.count', { n: countText(count.total, count.exact, count.estimate, lang) })}</Typography.Paragraph>}
        <Form layout="vertical">
          {formats.length > 1 && (
            <Form.Item label={t('kit.exportDialog.format')}>
              <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as typeof format)} options={formats.map((f) => ({ value: f, label: f === 'xlsx' ? 'Excel (.xlsx)' : 'CSV (.csv)' }))} {...tid(`${testId}-export-format`)} />
            </Form.Item>
          )}
          {mayUnmask && (
            <Form.Item extra={t('kit.exportDialog.unmaskHint')}>
              <Checkbox checked={unmask} onChange={(e) => setUnmask(e.target.checked)} {...tid(`${testId}-export-unmask`)}>
                {t('kit.exportDialog.unmask')}
              </Checkbox>
            </Form.Item>
          )}
        </Form>
        <Alert type={unmask ? 'warning' : 'info'} showIcon title={t(unmask ? 'kit.exportDialog.unmaskWarn' : 'kit.exportDialog.maskedNote')} />
      </Modal>
      {kind && job.element}
    </>
  );
}
