import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { congress, congressProposal, congressSession, disclosure } from './contract.schema.js';
import { congresses, disclosures, proposals, underOrg } from './contract.repo.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { CONGRESS_RULE, checkDelegates, congressForm, contractExpiresOn, countVote, type CongressRule } from '../../../../common/src/congress-rules.js';
import { CONTRACT_EMPLOYER_KINDS } from '../../../../common/src/contract-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { ruleOn } from '../../platform/rules.js';
import { appendAudit } from '../../platform/audit.js';
import { orgScopeSql } from '../../platform/scope.js';
import { AppError, errors } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type {
  CongressBody,
  CongressDetailT,
  CongressListQuery,
  DisclosureBody,
  DisclosureListQuery,
  MissingDisclosureQuery,
  ProposalActBody,
  ProposalBody,
  ProposalListQuery,
  SessionBody,
} from '../../../../common/src/contracts/contract.js';

/**
 * Workers' congresses (职工代表大会, docs/contracts.md): the body of an employer with its delegates
 * checked against the quota and make-up (common/src/congress-rules.ts), its sessions with a vote per
 * agenda item under the same thresholds as the contract vote, delegates' proposals followed to
 * their answer, and open management (厂务公开) with the employers that disclosed nothing this year.
 */

type Row = typeof congress.$inferSelect;
const fieldError = (field: string, zh: string, en: string) =>
  new AppError(400, 'VALIDATION_FAILED', zh, en, { fields: [{ path: `body.${field}`, message: zh, messageEn: en }] });
const yearOf = (d: string) => d.slice(0, 4);
const congressRule = (c: Ctx, exec: Executor = c.db) => ruleOn(c, CONGRESS_RULE, todayInChina(), exec);
const requireWrite = (c: Ctx) => {
  if (!c.actor.permissions.has('contract.write')) throw errors.forbidden('contract.write');
};

const listColumns = {
  k: congress,
  orgName: sql<string>`(SELECT o.name FROM org o WHERE o.id = "congress"."org_id")`,
  lastSessionOn: sql<string | null>`(SELECT max(s.held_on)::text FROM congress_session s WHERE s.congress_id = "congress"."id")`,
};

function item(k: Row, orgName: string, lastSessionOn: string | null, rule: CongressRule, today = todayInChina()) {
  const form = congressForm(k.workforce, rule);
  return {
    id: k.id,
    orgId: k.orgId,
    orgName,
    workforce: k.workforce,
    form: k.form,
    minDelegates: form.kind === 'congress' ? form.minDelegates : null,
    delegates: k.delegates,
    termYears: k.termYears,
    termStart: k.termStart,
    termEnd: contractExpiresOn(k.termStart, k.termYears),
    lastSessionOn,
    heldThisYear: !!lastSessionOn && yearOf(lastSessionOn) === yearOf(today),
    problems:
      k.form === 'assembly'
        ? []
        : checkDelegates(k.workforce, k.womenInWorkforce, { total: k.delegates, frontLine: k.frontLine, managers: k.managers, women: k.women }, rule),
    version: k.version,
  };
}

export async function listCongresses(c: Ctx, q: z.infer<typeof CongressListQuery>) {
  const today = todayInChina();
  const rule = await congressRule(c);
  const extra: SQL[] = q.notHeld
    ? [sql`NOT EXISTS (SELECT 1 FROM congress_session s WHERE s.congress_id = "congress"."id" AND s.held_on >= ${`${yearOf(today)}-01-01`})`]
    : [];
  const page = await congresses.list(c, q, { extra, select: listColumns });
  return {
    ...page,
    items: (page.items as unknown as { k: Row; orgName: string; lastSessionOn: string | null }[]).map((x) =>
      item(x.k, x.orgName, x.lastSessionOn, rule, today),
    ),
  };
}

async function present(c: Ctx, k: Row, exec: Executor = c.db): Promise<CongressDetailT> {
  const [rule, [o], sessions] = await Promise.all([
    congressRule(c, exec),
    exec.select({ name: org.name }).from(org).where(eq(org.id, k.orgId)),
    exec.select().from(congressSession).where(eq(congressSession.congressId, k.id)).orderBy(desc(congressSession.heldOn)),
  ]);
  return {
    ...item(k, o?.name ?? '', sessions[0]?.heldOn ?? null, rule),
    womenInWorkforce: k.womenInWorkforce,
    frontLine: k.frontLine,
    managers: k.managers,
    women: k.women,
    sessions: sessions.map((s) => ({ id: s.id, heldOn: s.heldOn, delegates: s.delegates, present: s.present, items: s.items, resolutions: s.resolutions })),
  };
}

export async function getCongress(c: Ctx, id: string) {
  return present(c, await congresses.get(c, id));
}

/**
 * Register or re-elect an employer's congress: the form follows the workforce (an all-worker
 * assembly below 100 workers), the term is one the rule allows (3 or 5 years), and the delegates
 * must meet the quota and make-up; a body that does not is refused with the numbers.
 */
export async function saveCongress(c: Ctx, body: z.infer<typeof CongressBody>) {
  requireWrite(c);
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    if (o.level !== 'grassroots') throw fieldError('orgId', '职代会应登记在用人单位的基层工会', 'A congress belongs to an employer’s grassroots union');
    if (body.termStart > todayInChina()) throw fieldError('termStart', '届期开始日期不能晚于今天', 'The term cannot start after today');
    const rule = await congressRule(c, tx);
    if (!rule.termYears.includes(body.termYears))
      throw fieldError('termYears', `每届任期应为${rule.termYears.join('或')}年`, `A term is ${rule.termYears.join(' or ')} years`);
    const form = congressForm(body.workforce, rule);
    const delegates = form.kind === 'assembly' ? body.workforce : body.delegates;
    if (form.kind === 'congress') {
      const problems = checkDelegates(
        body.workforce,
        body.womenInWorkforce,
        { total: body.delegates, frontLine: body.frontLine, managers: body.managers, women: body.women },
        rule,
      );
      if (problems.length) {
        const field: Record<string, string> = { quota: 'delegates', front_line: 'frontLine', managers: 'managers', women: 'women' };
        throw new AppError(
          400,
          'VALIDATION_FAILED',
          `代表构成不符合规定：${problems.map((p) => p.zh).join('；')}`,
          `The delegates do not meet the rule: ${problems.map((p) => p.en).join('; ')}`,
          {
            problems,
            fields: problems.map((p) => ({ path: `body.${field[p.code] ?? 'delegates'}`, message: p.zh, messageEn: p.en })),
          },
        );
      }
    }
    const values = {
      workforce: body.workforce,
      womenInWorkforce: body.womenInWorkforce,
      form: form.kind,
      termYears: body.termYears,
      termStart: body.termStart,
      electedOn: body.electedOn ?? null,
      delegates,
      frontLine: body.frontLine,
      managers: body.managers,
      women: body.women,
    };
    const [existing] = await tx.select().from(congress).where(eq(congress.orgId, body.orgId));
    const row = existing
      ? (await congresses.update(c, tx, existing.id, body.version, values, { action: 'congress.save' })).after
      : await congresses.create(c, tx, { id: uuidv7(), orgId: body.orgId, ...values }, { action: 'congress.save' });
    return present(c, row, tx);
  });
}

/** A session (at least one a year): two thirds of the delegates present, and each agenda item voted under the thresholds. */
export async function addSession(c: Ctx, id: string, body: z.infer<typeof SessionBody>) {
  requireWrite(c);
  return c.db.transaction(async (tx) => {
    const k = await congresses.get(c, id, { exec: tx, lock: true });
    if (body.heldOn > todayInChina()) throw fieldError('heldOn', '会议日期不能晚于今天', 'The session cannot be after today');
    if (body.present > k.delegates)
      throw fieldError('present', `到会人数不能超过代表总数（${k.delegates}人）`, `More present than the ${k.delegates} delegates`);
    const quorum = countVote({ delegates: k.delegates, present: body.present, for: 0, against: 0, abstain: 0 });
    if (!quorum.quorum)
      throw new AppError(409, 'NO_QUORUM', `${quorum.problems[0]!.zh}，会议不能举行表决`, `${quorum.problems[0]!.en}: the session cannot vote`, {
        problems: [quorum.problems[0]],
      });
    const items = body.items.map((x, i) => {
      if (x.for + x.against + x.abstain > body.present)
        throw fieldError(`items.${i}.for`, `第${i + 1}项表决票数超过到会人数`, `Item ${i + 1}: more votes than present`);
      return { ...x, passed: countVote({ delegates: k.delegates, present: body.present, for: x.for, against: x.against, abstain: x.abstain }).passed };
    });
    await tx.insert(congressSession).values({
      id: uuidv7(),
      congressId: k.id,
      orgId: k.orgId,
      heldOn: body.heldOn,
      delegates: k.delegates,
      present: body.present,
      items,
      resolutions: body.resolutions ?? null,
    });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: k.orgId,
      action: 'congress.session',
      entity: 'congress',
      entityId: k.id,
      changes: { heldOn: body.heldOn, present: body.present, items: items.map((x) => `${x.title}：${x.passed ? '通过' : '未通过'}`) },
    });
    return present(c, k, tx);
  });
}

const proposalColumns = { p: congressProposal, orgName: sql<string>`(SELECT o.name FROM org o WHERE o.id = "congress_proposal"."org_id")` };
type ProposalRow = typeof congressProposal.$inferSelect;
const proposalItem = (p: ProposalRow, orgName: string, today = todayInChina()) => ({
  id: p.id,
  congressId: p.congressId,
  orgId: p.orgId,
  orgName,
  no: p.no,
  title: p.title,
  delegate: p.delegate,
  content: p.content,
  department: p.department,
  status: p.status,
  answerDue: p.answerDue,
  overdue: p.status === 'assigned' && !!p.answerDue && p.answerDue < today,
  answer: p.answer,
  answeredOn: p.answeredOn,
  registeredOn: p.registeredOn,
  version: p.version,
});
const orgNameOf = async (exec: Executor, id: string) => (await exec.select({ name: org.name }).from(org).where(eq(org.id, id)))[0]?.name ?? '';

export async function listProposals(c: Ctx, q: z.infer<typeof ProposalListQuery>) {
  const today = todayInChina();
  const extra = q.overdue ? [sql`${congressProposal.status} = 'assigned' AND ${congressProposal.answerDue} < ${today}`] : [];
  const page = await proposals.list(c, q, { extra, select: proposalColumns });
  return { ...page, items: (page.items as unknown as { p: ProposalRow; orgName: string }[]).map((x) => proposalItem(x.p, x.orgName, today)) };
}

/** A delegate's proposal (提案), numbered within the year. */
export async function addProposal(c: Ctx, id: string, body: z.infer<typeof ProposalBody>) {
  requireWrite(c);
  return c.db.transaction(async (tx) => {
    const k = await congresses.get(c, id, { exec: tx, lock: true });
    if (body.registeredOn > todayInChina()) throw fieldError('registeredOn', '登记日期不能晚于今天', 'The date cannot be after today');
    const year = yearOf(body.registeredOn);
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(congressProposal)
      .where(sql`${congressProposal.congressId} = ${k.id} AND ${congressProposal.no} LIKE ${year + '-%'}`)) as [{ n: number }];
    const row = await proposals.create(
      c,
      tx,
      {
        id: uuidv7(),
        congressId: k.id,
        orgId: k.orgId,
        no: `${year}-${String(Number(n) + 1).padStart(3, '0')}`,
        title: body.title,
        delegate: body.delegate,
        content: body.content,
        status: 'registered',
        registeredOn: body.registeredOn,
      },
      { action: 'congress.proposal' },
    );
    return proposalItem(row, await orgNameOf(tx, k.orgId));
  });
}

const PROPOSAL_FROM: Record<string, string[]> = { assign: ['registered'], answer: ['assigned'], close: ['answered'], reject: ['registered'] };
const PROPOSAL_TO: Record<string, string> = { assign: 'assigned', answer: 'answered', close: 'closed', reject: 'rejected' };

/** Assign to a handling department with a due date, record the answer, close, or refuse to take it (with the reason). */
export async function actOnProposal(c: Ctx, id: string, body: z.infer<typeof ProposalActBody>) {
  requireWrite(c);
  return c.db.transaction(async (tx) => {
    const p = await proposals.get(c, id, { exec: tx, lock: true });
    if (!PROPOSAL_FROM[body.action]!.includes(p.status))
      throw new AppError(409, 'WRONG_STATUS', '提案当前状态不能办理此步骤', 'The proposal does not allow this step now', {
        status: p.status,
        action: body.action,
      });
    const set: Partial<ProposalRow> = { status: PROPOSAL_TO[body.action]! };
    if (body.action === 'assign') {
      if (body.answerDue < p.registeredOn) throw fieldError('answerDue', '答复期限不能早于登记日期', 'The answer cannot be due before registration');
      Object.assign(set, { department: body.department, answerDue: body.answerDue });
    } else if (body.action === 'answer') {
      if (body.answeredOn > todayInChina() || body.answeredOn < p.registeredOn)
        throw fieldError('answeredOn', '答复日期应在登记日期与今天之间', 'The answer date lies between registration and today');
      Object.assign(set, { answer: body.answer, answeredOn: body.answeredOn });
    } else if (body.action === 'reject') Object.assign(set, { answer: body.answer });
    const { after } = await proposals.update(c, tx, id, body.version, set, { action: 'congress.proposal_act', detail: body.action });
    return proposalItem(after, await orgNameOf(tx, after.orgId));
  });
}

const disclosureColumns = { d: disclosure, orgName: sql<string>`(SELECT o.name FROM org o WHERE o.id = "disclosure"."org_id")` };
type DisclosureRow = typeof disclosure.$inferSelect;
const disclosureItem = (d: DisclosureRow, orgName: string) => ({
  id: d.id,
  orgId: d.orgId,
  orgName,
  disclosedOn: d.disclosedOn,
  channel: d.channel,
  subject: d.subject,
  content: d.content,
  feedback: d.feedback,
});

export async function listDisclosures(c: Ctx, q: z.infer<typeof DisclosureListQuery>) {
  const page = await disclosures.list(c, q, { select: disclosureColumns });
  return { ...page, items: (page.items as unknown as { d: DisclosureRow; orgName: string }[]).map((x) => disclosureItem(x.d, x.orgName)) };
}

/** What an employer disclosed (厂务公开), when, in which channel, and the workers' feedback. */
export async function addDisclosure(c: Ctx, body: z.infer<typeof DisclosureBody>) {
  requireWrite(c);
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    if (o.level !== 'grassroots') throw fieldError('orgId', '厂务公开应登记在用人单位的基层工会', 'A disclosure belongs to an employer’s grassroots union');
    if (body.disclosedOn > todayInChina()) throw fieldError('disclosedOn', '公开日期不能晚于今天', 'The date cannot be after today');
    const row = await disclosures.create(
      c,
      tx,
      {
        id: uuidv7(),
        orgId: body.orgId,
        disclosedOn: body.disclosedOn,
        channel: body.channel,
        subject: body.subject,
        content: body.content,
        feedback: body.feedback ?? null,
      },
      { action: 'disclosure.create' },
    );
    return disclosureItem(row, o.name);
  });
}

/** Unionised employers in scope with no disclosure in the year (this year by default). */
export async function missingDisclosures(c: Ctx, q: z.infer<typeof MissingDisclosureQuery>) {
  const year = q.year ?? Number(yearOf(todayInChina()));
  const kinds = sql.join(
    CONTRACT_EMPLOYER_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  const where = sql`g.level = 'grassroots' AND g.active AND g.kind IN (${kinds}) AND ${orgScopeSql(c.actor.scope, sql`g.path`, sql`g.id`)}
    ${q.under ? sql`AND ${underOrg(sql`g.id`, q.under)}` : sql``}
    AND NOT EXISTS (SELECT 1 FROM disclosure d WHERE d.org_id = g.id AND d.disclosed_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`})`;
  const [items, [count]] = await Promise.all([
    c.database.query<{ orgId: string; name: string; employerName: string | null; employeeCount: number | null }>(sql`
      SELECT g.id AS "orgId", g.name, g.employer_name AS "employerName", g.employee_count AS "employeeCount" FROM org g WHERE ${where} ORDER BY g.code LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    c.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM org g WHERE ${where} LIMIT 1001) capped`),
  ]);
  const n = Number(count?.n ?? 0);
  return {
    items: items.map((r) => ({ ...r, employeeCount: r.employeeCount === null ? null : Number(r.employeeCount) })),
    total: Math.min(n, 1000),
    totalExact: n <= 1000,
    page: q.page,
    pageSize: q.pageSize,
  };
}
