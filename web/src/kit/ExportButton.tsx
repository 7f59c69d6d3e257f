import { useState } from 'react';
import { App, Button, Modal, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportsApi, type ExportJob } from '../../../common/src/contracts/exports';
import { call, urlOf } from '../api/client';
import { useApiError } from '../app/use-api-error';
import { useI18n } from '../i18n';
import { testId as tid } from '../app/test-id';

/** Follow a job until it ends; independent of any page, so it goes on when the user moves on. */
function follow(id: string, onChange: (j: ExportJob) => void): () => void {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      const j = await call(exportsApi.get, { params: { id } });
      onChange(j);
      if (j.status !== 'running') return;
    } catch {
      // a lost connection: try again
    }
    setTimeout(tick, 700);
  };
  void tick();
  return () => void (stopped = true);
}

/**
 * A background export job of `kind`: `start(query)` starts it and opens a progress bar with the
 * rows done; "继续工作" closes it and a notice offers the file when it is ready, wherever the user
 * is by then. `element` is the progress dialog, to be rendered by the caller.
 */
export function useExportJob(kind: string, testId: string) {
  const { t } = useI18n();
  const { notification } = App.useApp();
  const { showError } = useApiError();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [open, setOpen] = useState(false);
  const start = async (query: Record<string, unknown>): Promise<boolean> => {
    const clean = Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== undefined && v !== null && v !== '' && !['page', 'pageSize', 'sort', 'order'].includes(k))) as Record<string, string | number | boolean>;
    try {
      const j = await call(exportsApi.start, { body: { kind, query: clean } });
      setJob(j);
      setOpen(true);
      follow(j.id, (next) => {
        setJob(next);
        if (next.status === 'done') {
          notification.success({
            key: next.id,
            title: t('kit.export.ready'),
            description: (
              <Typography.Link href={urlOf(exportsApi.file, { params: { id: next.id } })} {...tid(`${testId}-export-download`)}>
                {t('kit.export.download', { name: next.fileName })}
              </Typography.Link>
            ),
            duration: 0,
          });
        } else if (next.status === 'failed') notification.error({ key: next.id, title: t('kit.export.failed'), description: next.error, duration: 0 });
      });
      return true;
    } catch (e) {
      showError(e);
      return false;
    }
  };
  const pct = job && job.rows ? Math.round((job.rowsDone / job.rows) * 100) : job?.status === 'done' ? 100 : 0;
  const element = (
    <Modal
      open={open}
      title={t('kit.export.title')}
      onCancel={() => setOpen(false)}
      footer={
        job?.status === 'done' ? (
          <Button type="primary" href={urlOf(exportsApi.file, { params: { id: job.id } })} onClick={() => setOpen(false)} {...tid(`${testId}-export-file`)}>
            {t('kit.export.download', { name: job.fileName })}
          </Button>
        ) : (
          <Button onClick={() => setOpen(false)} {...tid(`${testId}-export-background`)}>{t('kit.export.background')}</Button>
        )
      }
      modalRender={(n) => <div data-testid={`${testId}-export-progress-modal`}>{n}</div>}
    >
      <Progress percent={pct} status={job?.status === 'failed' ? 'exception' : job?.status === 'done' ? 'success' : 'active'} />
      <Typography.Text type="secondary" data-testid={`${testId}-export-progress`}>
        {job?.status === 'failed' ? job.error : t('kit.export.rows', { done: (job?.rowsDone ?? 0).toLocaleString('zh-CN'), total: (job?.rows ?? 0).toLocaleString('zh-CN') })}
      </Typography.Text>
    </Modal>
  );
  return { start, element };
}

/** Export what the list shows, in the background, with a button per format (see useExportJob). */
export function ExportButton({ kind, query, testId, formats = ['xlsx', 'csv'] }: { kind: string; query: Record<string, unknown>; testId: string; formats?: ('xlsx' | 'csv')[] }) {
  const { t } = useI18n();
  const job = useExportJob(kind, testId);
  return (
    <>
      <Space.Compact>
        {formats.map((f) => (
          <Button key={f} icon={f === formats[0] ? <DownloadOutlined /> : undefined} onClick={() => void job.start({ ...query, format: f })} title={t('kit.list.exportHint')} {...tid(`${testId}-export-${f}`)}>
            {f === formats[0] ? `${t('kit.list.export')} ${f.toUpperCase()}` : f.toUpperCase()}
          </Button>
        ))}
      </Space.Compact>
      {job.element}
    </>
  );
}
