import crypto from 'node:crypto';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import QRCode from 'qrcode';
import { benefitClaim, benefitMerchant, benefitOffer, recuperationQuota } from './benefit.schema.js';
import { org } from '../org/org.schema.js';
import { member } from '../member/member.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { maskPersonName } from '../member/card.js';
import { resource } from '../../platform/resource.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { escapeLike, ownedScopeSql, pathIds, underOrgSql } from '../../platform/scope.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { z } from 'zod';
import type {
  MerchantInput,
  MerchantListParams,
  OfferInput,
  OfferListParams,
  QuotaBody,
  QuotaUpdateBody,
  BenefitFiguresT,
} from '../../../../common/src/contracts/benefit.js';

type MerchantRow = typeof benefitMerchant.$inferSelect;
type OfferRow = typeof benefitOffer.$inferSelect;
const under = (col: typeof benefitMerchant.orgId | typeof benefitOffer.orgId) => (v: string) => underOrgSql(col, v);

export const merchants = resource<typeof benefitMerchant, MerchantListParams>({
  table: benefitMerchant,
  entity: 'benefit_merchant',
  noun: ['普惠商户', 'merchant'],
  orgColumn: benefitMerchant.orgId,
  idColumn: benefitMerchant.id,
  versionColumn: benefitMerchant.version,
  filters: {
    q: (v) => sql`${benefitMerchant.name} ILIKE ${'%' + escapeLike(v) + '%'}`,
    category: (v) => eq(benefitMerchant.category, v),
    under: under(benefitMerchant.orgId),
  },
  sorts: { name: benefitMerchant.name, signedOn: benefitMerchant.signedOn },
  countCap: 1000,
});

export const offers = resource<typeof benefitOffer, OfferListParams>({
  table: benefitOffer,
  entity: 'benefit_offer',
  noun: ['普惠优惠', 'offer'],
  orgColumn: benefitOffer.orgId,
  idColumn: benefitOffer.id,
  versionColumn: benefitOffer.version,
  filters: {
    q: (v) => sql`${benefitOffer.title} ILIKE ${'%' + escapeLike(v) + '%'}`,
    kind: (v) => eq(benefitOffer.kind, v),
    merchantId: (v) => eq(benefitOffer.merchantId, v),
    current: () => sql`${benefitOffer.startsOn} <= ${todayInChina()} AND ${benefitOffer.endsOn} >= ${todayInChina()}`,
    under: under(benefitOffer.orgId),
  },
  sorts: { startsOn: benefitOffer.startsOn, endsOn: benefitOffer.endsOn, title: benefitOffer.title },
  countCap: 1000,
});

async function orgNames(exec: Executor, ids: string[]): Promise<Map<string, string>> {
  const u = [...new Set(ids)];
  if (!u.length) return new Map();
  const rows = await exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, u));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- merchants ----

const offerCount = sql<number>`(SELECT count(*)::int FROM benefit_offer o WHERE o.merchant_id = benefit_merchant.id)`;

function presentMerchant(r: MerchantRow, orgName: string, offersN: number) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    name: r.name,
    uscc: r.uscc,
    category: r.category,
    address: r.address,
    signedOn: r.signedOn,
    endsOn: r.endsOn,
    offers: offersN,
    version: r.version,
  };
}

export async function listMerchants(c: Ctx, q: MerchantListParams) {
  const page = await merchants.list(c, q, { select: { r: benefitMerchant, offers: offerCount } });
  const items = page.items as unknown as { r: MerchantRow; offers: number }[];
  const names = await orgNames(
    c.db,
    items.map((i) => i.r.orgId),
  );
  return { ...page, items: items.map((i) => presentMerchant(i.r, names.get(i.r.orgId) ?? '', i.offers)) };
}

export async function getMerchant(c: Ctx, id: string) {
  const r = await merchants.get(c, id);
  const [[n], names] = await Promise.all([c.db.select({ n: count() }).from(benefitOffer).where(eq(benefitOffer.merchantId, id)), orgNames(c.db, [r.orgId])]);
  return presentMerchant(r, names.get(r.orgId) ?? '', Number(n?.n ?? 0));
}

export async function createMerchant(c: Ctx, body: MerchantInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const row = await merchants.create(c, tx, { id: uuidv7(), ...body }, { action: 'benefit.merchant_create' });
    return presentMerchant(row, o.name, 0);
  });
}

export async function updateMerchant(c: Ctx, id: string, body: MerchantInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const before = await merchants.get(c, id, { exec: tx, lock: true });
    if (body.orgId !== before.orgId) await requireOrgInScope(c, tx, body.orgId);
    const { version, ...set } = body;
    const { after } = await merchants.update(c, tx, id, version, { ...set, updatedAt: new Date() }, { action: 'benefit.merchant_update' });
    const [[n], names] = await Promise.all([tx.select({ n: count() }).from(benefitOffer).where(eq(benefitOffer.merchantId, id)), orgNames(tx, [after.orgId])]);
    return presentMerchant(after, names.get(after.orgId) ?? '', Number(n?.n ?? 0));
  });
}

// ---- offers ----

/**
 * A page of offers in one statement: each row's union and merchant names and its coupons claimed
 * and redeemed (one pass over the offer's coupons, as a pair), computed for the page's rows only.
 */
const offerPageColumns = {
  r: benefitOffer,
  orgName: sql<string | null>`(SELECT o.name FROM org o WHERE o.id = benefit_offer.org_id)`,
  merchantName: sql<string | null>`(SELECT m.name FROM benefit_merchant m WHERE m.id = benefit_offer.merchant_id)`,
  coupons: sql<number[]>`(SELECT ARRAY[count(*), count(k.redeemed_at)]::int[] FROM benefit_claim k WHERE k.offer_id = benefit_offer.id)`,
};

async function merchantNames(exec: Executor, ids: string[]) {
  const u = [...new Set(ids)];
  if (!u.length) return new Map<string, MerchantRow>();
  const rows = await exec.select().from(benefitMerchant).where(inArray(benefitMerchant.id, u));
  return new Map(rows.map((r) => [r.id, r]));
}

function presentOffer(r: OfferRow, orgName: string, merchantName: string, claimed: number, redeemed: number) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    merchantId: r.merchantId,
    merchantName,
    title: r.title,
    kind: r.kind,
    valueFen: Number(r.valueFen),
    description: r.description,
    audience: r.audience,
    perMember: r.perMember,
    total: r.total,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    claimed,
    redeemed,
    version: r.version,
  };
}

export async function listOffers(c: Ctx, q: OfferListParams) {
  const page = await offers.list(c, q, { select: offerPageColumns });
  const items = page.items as unknown as { r: OfferRow; orgName: string | null; merchantName: string | null; coupons: number[] }[];
  return {
    ...page,
    items: items.map((i) => presentOffer(i.r, i.orgName ?? '', i.merchantName ?? '', Number(i.coupons[0] ?? 0), Number(i.coupons[1] ?? 0))),
  };
}

async function offerDetail(c: Ctx, exec: Executor, r: OfferRow) {
  const [[k], names, ms] = await Promise.all([
    exec
      .select({ claimed: count(), redeemed: sql<number>`count(${benefitClaim.redeemedAt})::int` })
      .from(benefitClaim)
      .where(eq(benefitClaim.offerId, r.id)),
    orgNames(exec, [r.orgId]),
    merchantNames(exec, [r.merchantId]),
  ]);
  return {
    ...presentOffer(r, names.get(r.orgId) ?? '', ms.get(r.merchantId)?.name ?? '', Number(k?.claimed ?? 0), Number(k?.redeemed ?? 0)),
    can: { edit: c.actor.permissions.has('benefit.write') },
  };
}

export async function getOffer(c: Ctx, id: string) {
  return offerDetail(c, c.db, await offers.get(c, id));
}

/** The offer's merchant must be one the caller sees; the offer belongs to the merchant's union. */
async function merchantFor(c: Ctx, exec: Executor, merchantId: string, endsOn: string) {
  const [m] = await exec
    .select()
    .from(benefitMerchant)
    .where(and(eq(benefitMerchant.id, merchantId), merchants.inScope(c)));
  if (!m) throw errors.invalid('商户不存在或不在管辖范围内', 'No such merchant in your scope', { field: 'merchantId' });
  if (m.endsOn && endsOn > m.endsOn)
    throw errors.invalid(`优惠结束日期不能晚于商户签约截止日期 ${m.endsOn}`, `The offer cannot end after the merchant's agreement ends (${m.endsOn})`, {
      field: 'endsOn',
    });
  if (endsOn < m.signedOn)
    throw errors.invalid(`优惠须在商户签约（${m.signedOn}）之后`, `The offer must run after the merchant signed (${m.signedOn})`, { field: 'endsOn' });
  return m;
}

export async function createOffer(c: Ctx, body: OfferInput) {
  return c.db.transaction(async (tx) => {
    const m = await merchantFor(c, tx, body.merchantId, body.endsOn);
    const row = await offers.create(c, tx, { id: uuidv7(), orgId: m.orgId, ...body }, { action: 'benefit.offer_create' });
    return offerDetail(c, tx, row);
  });
}

export async function updateOffer(c: Ctx, id: string, body: OfferInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    await offers.get(c, id, { exec: tx, lock: true });
    const m = await merchantFor(c, tx, body.merchantId, body.endsOn);
    const { version, ...set } = body;
    const { after } = await offers.update(c, tx, id, version, { ...set, orgId: m.orgId, updatedAt: new Date() }, { action: 'benefit.offer_update' });
    return offerDetail(c, tx, after);
  });
}

// ---- coupons: claimed by the worker, redeemed once at the counter ----

/** The QR token of a coupon: its id signed with the platform key (nothing personal inside). */
export function couponToken(s: Pick<Services, 'keys'>, claimId: string): string {
  return `${claimId}.${s.keys.sign('benefit:' + claimId)}`;
}

function claimIdOf(s: Pick<Services, 'keys'>, token: string): string | null {
  const t = token.trim().replace(/^GHB:/, '');
  const [id, sig] = t.split('.');
  if (!id || !sig || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const want = Buffer.from(s.keys.sign('benefit:' + id));
  const got = Buffer.from(sig);
  return want.length === got.length && crypto.timingSafeEqual(want, got) ? id : null;
}

const badCoupon = () => errors.invalid('券码无效，请核对后重试', 'This coupon code is not valid', { field: 'token' });

export async function redeem(c: Ctx, token: string) {
  const id = claimIdOf(c, token);
  if (!id) throw badCoupon();
  return c.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ k: benefitClaim, o: benefitOffer })
      .from(benefitClaim)
      .innerJoin(benefitOffer, eq(benefitOffer.id, benefitClaim.offerId))
      .where(and(eq(benefitClaim.id, id), ownedScopeSql(c.actor.scope, benefitOffer.orgId)))
      .for('update', { of: benefitClaim });
    // A coupon of another union's offer is as unknown to this counter as a made-up one.
    if (!row) throw badCoupon();
    const { k, o } = row;
    if (k.redeemedAt)
      throw errors.conflict(
        `该券已于 ${k.redeemedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 核销，不能重复使用`,
        `This coupon was already redeemed at ${k.redeemedAt.toISOString()}`,
      );
    const today = todayInChina();
    if (today > o.endsOn) throw errors.conflict(`该优惠已于 ${o.endsOn} 结束，券已过期`, `The offer ended on ${o.endsOn}; the coupon has expired`);
    if (today < o.startsOn) throw errors.conflict(`该优惠 ${o.startsOn} 起才能使用`, `The offer starts on ${o.startsOn}`);
    const at = new Date();
    await tx.update(benefitClaim).set({ redeemedAt: at, redeemedBy: c.actor.userId }).where(eq(benefitClaim.id, id));
    const [[m], ms] = await Promise.all([
      k.memberId ? tx.select({ name: member.name }).from(member).where(eq(member.id, k.memberId)) : Promise.resolve([]),
      merchantNames(tx, [o.merchantId]),
    ]);
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: o.orgId,
      action: 'benefit.redeem',
      entity: 'benefit_claim',
      entityId: id,
      changes: { offerId: o.id },
    });
    return {
      claimId: id,
      offerTitle: o.title,
      merchantName: ms.get(o.merchantId)?.name ?? '',
      memberName: m ? maskPersonName(m.name) : '—',
      claimedAt: k.claimedAt.toISOString(),
      redeemedAt: at.toISOString(),
    };
  });
}

// ---- the worker's side (portal session) ----

interface Worker {
  id: string;
  memberId: string | null;
  mobileMasked: string;
}

/** The unions whose `members` offers reach the worker: their member record's union and those above it (none if not an active member). */
async function reachOf(s: Services, w: Worker): Promise<string[]> {
  if (!w.memberId) return [];
  const [m] = await s.db
    .select({ path: org.path, status: member.status })
    .from(member)
    .innerJoin(org, eq(org.id, member.orgId))
    .where(eq(member.id, w.memberId));
  return m && m.status === 'active' ? pathIds(m.path) : [];
}

function openTo(reach: string[]) {
  const today = todayInChina();
  const who = reach.length
    ? sql`(${benefitOffer.audience} = 'all_workers' OR ${inArray(benefitOffer.orgId, reach)})`
    : sql`${benefitOffer.audience} = 'all_workers'`;
  return and(sql`${benefitOffer.startsOn} <= ${today}`, sql`${benefitOffer.endsOn} >= ${today}`, who)!;
}

export async function workerOffers(s: Services, w: Worker) {
  const reach = await reachOf(s, w);
  const rows = await s.db
    .select({
      o: benefitOffer,
      m: benefitMerchant,
      orgName: org.name,
      mine: sql<number>`(SELECT count(*)::int FROM benefit_claim k WHERE k.offer_id = benefit_offer.id AND k.account_id = ${w.id})`,
      all: sql<number>`(SELECT count(*)::int FROM benefit_claim k WHERE k.offer_id = benefit_offer.id)`,
    })
    .from(benefitOffer)
    .innerJoin(benefitMerchant, eq(benefitMerchant.id, benefitOffer.merchantId))
    .innerJoin(org, eq(org.id, benefitOffer.orgId))
    .where(openTo(reach))
    .orderBy(asc(benefitOffer.endsOn), asc(benefitOffer.id))
    .limit(100);
  return rows.map((r) => ({
    id: r.o.id,
    orgName: r.orgName,
    merchantName: r.m.name,
    category: r.m.category,
    address: r.m.address,
    title: r.o.title,
    kind: r.o.kind,
    valueFen: Number(r.o.valueFen),
    description: r.o.description,
    perMember: r.o.perMember,
    endsOn: r.o.endsOn,
    left: r.o.total !== null && r.all >= r.o.total ? 0 : Math.max(0, r.o.perMember - r.mine),
  }));
}

async function presentClaim(s: Services, k: typeof benefitClaim.$inferSelect, o: { title: string; endsOn: string }, merchantName: string) {
  const usable = !k.redeemedAt && o.endsOn >= todayInChina();
  const token = usable ? couponToken(s, k.id) : null;
  return {
    id: k.id,
    offerTitle: o.title,
    merchantName,
    claimedAt: k.claimedAt.toISOString(),
    redeemedAt: k.redeemedAt?.toISOString() ?? null,
    endsOn: o.endsOn,
    token,
    qrDataUrl: token ? await QRCode.toDataURL('GHB:' + token, { margin: 1, width: 220, errorCorrectionLevel: 'M' }) : null,
  };
}

export async function workerClaims(s: Services, w: Worker) {
  const rows = await s.db
    .select({ k: benefitClaim, title: benefitOffer.title, endsOn: benefitOffer.endsOn, merchantName: benefitMerchant.name })
    .from(benefitClaim)
    .innerJoin(benefitOffer, eq(benefitOffer.id, benefitClaim.offerId))
    .innerJoin(benefitMerchant, eq(benefitMerchant.id, benefitOffer.merchantId))
    .where(eq(benefitClaim.accountId, w.id))
    .orderBy(desc(benefitClaim.claimedAt))
    .limit(100);
  return Promise.all(rows.map((r) => presentClaim(s, r.k, { title: r.title, endsOn: r.endsOn }, r.merchantName)));
}

export async function workerClaim(s: Services, w: Worker, offerId: string) {
  const reach = await reachOf(s, w);
  return s.db.transaction(async (tx) => {
    // The offer's row lock serialises claims of one offer: the quotas cannot be overrun by two phones at once.
    const [o] = await tx
      .select()
      .from(benefitOffer)
      .where(and(eq(benefitOffer.id, offerId), openTo(reach)))
      .for('update');
    if (!o) throw errors.notFound('可领取的优惠', 'offer open to you');
    const [[mine], [all]] = await Promise.all([
      tx
        .select({ n: count() })
        .from(benefitClaim)
        .where(and(eq(benefitClaim.offerId, offerId), eq(benefitClaim.accountId, w.id))),
      tx.select({ n: count() }).from(benefitClaim).where(eq(benefitClaim.offerId, offerId)),
    ]);
    if (Number(mine!.n) >= o.perMember)
      throw errors.conflict(`每人限领 ${o.perMember} 次，您已领取 ${mine!.n} 次`, `At most ${o.perMember} per person; you have claimed ${mine!.n}`);
    if (o.total !== null && Number(all!.n) >= o.total) throw errors.conflict(`该优惠共 ${o.total} 份，已领完`, `All ${o.total} coupons have been claimed`);
    const id = uuidv7();
    const [k] = await tx.insert(benefitClaim).values({ id, offerId, orgId: o.orgId, accountId: w.id, memberId: w.memberId }).returning();
    await appendAudit(tx, {
      actorName: 'worker:' + w.mobileMasked,
      orgId: o.orgId,
      action: 'benefit.claim',
      entity: 'benefit_claim',
      entityId: id,
      changes: { offerId },
    });
    const ms = await merchantNames(tx, [o.merchantId]);
    return presentClaim(s, k!, o, ms.get(o.merchantId)?.name ?? '');
  });
}

// ---- recuperation places, allocated down the tree ----

type QuotaRow = typeof recuperationQuota.$inferSelect;

export async function listQuotas(c: Ctx, year: number) {
  const rows = await c.db
    .select({
      q: recuperationQuota,
      orgName: org.name,
      allocated: sql<number>`(SELECT coalesce(sum(x.places), 0)::int FROM recuperation_quota x WHERE x.parent_id = recuperation_quota.id)`,
    })
    .from(recuperationQuota)
    .innerJoin(org, eq(org.id, recuperationQuota.orgId))
    .where(and(eq(recuperationQuota.year, year), ownedScopeSql(c.actor.scope, recuperationQuota.orgId)))
    .orderBy(asc(org.path))
    .limit(2000);
  const write = c.actor.permissions.has('benefit.write');
  return rows.map((r) => presentQuota(r.q, r.orgName, r.allocated, write));
}

function presentQuota(q: QuotaRow, orgName: string, allocated: number, write: boolean) {
  return {
    id: q.id,
    year: q.year,
    orgId: q.orgId,
    orgName,
    parentId: q.parentId,
    places: q.places,
    allocated,
    note: q.note,
    version: q.version,
    canAllocate: write,
  };
}

async function quotaInScope(c: Ctx, exec: Executor, id: string, lock = false): Promise<QuotaRow> {
  const base = exec
    .select()
    .from(recuperationQuota)
    .where(and(eq(recuperationQuota.id, id), ownedScopeSql(c.actor.scope, recuperationQuota.orgId)));
  const [q] = lock ? await base.for('update') : await base;
  if (!q) throw errors.notFound('疗休养名额', 'allocation');
  return q;
}

async function childrenSum(exec: Executor, parentId: string, except?: string) {
  const [r] = await exec
    .select({ n: sql<number>`coalesce(sum(${recuperationQuota.places}), 0)::int` })
    .from(recuperationQuota)
    .where(and(eq(recuperationQuota.parentId, parentId), except ? sql`${recuperationQuota.id} <> ${except}` : undefined));
  return Number(r?.n ?? 0);
}

const overParent = (parentPlaces: number, others: number, asked: number) =>
  errors.invalid(
    `超出上级名额：上级共 ${parentPlaces} 个，已分出 ${others} 个，本次 ${asked} 个，超出 ${others + asked - parentPlaces} 个`,
    `Over the parent's places: ${parentPlaces} in all, ${others} passed on, ${asked} asked, ${others + asked - parentPlaces} too many`,
    { field: 'places', needed: asked, available: parentPlaces - others },
  );

export async function createQuota(c: Ctx, body: z.infer<typeof QuotaBody>) {
  return c.db.transaction(async (tx) => {
    const target = await requireOrgInScope(c, tx, body.orgId);
    if (body.parentId) {
      const parent = await quotaInScope(c, tx, body.parentId, true);
      if (parent.year !== body.year) throw errors.invalid('年度与上级名额不一致', 'The year differs from the parent allocation', { field: 'year' });
      const [po] = await tx.select({ path: org.path }).from(org).where(eq(org.id, parent.orgId));
      if (!po || target.id === parent.orgId || !target.path.startsWith(po.path))
        throw errors.invalid('名额只能分配给上级名额所属工会的下级工会', 'Places go only to unions below the holder of the parent allocation', {
          field: 'orgId',
        });
      const others = await childrenSum(tx, parent.id);
      if (others + body.places > parent.places) throw overParent(parent.places, others, body.places);
    }
    const id = uuidv7();
    const inserted = await tx
      .insert(recuperationQuota)
      .values({ id, year: body.year, orgId: body.orgId, parentId: body.parentId, places: body.places, note: body.note })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length)
      throw errors.conflict(
        `${target.name} 已有 ${body.year} 年度名额，请调整原有分配`,
        `${target.name} already has places for ${body.year}; change that allocation`,
        { field: 'orgId' },
      );
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: body.orgId,
      action: 'benefit.quota_create',
      entity: 'recuperation_quota',
      entityId: id,
      changes: { ...body },
    });
    return presentQuota(inserted[0]!, target.name, 0, true);
  });
}

export async function updateQuota(c: Ctx, id: string, body: z.infer<typeof QuotaUpdateBody>) {
  return c.db.transaction(async (tx) => {
    const q = await quotaInScope(c, tx, id, true);
    if (q.version !== body.version) throw errors.versionConflict();
    const passedOn = await childrenSum(tx, id);
    if (body.places < passedOn)
      throw errors.invalid(`已向下级分出 ${passedOn} 个名额，不能少于此数`, `${passedOn} places are already passed on; the total cannot be lower`, {
        field: 'places',
      });
    if (q.parentId) {
      const [parent] = await tx.select().from(recuperationQuota).where(eq(recuperationQuota.id, q.parentId)).for('update');
      const others = await childrenSum(tx, q.parentId, id);
      if (parent && others + body.places > parent.places) throw overParent(parent.places, others, body.places);
    }
    const [after] = await tx
      .update(recuperationQuota)
      .set({ places: body.places, note: body.note, version: q.version + 1, updatedAt: new Date() })
      .where(eq(recuperationQuota.id, id))
      .returning();
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: q.orgId,
      action: 'benefit.quota_update',
      entity: 'recuperation_quota',
      entityId: id,
      changes: { places: [q.places, body.places] },
    });
    const names = await orgNames(tx, [q.orgId]);
    return presentQuota(after!, names.get(q.orgId) ?? '', passedOn, true);
  });
}

// ---- figures ----

export async function benefitFigures(c: Ctx): Promise<BenefitFiguresT> {
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const from = addDays(today.slice(0, 8) + '01', -330).slice(0, 8) + '01';
  // The months shown, from `from` to this one: their first instants in China time. One pass over
  // the coupons in scope, grouped by offer and month (width_bucket on these instants: bucket 0 is
  // before the first month, no per-row time-zone conversion), gives the totals and the months.
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= today.slice(0, 7); m = addDays(m + '-01', 31).slice(0, 7)) months.push(m);
  const monthStarts = sql.join(
    months.map((m) => sql`${`${m}-01T00:00:00+08:00`}::timestamptz`),
    sql`, `,
  );
  const claimsInScope = ownedScopeSql(c.actor.scope, benefitClaim.orgId);
  const [byCategory, [o], claims, [q]] = await Promise.all([
    c.db
      .select({ key: benefitMerchant.category, n: sql<number>`count(*)::int` })
      .from(benefitMerchant)
      .where(merchants.inScope(c))
      .groupBy(benefitMerchant.category),
    c.db
      .select({ n: count() })
      .from(benefitOffer)
      .where(and(offers.inScope(c), sql`${benefitOffer.startsOn} <= ${today} AND ${benefitOffer.endsOn} >= ${today}`)),
    c.db
      .execute<{ b: number; claimed: number; redeemed: number; value: string | number }>(
        sql`
      WITH k AS (
        SELECT ${benefitClaim.offerId} AS offer_id, width_bucket(${benefitClaim.claimedAt}, ARRAY[${monthStarts}]) AS b, count(*) AS claimed,
               count(${benefitClaim.redeemedAt}) AS redeemed,
               count(*) FILTER (WHERE ${benefitClaim.redeemedAt} >= ${`${year}-01-01T00:00:00+08:00`}::timestamptz) AS redeemed_this_year
        FROM ${benefitClaim} WHERE ${claimsInScope} GROUP BY 1, 2)
      SELECT k.b, sum(k.claimed)::int AS claimed, sum(k.redeemed)::int AS redeemed, coalesce(sum(o.value_fen * k.redeemed_this_year), 0)::bigint AS value
      FROM k JOIN benefit_offer o ON o.id = k.offer_id
      GROUP BY k.b ORDER BY k.b`,
      )
      .then((r) => (r as unknown as { rows: { b: number; claimed: number; redeemed: number; value: string | number }[] }).rows),
    c.db
      .execute<{ places: number; allocated: number }>(
        sql`
      SELECT coalesce(sum(q.places) FILTER (WHERE p.id IS NULL OR NOT ${ownedScopeSql(c.actor.scope, sql`p.org_id`)}), 0)::int AS places,
             coalesce(sum(q.places) FILTER (WHERE p.id IS NOT NULL AND ${ownedScopeSql(c.actor.scope, sql`p.org_id`)}), 0)::int AS allocated
      FROM recuperation_quota q LEFT JOIN recuperation_quota p ON p.id = q.parent_id
      WHERE q.year = ${year} AND ${ownedScopeSql(c.actor.scope, sql`q.org_id`)}`,
      )
      .then((r) => (r as unknown as { rows: { places: number; allocated: number }[] }).rows),
  ]);
  const byMonth = claims
    .filter((k) => Number(k.b) > 0 && Number(k.claimed) > 0)
    .map((k) => ({ month: months[Number(k.b) - 1]!, claimed: Number(k.claimed), redeemed: Number(k.redeemed) }));
  const sum = (f: (k: (typeof claims)[number]) => number | string) => claims.reduce((a, k) => a + Number(f(k)), 0);
  return {
    // Every merchant has a category: the merchants in scope are the sum over the categories.
    merchants: byCategory.reduce((a, x) => a + Number(x.n), 0),
    offersOpen: Number(o?.n ?? 0),
    claimed: sum((k) => k.claimed),
    redeemed: sum((k) => k.redeemed),
    redeemedValueFen: sum((k) => k.value),
    byCategory,
    byMonth,
    recuperation: { year, places: Number(q?.places ?? 0), allocated: Number(q?.allocated ?? 0) },
  };
}
