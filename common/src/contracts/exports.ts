/** Exports in the background (server/src/platform/export-jobs.ts): start, follow, download. */
import { z } from 'zod';
import { endpoints, FileBody } from './kit.js';

export const ExportJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  rowsDone: z.number(),
  rows: z.number(),
  fileName: z.string(),
  bytes: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;

const JobParams = z.strictObject({ id: z.uuid({ error: '编号格式不正确 / malformed id' }) });
export const ExportStartBody = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{1,40}$/, '导出类型不正确 / unknown export'),
  /** The list's filters, as its own export endpoint takes them. */
  query: z
    .record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()]))
    .refine((q) => Object.keys(q).length <= 40, '筛选条件过多 / too many filters'),
});

// Each kind checks its own permission (members: member.export …); a job is only ever its owner's.
export const exportsApi = endpoints('导出 exports', {
  start: {
    method: 'POST',
    path: '/api/exports',
    access: 'authenticated',
    summary: '开始后台导出 / start an export in the background',
    body: ExportStartBody,
    response: ExportJobSchema,
    status: 202,
  },
  list: { method: 'GET', path: '/api/exports', access: 'authenticated', summary: '我的导出任务 / my exports', response: z.array(ExportJobSchema) },
  get: {
    method: 'GET',
    path: '/api/exports/:id',
    access: 'authenticated',
    summary: '导出进度 / an export’s progress',
    params: JobParams,
    response: ExportJobSchema,
  },
  file: {
    method: 'GET',
    path: '/api/exports/:id/file',
    access: 'authenticated',
    summary: '下载导出文件 / the finished file',
    params: JobParams,
    response: FileBody('the exported file'),
    file: true,
  },
});
