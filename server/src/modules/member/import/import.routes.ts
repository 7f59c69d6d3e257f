import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import * as C from './import.contract.js';
import { cancelImport, startImport } from './import.service.js';
import { commitImport } from './import.commit.js';
import { getImport, listImports } from './import.query.js';
import { errorsWorkbook, templateWorkbook } from './import.files.js';
import { ctx } from '../../../platform/guard.js';
import { AppError, errors } from '../../../platform/errors.js';
import { IdParams, OkSchema, errorResponses } from '../../../platform/contract.js';

const tags = ['会员名册导入 member import'];
/** Largest roster upload (GONGHUI_IMPORT_MAX_MB, default 200): a million-row xlsx is about 60–90 MB. */
const maxBytes = () => Number(process.env.GONGHUI_IMPORT_MAX_MB || 200) * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tooLarge = (mb: number) =>
  new AppError(413, 'FILE_TOO_LARGE', `文件超过 ${mb} MB 上限：请把名册拆分成几个文件分别导入`, `The file is larger than ${mb} MB; split the roster into several files`);

const download = (name: string) => `attachment; filename="${encodeURIComponent(name).replace(/%20/g, ' ')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Read the multipart upload: the file goes to a temporary file as it arrives (never into memory), orgId is a field. */
async function receiveUpload(req: FastifyRequest, limitMb: number): Promise<{ orgId: string; fileName: string; path: string }> {
  let file: { fileName: string; path: string } | null = null;
  const fields: Record<string, string> = {};
  const drop = () => (file ? fs.promises.rm(file.path, { force: true }) : Promise.resolve());
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (file) {
          part.file.resume();
          continue;
        }
        file = { fileName: part.filename || 'roster', path: path.join(os.tmpdir(), `gonghui-import-${crypto.randomUUID()}`) };
        await pipeline(part.file, fs.createWriteStream(file.path, { mode: 0o600, flags: 'wx' }));
        if (part.file.truncated) throw tooLarge(limitMb);
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    await drop();
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limitMb);
    if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw errors.invalid('请以 multipart/form-data 上传文件', 'Upload the file as multipart/form-data');
    throw e;
  }
  const orgId = z.uuid().safeParse(fields.orgId);
  if (!file || !orgId.success) {
    await drop();
    throw errors.invalid(!file ? '请选择要导入的名册文件（字段 file）' : '请选择导入到哪个工会（字段 orgId）', !file ? 'Attach the roster file (field "file")' : 'Choose the union to import into (field "orgId")');
  }
  return { orgId: orgId.data, ...file };
}

export async function importRoutes(app: FastifyInstance) {
  const limit = maxBytes();
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1024 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Declared before /:id, so "template.xlsx" is never taken for a batch id.
  r.get('/api/member-imports/template.xlsx', {
    config: { access: 'member.import' },
    schema: { tags, summary: '下载导入模板 / download the import template', response: { 200: z.any().describe('xlsx'), ...errorResponses } },
  }, async (_req, reply) =>
    reply.type(XLSX).header('content-disposition', download('会员名册导入模板.xlsx')).send(await templateWorkbook()));

  r.post('/api/member-imports', {
    config: { access: 'member.import' },
    schema: {
      tags, summary: '上传名册（multipart：orgId、file），后台解析 / upload a roster; parsed in the background', consumes: ['multipart/form-data'],
      response: { 202: C.ImportAccepted, 413: errorResponses[400], ...errorResponses },
    },
  }, async (req, reply) => {
    const c = ctx(app, req);
    const up = await receiveUpload(req, limit / 1024 / 1024);
    try {
      const res = await startImport(c, { orgId: up.orgId, fileName: up.fileName, path: up.path, removeAfter: true });
      return reply.code(202).send(res);
    } catch (e) {
      await fs.promises.rm(up.path, { force: true });
      throw e;
    }
  });

  r.get('/api/member-imports', {
    config: { access: 'member.import' },
    schema: { tags, summary: '导入批次列表（管辖范围内）/ import batches in scope', querystring: C.ImportListQuery, response: { 200: C.ImportPage, ...errorResponses } },
  }, (req) => listImports(ctx(app, req), req.query));

  r.get('/api/member-imports/:id', {
    config: { access: 'member.import' },
    schema: { tags, summary: '批次状态、进度、计数和前100条错误 / status, progress, counts, first errors', params: IdParams, response: { 200: C.ImportDetailSchema, ...errorResponses } },
  }, (req) => getImport(ctx(app, req), req.params.id));

  r.get('/api/member-imports/:id/errors.xlsx', {
    config: { access: 'member.import' },
    schema: { tags, summary: '下载全部错误（原表行号，身份证号脱敏）/ all errors as xlsx', params: IdParams, response: { 200: z.any().describe('xlsx'), ...errorResponses } },
  }, async (req, reply) => {
    const { stream, fileName } = await errorsWorkbook(ctx(app, req), req.params.id);
    return reply.type(XLSX).header('content-disposition', download(fileName)).send(stream);
  });

  r.post('/api/member-imports/:id/commit', {
    config: { access: 'member.import' },
    schema: { tags, summary: '确认导入（后台事务，全部成功或全部不写入）/ commit in the background, all or nothing', params: IdParams, response: { 202: C.ImportAccepted, ...errorResponses } },
  }, async (req, reply) => reply.code(202).send(await commitImport(ctx(app, req), req.params.id)));

  r.post('/api/member-imports/:id/cancel', {
    config: { access: 'member.import' },
    schema: { tags, summary: '取消批次 / cancel a batch', params: IdParams, response: { 200: OkSchema, ...errorResponses } },
  }, async (req) => {
    await cancelImport(ctx(app, req), req.params.id);
    return { ok: true as const };
  });
}
