import crypto from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { joinApplication, member } from '../member.schema.js';
import { org } from '../../org/org.schema.js';
import { getMemberByIdIndex } from '../member.repo.js';
import { heldElsewhereError, holdingUnionName, HOLDING_STATUSES } from '../member.service.js';
import { idIndexOf } from '../member.record.js';
import { AppError, errors } from '../../../platform/errors.js';
import { appendAudit } from '../../../platform/audit.js';
import { escapeLike } from '../../../platform/scope.js';
import { maskIdNumber, parseIdNumber } from '../../../../../common/src/id-number.js';
import { maskMobile } from '../../../../../common/src/mobile.js';
import { checkUscc } from '../../../../../common/src/uscc.js';
import { employerSearchTerms, isPlatformName } from '../../../../../common/src/employer-keywords.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import { addWorkingDays, JOIN_REPLY_WORKING_DAYS } from '../../../../../common/src/working-days.js';
import { isProvisional } from '../../../../../common/src/deadlines.js';
import { districtNameSql, isUniqueViolation, loadTargetUnion, streetNameSql, type PublicCtx } from './join.shared.js';
import { JOIN_APPLICATIONS_PER_ID_PER_DAY, rateLimited } from './rate-limit.js';
import type { JoinApply } from '../../../../../common/src/contracts/join.js';

/**
 * Online joining (入会申请), the public side: find the union, apply, look up the outcome.
 * No sign-in; the employer is never told (docs/rules.md "Members").
 */

/**
 * The employer's union among active grassroots unions: by part of its (or the employer's) name,
 * the exact credit code, or a platform's brand or trade word (美团, 外卖: common/src/employer-keywords.ts).
 * Unions matching the typed words come before those found through a platform's words.
 */
export async function findUnions(s: PublicCtx, q: string) {
  const uscc = checkUscc(q.replace(/\s+/g, ''));
  const code = uscc.ok ? uscc.value : q.replace(/\s+/g, '').toUpperCase();
  const like = '%' + escapeLike(q) + '%';
  const terms = employerSearchTerms(q).map((t) => '%' + escapeLike(t) + '%');
  const matches = sql.join(
    terms.map((t) => sql`${org.name} ILIKE ${t} OR ${org.employerName} ILIKE ${t}`),
    sql` OR `,
  );
  const rows = await s.db
    .select({
      id: org.id,
      name: org.name,
      kind: org.kind,
      level: org.level,
      streetName: streetNameSql,
      districtName: districtNameSql,
      employerName: org.employerName,
    })
    .from(org)
    .where(and(eq(org.active, true), eq(org.level, 'grassroots'), sql`(${matches} OR ${org.uscc} = ${code})`))
    .orderBy(
      sql`(${org.uscc} = ${code}) DESC NULLS LAST`,
      sql`(${org.name} ILIKE ${like} OR ${org.employerName} ILIKE ${like}) DESC`,
      sql`(${org.name} ILIKE ${escapeLike(q) + '%'}) DESC`,
      sql`length(${org.name})`,
      asc(org.name),
    )
    .limit(20);
  return rows.map(({ employerName, ...r }) => ({ ...r, platform: isPlatformName(r.name) || (!!employerName && isPlatformName(employerName)) }));
}

/** Street, township and park unions (level `street`): the territorial union for a worker whose employer has none. */
export async function findTerritorial(s: PublicCtx, q: string) {
  const like = '%' + escapeLike(q) + '%';
  return s.db
    .select({ id: org.id, name: org.name, districtName: districtNameSql })
    .from(org)
    .where(and(eq(org.active, true), eq(org.level, 'street'), sql`${org.name} ILIKE ${like}`))
    .orderBy(sql`length(${org.name})`, asc(org.name))
    .limit(20);
}

/**
 * The areas the platform serves, from the union tree: active federations from the province down to
 * the counties with their regions by name, and the street/park unions below them (the territorial
 * unions a worker whose employer has none applies to). Public, like the union names themselves.
 */
export async function listAreas(s: PublicCtx) {
  const rows = await s.db
    .select({ id: org.id, parentId: org.parentId, level: org.level, name: org.name, regionCode: org.regionCode })
    .from(org)
    .where(and(eq(org.active, true), sql`${org.level} IN ('province', 'city', 'county', 'street')`))
    .orderBy(asc(org.path));
  return rows.map((r) => ({
    ...r,
    level: r.level as 'province' | 'city' | 'county' | 'street',
    areaName: r.level === 'street' ? r.name : r.name.replace(/(总工会|工会联合会|工会)$/, '') || r.name,
  }));
}

function newAppNo(today: string): string {
  return 'RH' + today.replaceAll('-', '') + String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

function pendingExists(dueOn: string) {
  return new AppError(
    409,
    'JOIN_PENDING_EXISTS',
    `您已有一份入会申请正在办理中，工会将在 ${dueOn} 前答复，请勿重复申请`,
    `An application of yours is already pending; the union answers by ${dueOn}`,
    { dueOn },
  );
}

/**
 * Store an application: ID number and mobile only encrypted (with masked copies and the ID's blind
 * index), the other normalised fields in `payload`; answer due within JOIN_REPLY_WORKING_DAYS
 * working days on the official calendar (with the administrator's overrides).
 */
export async function applyToJoin(s: PublicCtx, input: JoinApply) {
  const f = input.fields;
  if (!f.mobile)
    throw errors.invalid('请填写手机号码，以便工会与您联系', 'A mobile number is required so that the union can contact you', {
      fields: [{ path: 'body.fields.mobile' }],
    });
  const target = await loadTargetUnion(s.db, input.orgId);
  if (!target) throw errors.invalid('所选工会不存在或已停用，请重新选择', 'That union does not exist or is deactivated; choose again');
  if (input.viaTerritorial !== (target.level === 'street')) {
    throw errors.invalid(
      input.viaTerritorial ? '所在单位没有工会时，请选择工作地所在的乡镇（街道）或园区工会' : '请选择本单位的基层工会；单位没有工会的，请选择“单位没有工会”',
      input.viaTerritorial
        ? 'Choose the street/park union of your place of work'
        : 'Choose your employer’s grassroots union, or say that your employer has none',
    );
  }
  const idIndex = idIndexOf(s.keys, f.idNumber);
  const today = todayInChina();

  const existing = await getMemberByIdIndex(s.db, idIndex);
  if (existing && HOLDING_STATUSES.includes(existing.status)) throw heldElsewhereError(await holdingUnionName(s.db, null, existing.orgId));
  const [pending] = await s.db
    .select({ dueOn: joinApplication.dueOn })
    .from(joinApplication)
    .where(and(eq(joinApplication.idIndex, idIndex), eq(joinApplication.status, 'pending')));
  if (pending) throw pendingExists(pending.dueOn);
  const [{ n }] = (await s.db
    .select({ n: sql<number>`count(*)::int` })
    .from(joinApplication)
    .where(and(eq(joinApplication.idIndex, idIndex), eq(joinApplication.submittedOn, today)))) as [{ n: number }];
  if (n >= JOIN_APPLICATIONS_PER_ID_PER_DAY) throw rateLimited();

  const calendar = await s.settings.calendar();
  const dueOn = addWorkingDays(today, JOIN_REPLY_WORKING_DAYS, calendar);
  const provisional = isProvisional(today, dueOn, calendar);
  const id = uuidv7();
  const payload = {
    idKind: f.idKind,
    birthDate: f.birthDate,
    sex: f.sex,
    ethnicity: f.ethnicity,
    education: f.education,
    politicalStatus: f.politicalStatus,
    employmentForm: f.employmentForm,
    migrantWorker: f.migrantWorker,
    occupation: f.occupation,
  };
  const row = {
    id,
    orgId: target.id,
    name: f.name,
    idCipher: s.keys.encrypt(f.idNumber),
    idIndex,
    idMasked: maskIdNumber(f.idNumber),
    mobileCipher: s.keys.encrypt(f.mobile),
    mobileMasked: maskMobile(f.mobile),
    payload,
    employerName: input.employerName,
    employerUscc: input.employerUscc ?? null,
    viaTerritorial: input.viaTerritorial,
    consentVersion: input.consent.version,
    consentAt: new Date(),
    status: 'pending',
    submittedOn: today,
    dueOn,
  };
  for (let attempt = 0; ; attempt++) {
    const appNo = newAppNo(today);
    try {
      const created = await s.db.transaction(async (tx) => {
        const ins = await tx
          .insert(joinApplication)
          .values({ ...row, appNo })
          .onConflictDoNothing({ target: joinApplication.appNo })
          .returning({ id: joinApplication.id });
        if (!ins.length) return false;
        await appendAudit(tx, {
          ip: s.ip,
          orgId: target.id,
          action: 'join.apply',
          entity: 'join_application',
          entityId: id,
          changes: { appNo, name: f.name, idNumber: '[encrypted]', mobile: '[encrypted]', viaTerritorial: input.viaTerritorial },
        });
        return true;
      });
      if (created) return { appNo, unionName: target.name, submittedOn: today, dueOn, provisional };
    } catch (e) {
      // Two submissions of the same person at once: the partial unique index lets only one be pending.
      if (isUniqueViolation(e, 'join_application_one_pending_uq')) throw pendingExists(dueOn);
      throw e;
    }
    if (attempt >= 5) throw new AppError(503, 'APP_NO_EXHAUSTED', '系统繁忙，请稍后重试', 'Please try again');
  }
}

function sameIndex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const notFoundGeneric = () =>
  new AppError(404, 'JOIN_APPLICATION_NOT_FOUND', '未查到该申请：请核对申请编号和身份证号', 'No application found for this application number and ID number');

/** The outcome of an application, only for someone who knows both its number and the applicant's ID number. */
export async function applicationStatus(s: PublicCtx, appNo: string, idNumber: string) {
  const parsed = parseIdNumber(idNumber);
  const idIndex = idIndexOf(s.keys, parsed.ok ? parsed.value : idNumber.trim().toUpperCase());
  const [a] = await s.db
    .select({
      appNo: joinApplication.appNo,
      idIndex: joinApplication.idIndex,
      status: joinApplication.status,
      unionName: org.name,
      submittedOn: joinApplication.submittedOn,
      dueOn: joinApplication.dueOn,
      decidedAt: joinApplication.decidedAt,
      rejectReason: joinApplication.rejectReason,
      cardNo: member.cardNo,
    })
    .from(joinApplication)
    .innerJoin(org, eq(org.id, joinApplication.orgId))
    .leftJoin(member, eq(member.id, joinApplication.memberId))
    .where(eq(joinApplication.appNo, appNo.toUpperCase()));
  // One answer whether the number or the ID was wrong: the look-up must not confirm either alone.
  if (!a || !sameIndex(a.idIndex, idIndex)) throw notFoundGeneric();
  return {
    appNo: a.appNo,
    status: a.status,
    unionName: a.unionName,
    submittedOn: a.submittedOn,
    dueOn: a.dueOn,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    rejectReason: a.rejectReason,
    cardNo: a.status === 'approved' ? (a.cardNo ?? null) : null,
    provisional: a.status === 'pending' && isProvisional(a.submittedOn, a.dueOn, await s.settings.calendar()),
  };
}
