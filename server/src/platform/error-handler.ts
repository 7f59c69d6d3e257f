import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorBody } from './errors.js';

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

type Issue = Parameters<ReturnType<typeof z.locales.en>['localeError']>[0];

function localise(loc: { localeError: (i: Issue) => unknown }, issue: Issue, fallback: string): string {
  const r = loc.localeError(issue) as string | { message: string } | undefined;
  return typeof r === 'string' ? r : (r?.message ?? fallback);
}

function valueAt(root: unknown, path: string[]): unknown {
  let v = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * Every error leaves as JSON with a stable code and a zh-CN and English message. Bad input is 4xx;
 * a 500 means a bug, and its details stay in the log.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error(err);
      return reply.code(err.status).send(errorBody(err));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const input = { body: req.body, querystring: req.query, params: req.params, headers: req.headers }[err.validationContext ?? 'body'];
      const fields = err.validation.map((v) => {
        // fastify-type-provider-zod passes the issue as keyword (its code), instancePath (its path) and
        // params (the rest); rebuild it with the offending value so the locales can phrase it.
        const issuePath = v.instancePath.split('/').filter(Boolean);
        const issue = { ...v.params, code: v.keyword, path: issuePath, input: valueAt(input, issuePath) } as unknown as Issue;
        const path = [err.validationContext, ...issuePath].filter(Boolean).join('.');
        const message = v.message ?? '';
        // A message the schema wrote itself (already zh / en) is kept; zod's default English one is translated.
        const isDefault = localise(enLocale, issue, '') === message;
        if (isDefault) return { path, message: localise(zhLocale, issue, message), messageEn: message };
        // Our own messages are written "中文 / English": give each language its half.
        const [zh, en] = message.split(' / ');
        return { path, message: zh!, messageEn: en ?? zh! };
      });
      const first = fields[0];
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: `输入有误：${first ? `${first.path} ${first.message}` : ''}`,
        messageEn: `Invalid input: ${first ? `${first.path} ${first.messageEn}` : ''}`,
        details: { fields },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause?.issues }, 'response serialization failed');
      return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误', messageEn: 'Internal server error' });
    }
    const code = err.code;
    const status = err.statusCode ?? 500;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
      return reply.code(413).send({ code: 'BODY_TOO_LARGE', message: '提交的数据过大', messageEn: 'The request body is too large' });
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return reply.code(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型', messageEn: 'Unsupported content type' });
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.name === 'SyntaxError' && status === 400)) {
      return reply.code(400).send({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON', messageEn: 'The body is not valid JSON' });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ code: code ?? 'BAD_REQUEST', message: '请求无效', messageEn: err.message });
    }
    req.log.error(err);
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试', messageEn: 'Internal server error' });
  });
}
