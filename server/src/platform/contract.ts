import { z } from 'zod';

/** Shared pieces of request/response schemas. */
export const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});

export const IdParams = z.strictObject({ id: z.uuid({ error: '编号格式不正确 / malformed id' }) });

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const OkSchema = z.object({ ok: z.literal(true) });

/** Standard error responses, so the OpenAPI document lists them. */
export const errorResponses = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } as const;

export const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' });
