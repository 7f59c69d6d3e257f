import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { importApi } from '../../../../../common/src/contracts/member-import.js';
import { cancelImport, restartImport, startImport } from './import.service.js';
import { commitImport } from './import.commit.js';
import { getImport, importBatches, listImports } from './import.query.js';
import { errorsWorkbook, templateWorkbook } from './import.files.js';
import { mount } from '../../../platform/mount.js';
import { AppError, errors } from '../../../platform/errors.js';

/** Largest roster upload (GONGHUI_IMPORT_MAX_MB, default 200): a million-row xlsx is about 60–90 MB. */
const maxBytes = () => Number(process.env.GONGHUI_IMPORT_MAX_MB || 200) * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tooLarge = (mb: number) =>
  new AppError(
    413,
    'FILE_TOO_LARGE',
    `文件超过 ${mb} MB 上限：请把名册拆分成几个文件分别导入`,
    `The file is larger than ${mb} MB; split the roster into several files`,
  );

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
    if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw errors.invalid('请以 multipart/form-data 上传文件', 'Upload the file as multipart/form-data');
    throw e;
  }
  const orgId = z.uuid().safeParse(fields.orgId);
  if (!file || !orgId.success) {
    await drop();
    throw errors.invalid(
      !file ? '请选择要导入的名册文件（字段 file）' : '请选择导入到哪个工会（字段 orgId）',
      !file ? 'Attach the roster file (field "file")' : 'Choose the union to import into (field "orgId")',
    );
  }
  return { orgId: orgId.data, ...file };
}

export async function importRoutes(app: FastifyInstance) {
  const limit = maxBytes();
  await app.register(multipart, { limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 1024 } });
  mount(app, importApi, {
    template: async (_c, _i, _req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', download('会员名册导入模板.xlsx'))
        .send(await templateWorkbook()),
    upload: async (c, _i, req) => {
      const up = await receiveUpload(req, limit / 1024 / 1024);
      try {
        return await startImport(c, { orgId: up.orgId, fileName: up.fileName, path: up.path, removeAfter: true });
      } catch (e) {
        await fs.promises.rm(up.path, { force: true });
        throw e;
      }
    },
    list: (c, { query }) => listImports(c, query),
    get: (c, { params }) => getImport(c, params.id),
    history: (c, { params }) => importBatches.history(c, params.id),
    errors: async (c, { params }, _req, reply) => {
      const { stream, fileName } = await errorsWorkbook(c, params.id);
      return reply.type(XLSX).header('content-disposition', download(fileName)).send(stream);
    },
    commit: (c, { params }) => commitImport(c, params.id),
    restart: (c, { params }) => restartImport(c, params.id),
    cancel: async (c, { params }) => {
      await cancelImport(c, params.id);
      return { ok: true as const };
    },
  });
}
