import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { honorCall, honorNomination, honorObjection } from './honor.schema.js';
import { org } from '../org/org.schema.js';
import { auditObjection } from './nomination.service.js';
import { noticeOpen } from '../../../../common/src/honor-rules.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { AppError, errors } from '../../platform/errors.js';
import type { PublicCtx } from '../../platform/context.js';

/**
 * The public notice (公示, docs/achievement.md): no sign-in. A notice shows what such notices show —
 * name, employer, post and deeds — never ID numbers or phones. Objections are taken only while the
 * period runs (both ends counted); the objector's name and contact are kept encrypted.
 */
const notFound = () => errors.notFound('公示', 'notice');

async function noticeRow(c: PublicCtx, id: string) {
  const [r] = await c.db
    .select({ call: honorCall, orgName: org.name })
    .from(honorCall)
    .innerJoin(org, eq(org.id, honorCall.orgId))
    .where(and(eq(honorCall.id, id), inArray(honorCall.status, ['notice', 'decided'])));
  if (!r || !r.call.noticeFrom || !r.call.noticeTo) throw notFound();
  return r;
}

const present = (r: { call: typeof honorCall.$inferSelect; orgName: string }, today: string) => ({
  id: r.call.id,
  title: r.call.title,
  orgName: r.orgName,
  year: r.call.year,
  noticeFrom: r.call.noticeFrom!,
  noticeTo: r.call.noticeTo!,
  noticeDays: r.call.noticeDays,
  noticeUnit: r.call.noticeUnit,
  open: noticeOpen(r.call, today),
});

export async function openNotices(c: PublicCtx) {
  const today = todayInChina();
  const rows = await c.db
    .select({ call: honorCall, orgName: org.name })
    .from(honorCall)
    .innerJoin(org, eq(org.id, honorCall.orgId))
    .where(and(eq(honorCall.status, 'notice'), sql`${honorCall.noticeFrom} <= ${today}`, sql`${honorCall.noticeTo} >= ${today}`))
    .orderBy(asc(honorCall.noticeTo))
    .limit(100);
  return rows.map((r) => present(r, today));
}

export async function notice(c: PublicCtx, id: string) {
  const today = todayInChina();
  const r = await noticeRow(c, id);
  if (r.call.noticeFrom! > today) throw notFound();
  const nominees = await c.db
    .select({
      id: honorNomination.id,
      kind: honorNomination.kind,
      name: honorNomination.name,
      employer: honorNomination.employer,
      post: honorNomination.post,
      deeds: honorNomination.deeds,
    })
    .from(honorNomination)
    .where(and(eq(honorNomination.callId, id), inArray(honorNomination.status, ['recommended', 'approved'])))
    .orderBy(asc(honorNomination.kind), asc(honorNomination.name));
  return { ...present(r, today), nominees };
}

export async function lodgeObjection(c: PublicCtx, id: string, body: { nominationId: string; content: string; name: string | null; contact: string | null }) {
  const today = todayInChina();
  const r = await noticeRow(c, id);
  if (!noticeOpen(r.call, today)) {
    throw new AppError(
      409,
      'NOTICE_CLOSED',
      `公示期为 ${r.call.noticeFrom} 至 ${r.call.noticeTo}，${today > r.call.noticeTo! ? '已经结束' : '尚未开始'}，不受理异议`,
      `The notice runs from ${r.call.noticeFrom} to ${r.call.noticeTo}; objections are taken only then`,
    );
  }
  const [n] = await c.db
    .select({ id: honorNomination.id })
    .from(honorNomination)
    .where(and(eq(honorNomination.id, body.nominationId), eq(honorNomination.callId, id), eq(honorNomination.status, 'recommended')));
  if (!n)
    throw new AppError(400, 'VALIDATION_FAILED', '异议对象不在本次公示名单中', 'The nominee is not on this notice', {
      fields: [{ path: 'body.nominationId', message: '不在公示名单中', messageEn: 'not on the notice' }],
    });
  return c.db.transaction(async (tx) => {
    const seq = ((await tx.execute(sql`SELECT nextval('honor_objection_seq')::int AS n`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const receiptNo = `YY${today.slice(0, 4)}${String(seq).padStart(6, '0')}`;
    const contact = body.contact?.trim() || null;
    const row = {
      id: uuidv7(),
      callId: id,
      nominationId: n.id,
      orgId: r.call.orgId,
      receiptNo,
      content: body.content,
      nameCipher: body.name ? c.keys.encrypt(body.name) : null,
      contactCipher: contact ? c.keys.encrypt(contact) : null,
      contactMasked: contact ? (contact.length > 4 ? contact.slice(0, 3) + '****' + contact.slice(-2) : '****') : null,
    };
    const [saved] = await tx.insert(honorObjection).values(row).returning();
    await auditObjection(tx, { id: saved!.id, orgId: saved!.orgId, receiptNo }, c.ip);
    return { receiptNo, receivedAt: saved!.receivedAt.toISOString() };
  });
}
