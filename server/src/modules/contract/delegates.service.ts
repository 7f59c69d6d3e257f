import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { congress, congressDelegate, congressTerm } from './contract.schema.js';
import { congresses } from './contract.repo.js';
import { org } from '../org/org.schema.js';
import { member } from '../member/member.schema.js';
import { CONGRESS_RULE, checkDelegates, congressForm, contractExpiresOn, type DelegateMix } from '../../../../common/src/congress-rules.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { ruleOn } from '../../platform/rules.js';
import { AppError, errors } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { ElectionBody, RosterT } from '../../../../common/src/contracts/contract.js';

/**
 * The delegates of a workers' congress and its elections (docs/contracts.md, 企业民主管理规定 Arts.
 * 12–14 and the local 职工代表大会条例): each term (3 or 5 years) has its election record and its
 * roster — every delegate with the member they are, their category and gender. An election whose
 * roster is short of the quota (by the workforce), has fewer than half front-line workers, more
 * than a fifth managers, or fewer women than in proportion to the workforce is refused with the
 * numbers; nothing is recorded then.
 */

type Term = typeof congressTerm.$inferSelect;
type CongressRow = typeof congress.$inferSelect;

const fieldError = (field: string, zh: string, en: string) =>
  new AppError(400, 'VALIDATION_FAILED', zh, en, { fields: [{ path: `body.${field}`, message: zh, messageEn: en }] });

/** The make-up of a roster, as the composition check counts it. */
export function mixOf(delegates: { category: string; gender: string }[]): DelegateMix & { technical: number } {
  return {
    total: delegates.length,
    frontLine: delegates.filter((d) => d.category === 'front_line').length,
    managers: delegates.filter((d) => d.category === 'manager').length,
    technical: delegates.filter((d) => d.category === 'technical').length,
    women: delegates.filter((d) => d.gender === 'female').length,
  };
}

const record = (t: Term, currentId: string | null) => ({
  id: t.id,
  no: t.no,
  termYears: t.termYears,
  termStart: t.termStart,
  termEnd: contractExpiresOn(t.termStart, t.termYears),
  electedOn: t.electedOn,
  method: t.method,
  workforce: t.workforce,
  womenInWorkforce: t.womenInWorkforce,
  electorate: t.electorate,
  voted: t.voted,
  delegates: t.delegates,
  frontLine: t.frontLine,
  managers: t.managers,
  technical: t.technical,
  women: t.women,
  notes: t.notes,
  current: t.id === currentId,
});

async function present(c: Ctx, k: CongressRow, exec: Executor): Promise<RosterT> {
  const [rule, [o], terms] = await Promise.all([
    ruleOn(c, CONGRESS_RULE, todayInChina(), exec),
    exec.select({ name: org.name }).from(org).where(eq(org.id, k.orgId)),
    exec.select().from(congressTerm).where(eq(congressTerm.congressId, k.id)).orderBy(desc(congressTerm.no)),
  ]);
  const current = terms[0] ?? null;
  const delegates = current
    ? await exec
        .select({
          id: congressDelegate.id,
          termId: congressDelegate.termId,
          name: congressDelegate.name,
          memberId: congressDelegate.memberId,
          memberCardNo: member.cardNo,
          category: congressDelegate.category,
          gender: congressDelegate.gender,
          department: congressDelegate.department,
        })
        .from(congressDelegate)
        .leftJoin(member, eq(member.id, congressDelegate.memberId))
        .where(eq(congressDelegate.termId, current.id))
        .orderBy(asc(congressDelegate.category), asc(congressDelegate.name), asc(congressDelegate.id))
    : [];
  const form = congressForm(k.workforce, rule);
  const mix = mixOf(delegates);
  return {
    congressId: k.id,
    orgId: k.orgId,
    orgName: o?.name ?? '',
    form: k.form,
    minDelegates: form.kind === 'congress' ? form.minDelegates : null,
    current: current ? record(current, current.id) : null,
    terms: terms.map((t) => record(t, current?.id ?? null)),
    delegates: delegates.map((d) => ({ ...d, memberCardNo: d.memberCardNo ?? null })),
    problems: current && k.form === 'congress' ? checkDelegates(k.workforce, k.womenInWorkforce, mix, rule) : [],
    version: k.version,
  };
}

/** The roster of the current term and the election records of every term. */
export async function getRoster(c: Ctx, id: string) {
  return present(c, await congresses.get(c, id), c.db);
}

/**
 * Record an election (换届选举): the new term with its record and roster. Refused — with the numbers —
 * when the roster fails the quota or the make-up (the same check as the congress registration);
 * the congress then carries the new term and the roster's counts.
 */
export async function recordElection(c: Ctx, id: string, body: z.infer<typeof ElectionBody>) {
  if (!c.actor.permissions.has('contract.write')) throw errors.forbidden('contract.write');
  return c.db.transaction(async (tx) => {
    const k = await congresses.get(c, id, { exec: tx, lock: true });
    if (body.electedOn > todayInChina()) throw fieldError('electedOn', '选举日期不能晚于今天', 'The election cannot be after today');
    const rule = await ruleOn(c, CONGRESS_RULE, body.electedOn, tx);
    if (!rule.termYears.includes(body.termYears))
      throw fieldError('termYears', `每届任期应为${rule.termYears.join('或')}年`, `A term is ${rule.termYears.join(' or ')} years`);
    const workforce = body.workforce ?? k.workforce;
    const womenInWorkforce = body.womenInWorkforce ?? k.womenInWorkforce;
    if (womenInWorkforce > workforce) throw fieldError('womenInWorkforce', '女职工人数不能超过职工总数', 'More women than workers');
    if (body.electorate > workforce)
      throw fieldError('electorate', `有选举权的职工不能超过职工总数（${workforce}人）`, `The electorate exceeds the ${workforce} workers`);
    const form = congressForm(workforce, rule);
    if (form.kind === 'assembly')
      throw new AppError(
        409,
        'ASSEMBLY_NO_DELEGATES',
        `职工${workforce}人，不足${rule.assemblyBelow}人的单位召开职工大会，全体职工参加，不选举代表`,
        `${workforce} workers: below ${rule.assemblyBelow} the all-worker assembly meets, with no delegates to elect`,
      );
    const [last] = await tx.select().from(congressTerm).where(eq(congressTerm.congressId, k.id)).orderBy(desc(congressTerm.no)).limit(1);
    if (last && body.electedOn <= last.electedOn)
      throw fieldError('electedOn', `换届选举应晚于上一届的选举（${last.electedOn}）`, `The election must follow the last one (${last.electedOn})`);
    const memberIds = [...new Set(body.delegates.flatMap((d) => (d.memberId ? [d.memberId] : [])))];
    if (memberIds.length) {
      // A delegate linked to a member must be a member of this employer's union.
      const found = await tx
        .select({ id: member.id })
        .from(member)
        .where(and(inArray(member.id, memberIds), eq(member.orgId, k.orgId)));
      const ok = new Set(found.map((m) => m.id));
      const bad = body.delegates.findIndex((d) => d.memberId && !ok.has(d.memberId));
      if (bad >= 0) throw fieldError(`delegates.${bad}.memberId`, `第${bad + 1}位代表不是本单位工会会员`, `Delegate ${bad + 1} is not a member of this union`);
    }
    const mix = mixOf(body.delegates);
    const problems = checkDelegates(workforce, womenInWorkforce, mix, rule);
    if (problems.length)
      throw new AppError(
        400,
        'COMPOSITION_FAILED',
        `代表构成不符合规定：${problems.map((p) => p.zh).join('；')}`,
        `The delegates do not meet the rule: ${problems.map((p) => p.en).join('; ')}`,
        // No field path: the roster is a list, so the form shows the refusal with its numbers above it.
        { problems },
      );
    const termId = uuidv7();
    const no = (last?.no ?? 0) + 1;
    await tx.insert(congressTerm).values({
      id: termId,
      congressId: k.id,
      orgId: k.orgId,
      no,
      termYears: body.termYears,
      termStart: body.termStart,
      electedOn: body.electedOn,
      method: body.method,
      workforce,
      womenInWorkforce,
      electorate: body.electorate,
      voted: body.voted,
      delegates: mix.total,
      frontLine: mix.frontLine,
      managers: mix.managers,
      technical: mix.technical,
      women: mix.women,
      notes: body.notes ?? null,
    });
    await tx.insert(congressDelegate).values(
      body.delegates.map((d) => ({
        id: uuidv7(),
        congressId: k.id,
        termId,
        orgId: k.orgId,
        name: d.name,
        memberId: d.memberId ?? null,
        category: d.category,
        gender: d.gender,
        department: d.department ?? null,
      })),
    );
    const { after } = await congresses.update(
      c,
      tx,
      k.id,
      body.version,
      {
        workforce,
        womenInWorkforce,
        form: 'congress',
        termYears: body.termYears,
        termStart: body.termStart,
        electedOn: body.electedOn,
        delegates: mix.total,
        frontLine: mix.frontLine,
        managers: mix.managers,
        women: mix.women,
      },
      { action: 'congress.election', detail: `第${no}届` },
    );
    return present(c, after, tx);
  });
}
