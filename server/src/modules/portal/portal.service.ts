import crypto from 'node:crypto';
import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { FastifyRequest } from 'fastify';
import { maskMobile } from '../../../../common/src/mobile.js';
import { normaliseIdInput } from '../../../../common/src/id-number.js';
import { member, joinApplication } from '../member/member.schema.js';
import { org } from '../org/org.schema.js';
import { hardshipFile } from '../hardship/hardship.schema.js';
import { honorRecord } from '../honor/honor.schema.js';
import { disputeCase, legalAidRequest } from '../dispute/dispute.schema.js';
import { cardToken } from '../member/card.js';
import { idIndexOf, mobileIndexOf } from '../member/member.record.js';
import { SlidingWindowLimiter, rateLimited } from '../member/join/rate-limit.js';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../platform/crypto.js';
import { appendAuditStandalone } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import type { Services } from '../../platform/context.js';
import { smsProvider } from './sms.js';
import { workerAccount, workerCode, workerNotification, workerSession } from './portal.schema.js';

export const WORKER_SESSION_COOKIE = 'gh_wsid';
/** A code is 6 digits, valid 5 minutes, good once; 5 wrong tries spend it. */
export const CODE_TTL_MS = 5 * 60_000;
export const CODE_MAX_FAILURES = 5;
/** Codes per mobile: one a minute, at most 5 an hour (the per-IP limit is in the contract). */
export const CODE_MIN_GAP_MS = 60_000;
export const CODES_PER_MOBILE_PER_HOUR = 5;
export const WORKER_SESSION_DAYS = 30;

/** Per-mobile limit of password tries and per-account limit of link tries, in this process (see rate-limit.ts). */
const limiter = new SlidingWindowLimiter({
  portalPassword: { limit: 10, windowMs: 900_000 },
  portalLink: { limit: 5, windowMs: 3_600_000 },
});

const signInFailed = () =>
  new AppError(401, 'SIGN_IN_FAILED', '手机号、验证码或密码不正确，或验证码已过期', 'The mobile, code or password is wrong, or the code has expired');
const linkFailed = () =>
  new AppError(
    400,
    'LINK_FAILED',
    '未能关联：姓名与身份证号须与工会会员名册一致。如确认无误，请联系所在工会',
    'Could not link: the name and ID number must match the union’s member registry. If they are right, contact your union',
  );

export type WorkerAccount = typeof workerAccount.$inferSelect;

/** Send a one-time sign-in code through the configured SMS provider. */
export async function sendSignInCode(s: Services, mobile: string, ip: string) {
  const mobileIndex = mobileIndexOf(s.keys, mobile);
  const recent = await s.db
    .select({ createdAt: workerCode.createdAt })
    .from(workerCode)
    .where(and(eq(workerCode.mobileIndex, mobileIndex), gt(workerCode.createdAt, new Date(Date.now() - 3_600_000))))
    .orderBy(desc(workerCode.createdAt));
  if (recent.length >= CODES_PER_MOBILE_PER_HOUR || (recent[0] && recent[0].createdAt.getTime() > Date.now() - CODE_MIN_GAP_MS)) throw rateLimited();
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const id = crypto.randomUUID();
  await s.db.transaction(async (tx) => {
    await tx.insert(workerCode).values({ id, mobileIndex, codeHash: codeHash(s, id, code), expiresAt: new Date(Date.now() + CODE_TTL_MS), ip });
    await smsProvider().send(tx, s.keys, { mobile, purpose: 'sign_in_code', body: `【智慧工会】您的登录验证码是${code}，5分钟内有效，请勿告诉他人。` });
  });
  return { ok: true as const, expiresInSeconds: CODE_TTL_MS / 1000 };
}

const codeHash = (s: Services, id: string, code: string) => s.keys.blindIndex(`${id}:${code}`, 'otp');

/** Sign in (and, with a code, sign up): returns the account and whether this sign-in created it. */
export async function signInWorker(s: Services, body: { mobile: string; code?: string; password?: string }, ip: string) {
  const mobileIndex = mobileIndexOf(s.keys, body.mobile);
  const [existing] = await s.db.select().from(workerAccount).where(eq(workerAccount.mobileIndex, mobileIndex));
  const fail = async (why: string) => {
    await appendAuditStandalone(s.db, { actorName: 'worker:' + maskMobile(body.mobile), action: 'portal.sign_in', ip, result: 'failed', detail: why });
    return signInFailed();
  };
  if (body.password !== undefined) {
    if (!limiter.hit('portalPassword', mobileIndex)) throw rateLimited();
    if (!existing?.passwordHash || !(await verifyPassword(body.password, existing.passwordHash))) throw await fail('password');
    await s.db.update(workerAccount).set({ lastSignInAt: new Date() }).where(eq(workerAccount.id, existing.id));
    return { account: existing, created: false };
  }
  const [c] = await s.db
    .select()
    .from(workerCode)
    .where(and(eq(workerCode.mobileIndex, mobileIndex), isNull(workerCode.usedAt), gt(workerCode.expiresAt, new Date())))
    .orderBy(desc(workerCode.createdAt))
    .limit(1);
  if (!c || c.failures >= CODE_MAX_FAILURES) throw await fail('no live code');
  if (codeHash(s, c.id, body.code!) !== c.codeHash) {
    await s.db
      .update(workerCode)
      .set({ failures: sql`${workerCode.failures} + 1` })
      .where(eq(workerCode.id, c.id));
    throw await fail('wrong code');
  }
  // Good once: only the request that marks it used goes on.
  const spent = await s.db
    .update(workerCode)
    .set({ usedAt: new Date() })
    .where(and(eq(workerCode.id, c.id), isNull(workerCode.usedAt)))
    .returning({ id: workerCode.id });
  if (!spent.length) throw await fail('code already used');
  if (existing) {
    await s.db.update(workerAccount).set({ lastSignInAt: new Date() }).where(eq(workerAccount.id, existing.id));
    return { account: existing, created: false };
  }
  const [account] = await s.db
    .insert(workerAccount)
    .values({
      id: crypto.randomUUID(),
      mobileIndex,
      mobileCipher: s.keys.encrypt(body.mobile),
      mobileMasked: maskMobile(body.mobile),
      lastSignInAt: new Date(),
    })
    .onConflictDoNothing()
    .returning();
  if (!account) {
    const [again] = await s.db.select().from(workerAccount).where(eq(workerAccount.mobileIndex, mobileIndex));
    return { account: again!, created: false };
  }
  await appendAuditStandalone(s.db, {
    actorName: 'worker:' + account.mobileMasked,
    action: 'portal.sign_up',
    entity: 'worker_account',
    entityId: account.id,
    ip,
  });
  return { account, created: true };
}

export async function createWorkerSession(s: Services, accountId: string, firstSignIn: boolean) {
  const token = randomToken();
  await s.db.insert(workerSession).values({
    id: sha256(token),
    accountId,
    firstSignIn: firstSignIn ? 1 : 0,
    expiresAt: new Date(Date.now() + WORKER_SESSION_DAYS * 86_400_000),
  });
  return token;
}

export async function endWorkerSession(s: Services, token: string | undefined) {
  if (token) await s.db.delete(workerSession).where(eq(workerSession.id, sha256(token)));
}

/**
 * The worker behind a request, from the worker cookie only (a cadre session counts for nothing
 * here, and a worker cookie counts for nothing on cadre routes). State-changing requests must be
 * JSON: with the SameSite=Strict cookie that keeps other sites from posting on the worker's behalf.
 */
export async function requireWorker(s: Services, req: FastifyRequest): Promise<{ account: WorkerAccount; firstSignIn: boolean }> {
  const token = req.cookies?.[WORKER_SESSION_COOKIE];
  if (!token) throw errors.unauthenticated();
  const [row] = await s.db
    .select({ account: workerAccount, firstSignIn: workerSession.firstSignIn, expiresAt: workerSession.expiresAt })
    .from(workerSession)
    .innerJoin(workerAccount, eq(workerAccount.id, workerSession.accountId))
    .where(eq(workerSession.id, sha256(token)));
  if (!row || row.expiresAt.getTime() < Date.now()) throw errors.sessionExpired();
  if (req.method !== 'GET' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) throw errors.csrf();
  return { account: row.account, firstSignIn: row.firstSignIn === 1 };
}

export async function setWorkerPassword(s: Services, account: WorkerAccount, password: string, ip: string) {
  await s.db
    .update(workerAccount)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(workerAccount.id, account.id));
  await appendAuditStandalone(s.db, {
    actorName: 'worker:' + account.mobileMasked,
    action: 'portal.set_password',
    entity: 'worker_account',
    entityId: account.id,
    ip,
  });
}

/**
 * Link the account to the member record whose ID number (by its blind index, the same
 * org-independent lookup the registry uses) and name both match. Every refusal gives the same
 * answer, whether or not the ID number is on the registry; every attempt is audited.
 */
export async function linkMember(s: Services, account: WorkerAccount, input: { name: string; idNumber: string }, ip: string) {
  const audit = (result: 'ok' | 'failed', detail: string, memberId?: string) =>
    appendAuditStandalone(s.db, {
      actorName: 'worker:' + account.mobileMasked,
      action: 'portal.link',
      entity: 'worker_account',
      entityId: account.id,
      ip,
      result,
      detail,
      changes: memberId ? { memberId } : null,
    });
  if (account.memberId) throw errors.conflict('账号已关联会员档案', 'This account is already linked to a member record');
  if (!limiter.hit('portalLink', account.id)) {
    await audit('failed', 'rate limited');
    throw rateLimited();
  }
  const idIndex = idIndexOf(s.keys, normaliseIdInput(input.idNumber));
  const [m] = await s.db.select({ id: member.id, name: member.name }).from(member).where(eq(member.idIndex, idIndex));
  if (!m || m.name.replace(/\s/g, '') !== input.name.replace(/\s/g, '')) {
    await audit('failed', m ? 'name does not match' : 'no such ID number');
    throw linkFailed();
  }
  const [taken] = await s.db.select({ id: workerAccount.id }).from(workerAccount).where(eq(workerAccount.memberId, m.id));
  if (taken) {
    await audit('failed', 'record linked to another account');
    throw linkFailed();
  }
  const done = await s.db
    .update(workerAccount)
    .set({ memberId: m.id, idIndex, linkedAt: new Date() })
    .where(and(eq(workerAccount.id, account.id), isNull(workerAccount.memberId)))
    .returning({ id: workerAccount.id })
    .catch(() => []);
  if (!done.length) {
    await audit('failed', 'record linked meanwhile');
    throw linkFailed();
  }
  await audit('ok', 'linked', m.id);
}

/**
 * The member of an imported roster confirms the personal-information notice on the portal: the
 * record's consent becomes `given`, dated, by the `portal` method, in the version confirmed. The
 * legal basis stays as recorded (the roster was lawfully processed before); audited on the member.
 */
export async function confirmConsent(s: Services, account: WorkerAccount, version: string, ip: string) {
  const memberId = requireLinked(account);
  const done = await s.db
    .update(member)
    .set({
      consentStatus: 'given',
      consentVersion: version,
      consentAt: new Date(),
      consentMethod: 'portal',
      version: sql`${member.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(member.id, memberId), eq(member.consentStatus, 'to_collect')))
    .returning({ id: member.id });
  if (!done.length) return;
  await appendAuditStandalone(s.db, {
    actorName: 'worker:' + account.mobileMasked,
    action: 'portal.consent',
    entity: 'member',
    entityId: memberId,
    ip,
    changes: { consentStatus: { from: 'to_collect', to: 'given' }, consentVersion: version, consentMethod: 'portal' },
  });
}

/** 我的: the account and, once linked, the member's own record (masked ID). */
export async function workerMe(s: Services, account: WorkerAccount, firstSignIn: boolean) {
  const [fresh] = await s.db.select().from(workerAccount).where(eq(workerAccount.id, account.id));
  const a = fresh ?? account;
  let m = null;
  if (a.memberId) {
    const [row] = await s.db
      .select({
        name: member.name,
        idMasked: member.idMasked,
        status: member.status,
        orgName: org.name,
        joinDate: member.joinDate,
        cardNo: member.cardNo,
        employerName: member.employerName,
        consentStatus: member.consentStatus,
      })
      .from(member)
      .innerJoin(org, eq(org.id, member.orgId))
      .where(eq(member.id, a.memberId));
    if (row) {
      const { consentStatus, ...rest } = row;
      const honors = await s.db
        .select({ title: honorRecord.title, level: honorRecord.level, year: honorRecord.year })
        .from(honorRecord)
        .where(eq(honorRecord.memberId, a.memberId))
        .orderBy(desc(honorRecord.year))
        .limit(20);
      m = { ...rest, consentToCollect: consentStatus === 'to_collect', honors };
    }
  }
  const [unread] = await s.db
    .select({ n: count() })
    .from(workerNotification)
    .where(and(eq(workerNotification.accountId, a.id), isNull(workerNotification.readAt)));
  return {
    accountId: a.id,
    mobileMasked: a.mobileMasked,
    hasPassword: !!a.passwordHash,
    linked: !!a.memberId,
    firstSignIn,
    member: m,
    unreadCount: Number(unread?.n ?? 0),
  };
}

function requireLinked(account: WorkerAccount): string {
  if (!account.memberId) throw new AppError(403, 'NOT_LINKED', '请先关联会员档案', 'Link your member record first');
  return account.memberId;
}

/** The electronic card: the same signed token and verify link as the card the union prints (member/card.ts). */
export async function workerCard(s: Services, account: WorkerAccount, baseUrl: string) {
  const memberId = requireLinked(account);
  const [m] = await s.db
    .select({ id: member.id, cardNo: member.cardNo, name: member.name, orgName: org.name, joinDate: member.joinDate, status: member.status })
    .from(member)
    .innerJoin(org, eq(org.id, member.orgId))
    .where(eq(member.id, memberId));
  if (!m) throw errors.notFound('会员档案', 'member record');
  const token = cardToken(s, m.id, m.cardNo);
  const verifyUrl = `${baseUrl}/card/verify?token=${encodeURIComponent(token)}`;
  return {
    cardNo: m.cardNo,
    name: m.name,
    orgName: m.orgName,
    joinDate: m.joinDate,
    status: m.status,
    token,
    verifyUrl,
    issuedAt: new Date().toISOString(),
    qrDataUrl: await QRCode.toDataURL(verifyUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }),
  };
}

/**
 * My applications and cases: join applications and hardship files of my ID number (once linked),
 * dispute cases where my mobile is an applicant's. Read-only, with references and statuses only.
 */
export async function workerApplications(s: Services, account: WorkerAccount) {
  const out: {
    kind: 'join' | 'hardship' | 'dispute' | 'legal_aid';
    id: string;
    ref: string;
    status: string;
    orgName: string;
    submittedOn: string | null;
    deadline: string | null;
  }[] = [];
  if (account.idIndex) {
    const joins = await s.db
      .select({
        id: joinApplication.id,
        ref: joinApplication.appNo,
        status: joinApplication.status,
        orgName: org.name,
        submittedOn: joinApplication.submittedOn,
        dueOn: joinApplication.dueOn,
      })
      .from(joinApplication)
      .innerJoin(org, eq(org.id, joinApplication.orgId))
      .where(eq(joinApplication.idIndex, account.idIndex))
      .orderBy(desc(joinApplication.submittedOn))
      .limit(20);
    for (const j of joins)
      out.push({
        kind: 'join',
        id: j.id,
        ref: j.ref,
        status: j.status,
        orgName: j.orgName,
        submittedOn: j.submittedOn,
        deadline: j.status === 'pending' ? j.dueOn : null,
      });
    const files = await s.db
      .select({
        id: hardshipFile.id,
        ref: hardshipFile.fileNo,
        status: hardshipFile.status,
        orgName: org.name,
        appliedOn: hardshipFile.appliedOn,
        due: hardshipFile.nextReviewDue,
      })
      .from(hardshipFile)
      .innerJoin(org, eq(org.id, hardshipFile.orgId))
      .where(
        account.memberId
          ? or(eq(hardshipFile.idIndex, account.idIndex), eq(hardshipFile.memberId, account.memberId))
          : eq(hardshipFile.idIndex, account.idIndex),
      )
      .limit(20);
    for (const f of files)
      out.push({ kind: 'hardship', id: f.id, ref: f.ref, status: f.status, orgName: f.orgName, submittedOn: f.appliedOn, deadline: f.due });
  }
  const cases = await s.db
    .select({
      id: disputeCase.id,
      ref: disputeCase.caseNo,
      status: disputeCase.status,
      orgName: org.name,
      receivedOn: disputeCase.receivedOn,
      due: disputeCase.mediationDue,
    })
    .from(disputeCase)
    .innerJoin(org, eq(org.id, disputeCase.orgId))
    .where(sql`${account.mobileIndex} = ANY(${disputeCase.mobileIndexes})`)
    .orderBy(desc(disputeCase.receivedOn))
    .limit(20);
  for (const d of cases) out.push({ kind: 'dispute', id: d.id, ref: d.ref, status: d.status, orgName: d.orgName, submittedOn: d.receivedOn, deadline: d.due });
  // Legal-aid requests filed online with my mobile (docs/rights.md "The worker's side").
  const aid = await s.db
    .select({
      id: legalAidRequest.id,
      ref: legalAidRequest.requestNo,
      status: legalAidRequest.status,
      orgName: org.name,
      requestedOn: legalAidRequest.requestedOn,
    })
    .from(legalAidRequest)
    .innerJoin(org, eq(org.id, legalAidRequest.orgId))
    .where(eq(legalAidRequest.mobileIndex, account.mobileIndex))
    .orderBy(desc(legalAidRequest.requestedOn))
    .limit(20);
  for (const r of aid) out.push({ kind: 'legal_aid', id: r.id, ref: r.ref, status: r.status, orgName: r.orgName, submittedOn: r.requestedOn, deadline: null });
  return out;
}
