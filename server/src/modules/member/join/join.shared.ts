import { eq, sql } from 'drizzle-orm';
import { org } from '../../org/org.schema.js';
import { AppError } from '../../../platform/errors.js';
export type { PublicCtx } from '../../../platform/context.js';
import type { Executor } from '../../../db/client.js';

/** Levels a person's membership may sit at: a grassroots union, or a street/park (territorial) union. */
export const HOLDING_LEVELS = ['grassroots', 'street'];

/** A union that can take members: active, and grassroots or street/park level. */
export async function loadTargetUnion(exec: Executor, orgId: string) {
  const [o] = await exec.select().from(org).where(eq(org.id, orgId));
  if (!o || !o.active || !HOLDING_LEVELS.includes(o.level)) return null;
  return o;
}

/** The street/park and county ancestors of an org, for telling unions with similar names apart. */
export const streetNameSql = sql<
  string | null
>`(SELECT s.name FROM org s WHERE s.level = 'street' AND s.id = ANY(string_to_array(trim(both '/' from org.path), '/')::uuid[]) AND s.id <> org.id LIMIT 1)`;
export const districtNameSql = sql<
  string | null
>`(SELECT d.name FROM org d WHERE d.level = 'county' AND d.id = ANY(string_to_array(trim(both '/' from org.path), '/')::uuid[]) LIMIT 1)`;

/** The PostgreSQL error code (and constraint) behind a failed query, on either driver (Drizzle wraps it in `cause`). */
export function pgError(e: unknown): { code?: string; constraint?: string; message?: string } {
  let cur = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let i = 0; cur && i < 5; i++) {
    if (typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) {
      return { code: cur.code, constraint: typeof cur.constraint === 'string' ? cur.constraint : undefined, message: String(cur.message ?? '') };
    }
    cur = cur.cause as typeof cur;
  }
  return {};
}

/** Whether an error is a unique violation of the named index (the message names it on both drivers). */
export function isUniqueViolation(e: unknown, indexName: string): boolean {
  const p = pgError(e);
  return p.code === '23505' && (p.constraint === indexName || !!p.message?.includes(indexName));
}

export const joinNotPending = () => new AppError(409, 'JOIN_NOT_PENDING', '该申请已处理，不能重复处理', 'This application has already been decided');
