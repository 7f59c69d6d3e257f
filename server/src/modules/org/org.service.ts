import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { canParent, maskOrgName, termEnd, termStatus, type OrgLevel } from '../../../../common/src/org.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { org, type OrgRow } from './org.schema.js';
import * as repo from './org.repo.js';
import { AppError, errors } from '../../platform/errors.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import { scopeCovers } from '../../platform/scope.js';
import type { Ctx } from '../../platform/context.js';
import { ruleOn, ruleVersions } from '../../platform/rules.js';
import { ORG_TERM_RULE, versionOn } from '../../../../common/src/rules.js';
import type { Executor } from '../../db/client.js';
import type { OrgCreate, OrgListParams, OrgUpdate } from '../../../../common/src/contracts/org.js';

/** The committee-term rule in force today (common/src/rules.ts ORG_TERM_RULE: terms allowed, reminder days). */
export function termRule(c: Pick<Ctx, 'db'>, today = todayInChina()) {
  return ruleOn(c, ORG_TERM_RULE, today);
}

export function presentOrg(
  o: OrgRow & { parentName?: string | null },
  today = todayInChina(),
  reminderDays = ORG_TERM_RULE.defaults.at(-1)!.value.reminderDays,
) {
  return {
    id: o.id,
    parentId: o.parentId,
    parentName: o.parentName ?? null,
    depth: o.depth,
    level: o.level,
    kind: o.kind,
    code: o.code,
    name: o.name,
    employerName: o.employerName,
    uscc: o.uscc,
    regionCode: o.regionCode,
    industry: o.industry,
    employeeCount: o.employeeCount,
    foundedOn: o.foundedOn,
    chairName: o.chairName,
    termStart: o.termStart,
    termYears: o.termYears,
    termEnd: o.termEnd,
    termStatus: termStatus(o.termStart, o.termYears, today, reminderDays),
    hasWomenCommittee: o.hasWomenCommittee,
    active: o.active,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** Read one org the caller may see; out-of-scope ids look exactly like missing ones. */
export async function requireOrgInScope(c: Ctx, exec: Executor, id: string): Promise<OrgRow> {
  const o = await repo.getOrg(exec, id);
  if (!o || !scopeCovers(c.actor.scope, o)) throw errors.notFound('工会组织', 'organisation');
  return o;
}

// The outer table named literally: without joins Drizzle renders ${org.parentId} as a bare column, which the subquery would read as p's own.
const parentName = sql<string | null>`(SELECT p.name FROM org p WHERE p.id = org.parent_id)`;

export async function listOrgs(c: Ctx, p: OrgListParams) {
  const today = todayInChina();
  const { reminderDays } = await termRule(c, today);
  const { totalExact: _, ...page } = await repo.orgs.list(c, p, {
    extra: [repo.termFilter(p.termStatus, today, reminderDays)],
    select: { org, parentName },
    map: (r) => {
      const { org: o, parentName: pn } = r as unknown as { org: OrgRow; parentName: string | null };
      return presentOrg({ ...o, parentName: pn }, today, reminderDays);
    },
  });
  return page;
}

export async function getOrgDetail(c: Ctx, id: string) {
  const o = await requireOrgInScope(c, c.db, id);
  const ancestorIds = o.path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = await repo.getOrgsByIds(c.db, ancestorIds);
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const counts = await repo.childCounts(c.db, o.id);
  const canWrite = c.actor.permissions.has('org.write');
  const isScopeTop = !c.actor.scope.all && o.parentId !== null && !ancestors.some((a) => a.id === o.parentId && scopeCovers(c.actor.scope, a));
  return {
    ...presentOrg({ ...o, parentName: o.parentId ? (byId.get(o.parentId)?.name ?? null) : null }, todayInChina(), (await termRule(c)).reminderDays),
    ancestors: ancestorIds
      .map((aid) => byId.get(aid))
      .filter((a) => a !== undefined)
      .map((a) => ({ id: a.id, name: a.name, level: a.level })),
    ...counts,
    can: {
      edit: canWrite,
      move: canWrite && o.parentId !== null && !isScopeTop,
      deactivate: canWrite && o.active && o.parentId !== null && !isScopeTop,
      addChild: canWrite && o.active && o.level !== 'grassroots',
    },
  };
}

/** A term the rule in force allows (the Trade Union Law: three or five years), named with the rule's source when refused. */
function checkTerm(rule: Awaited<ReturnType<typeof ruleVersions<{ termYears: number[]; reminderDays: number }>>>, termYears: number | null) {
  if (termYears === null) return;
  const v = versionOn(rule, todayInChina());
  if (!v.value.termYears.includes(termYears)) {
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      `任期只能是${v.value.termYears.join('年或')}年（${v.source}）`,
      `The term must be ${v.value.termYears.join(' or ')} years`,
      {
        fields: [
          {
            path: 'body.termYears',
            message: `任期只能是${v.value.termYears.join('年或')}年`,
            messageEn: `The term must be ${v.value.termYears.join(' or ')} years`,
          },
        ],
      },
    );
  }
}

function checkGrassrootsKind(level: string, kind: string | null) {
  if (level === 'grassroots' && !kind) throw errors.invalid('基层工会须选择类型', 'A grassroots union needs a kind');
  if (level !== 'grassroots' && kind && !['industry', 'regional'].includes(kind)) {
    throw errors.invalid('只有基层工会可选择企业、机关事业单位或联合基层工会类型', 'Only grassroots unions have this kind');
  }
}

async function checkUnique(c: Ctx, exec: Executor, code: string, uscc: string | null, selfId?: string) {
  // The holder may lie outside the caller's scope: name it only as far as they may see it.
  const nameOf = async (id: string, name: string) => {
    const o = await repo.getOrg(exec, id);
    return o && scopeCovers(c.actor.scope, o) ? name : maskOrgName(name);
  };
  const byCode = await repo.getOrgByCode(exec, code);
  if (byCode && byCode.id !== selfId)
    throw errors.conflict(`组织编码 ${code} 已被“${await nameOf(byCode.id, byCode.name)}”使用`, `Code ${code} is already used`, { field: 'code' });
  if (uscc) {
    const rows = await exec
      .select({ id: org.id, name: org.name })
      .from(org)
      .where(and(eq(org.uscc, uscc), eq(org.active, true)));
    const other = rows.find((r) => r.id !== selfId);
    if (other)
      throw errors.conflict(`统一社会信用代码 ${uscc} 已登记在“${await nameOf(other.id, other.name)}”`, `Credit code ${uscc} is already registered`, {
        field: 'uscc',
      });
  }
}

const auditBase = (c: Ctx) => ({ actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip });

export async function createOrg(c: Ctx, input: OrgCreate) {
  // Read before the transaction: on the embedded database a read outside it would wait for it.
  const rule = await ruleVersions(c, ORG_TERM_RULE);
  const reminderDays = versionOn(rule, todayInChina()).value.reminderDays;
  return c.db.transaction(async (tx) => {
    const parent = await requireOrgInScope(c, tx, input.parentId);
    if (!parent.active) throw errors.invalid('上级组织已停用，不能新增下级', 'The parent organisation is deactivated');
    if (!canParent(parent.level as OrgLevel, input.level)) {
      throw errors.invalid('组织层级必须低于上级组织，且基层工会下不能再设组织', 'The level must be below the parent’s; grassroots unions have no children');
    }
    checkGrassrootsKind(input.level, input.kind);
    checkTerm(rule, input.termYears);
    await checkUnique(c, tx, input.code, input.uscc);
    const id = uuidv7();
    const { parentId, ...fields } = input;
    const row = {
      ...fields,
      id,
      parentId,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      termEnd: input.termStart && input.termYears ? termEnd(input.termStart, input.termYears) : null,
    };
    const [created] = await tx.insert(org).values(row).returning();
    await appendAudit(tx, {
      ...auditBase(c),
      orgId: id,
      action: 'org.create',
      entity: 'org',
      entityId: id,
      changes: diffFields(null, { parentId, ...fields }),
    });
    return presentOrg({ ...created!, parentName: parent.name }, todayInChina(), reminderDays);
  });
}

export async function updateOrg(c: Ctx, id: string, input: OrgUpdate) {
  const rule = await ruleVersions(c, ORG_TERM_RULE);
  const reminderDays = versionOn(rule, todayInChina()).value.reminderDays;
  return c.db.transaction(async (tx) => {
    const before = await requireOrgInScope(c, tx, id);
    if (before.version !== input.version) throw errors.versionConflict();
    if (before.parentId) {
      const parent = await repo.getOrg(tx, before.parentId);
      if (parent && !canParent(parent.level as OrgLevel, input.level)) throw errors.invalid('组织层级必须低于上级组织', 'The level must be below the parent’s');
    }
    if (input.level === 'grassroots' && before.level !== 'grassroots') {
      const counts = await repo.childCounts(tx, id);
      if (counts.childCount > 0)
        throw errors.invalid('该组织有下级组织，不能改为基层工会', 'It has child organisations, so it cannot become a grassroots union');
    }
    if (input.level !== before.level) {
      const childLevels = await tx.selectDistinct({ level: org.level }).from(org).where(eq(org.parentId, id));
      if (childLevels.some((ch) => !canParent(input.level, ch.level as OrgLevel))) {
        throw errors.invalid('新层级必须高于其下级组织的层级', 'The new level must stay above the levels of its child organisations');
      }
    }
    checkGrassrootsKind(input.level, input.kind);
    if (input.termYears !== before.termYears) checkTerm(rule, input.termYears);
    await checkUnique(c, tx, input.code, before.active ? input.uscc : null, id);
    const { version, ...fields } = input;
    const set = {
      ...fields,
      termEnd: input.termStart && input.termYears ? termEnd(input.termStart, input.termYears) : null,
      version: version + 1,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .update(org)
      .set(set)
      .where(and(eq(org.id, id), eq(org.version, version)))
      .returning();
    if (!after) throw errors.versionConflict();
    await appendAudit(tx, { ...auditBase(c), orgId: id, action: 'org.update', entity: 'org', entityId: id, changes: diffFields(before, fields) });
    return presentOrg(after, todayInChina(), reminderDays);
  });
}

/** Move an org and its whole subtree under another parent; paths of the subtree are rewritten at once. */
export async function moveOrg(c: Ctx, id: string, newParentId: string, version: number) {
  const { reminderDays } = await termRule(c);
  return c.db.transaction(async (tx) => {
    const node = await requireOrgInScope(c, tx, id);
    if (node.version !== version) throw errors.versionConflict();
    if (!node.parentId) throw errors.invalid('根组织不能迁移', 'The root organisation cannot be moved');
    const oldParent = await repo.getOrg(tx, node.parentId);
    if (!oldParent || !scopeCovers(c.actor.scope, oldParent)) throw errors.forbidden('迁移管辖范围的顶层组织');
    const target = await requireOrgInScope(c, tx, newParentId);
    if (target.path.startsWith(node.path))
      throw errors.invalid('不能迁移到自身或其下级组织之下', 'Cannot move an organisation under itself or its descendants');
    if (!target.active) throw errors.invalid('目标上级组织已停用', 'The new parent is deactivated');
    if (!canParent(target.level as OrgLevel, node.level as OrgLevel))
      throw errors.invalid('目标上级组织的层级必须高于该组织', 'The new parent must be of a higher level');
    if (target.id === node.parentId) throw errors.invalid('该组织已在此上级组织之下', 'It is already under that parent');
    const newPath = `${target.path}${node.id}/`;
    await repo.moveSubtree(tx, node.path, newPath, target.depth + 1 - node.depth);
    const [after] = await tx
      .update(org)
      .set({ parentId: target.id, version: node.version + 1, updatedAt: new Date() })
      .where(eq(org.id, id))
      .returning();
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(org)
      .where(sql`${org.path} LIKE ${newPath + '%'}`)) as [{ n: number }];
    await appendAudit(tx, {
      ...auditBase(c),
      orgId: id,
      action: 'org.move',
      entity: 'org',
      entityId: id,
      changes: { parentId: { from: node.parentId, to: target.id } },
      detail: `moved ${n} organisation(s) from “${oldParent.name}” to “${target.name}”`,
    });
    return presentOrg({ ...after!, parentName: target.name }, todayInChina(), reminderDays);
  });
}

/** Deactivate, never delete: an org keeps its records. Children must be moved or deactivated first. */
export async function setOrgActive(c: Ctx, id: string, active: boolean, version: number) {
  const { reminderDays } = await termRule(c);
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, id);
    if (o.version !== version) throw errors.versionConflict();
    if (!o.parentId) throw errors.invalid('根组织不能停用', 'The root organisation cannot be deactivated');
    // Like a move, (de)activating the top of one's own scope is for the level above (detail.can says so too).
    const parent = await repo.getOrg(tx, o.parentId);
    if (!parent || !scopeCovers(c.actor.scope, parent)) throw errors.forbidden('停用或启用管辖范围的顶层组织');
    if (o.active === active) throw errors.invalid(active ? '该组织已是启用状态' : '该组织已停用', active ? 'Already active' : 'Already deactivated');
    if (!active) {
      const counts = await repo.childCounts(tx, id);
      if (counts.activeChildCount > 0) {
        throw new AppError(
          409,
          'HAS_ACTIVE_CHILDREN',
          `该组织还有${counts.activeChildCount}个启用的下级组织，请先迁移或停用`,
          `It still has ${counts.activeChildCount} active child organisation(s)`,
        );
      }
    } else {
      if (!parent.active) throw errors.invalid('上级组织已停用，请先启用上级组织', 'Reactivate the parent first');
      if (o.uscc) await checkUnique(c, tx, o.code, o.uscc, o.id);
    }
    const [after] = await tx
      .update(org)
      .set({ active, version: o.version + 1, updatedAt: new Date() })
      .where(eq(org.id, id))
      .returning();
    await appendAudit(tx, {
      ...auditBase(c),
      orgId: id,
      action: active ? 'org.reactivate' : 'org.deactivate',
      entity: 'org',
      entityId: id,
      changes: { active: { from: o.active, to: active } },
    });
    return presentOrg(after!, todayInChina(), reminderDays);
  });
}

export async function orgTree(c: Ctx, parentId?: string) {
  if (parentId) await requireOrgInScope(c, c.db, parentId);
  return repo.treeChildren(c.db, c.actor.scope, parentId);
}

export async function searchOrgTree(c: Ctx, q: string) {
  const hits = await repo.searchTree(c.db, c.actor.scope, q);
  const allAncestorIds = [...new Set(hits.flatMap((h) => h.path.split('/').filter(Boolean).slice(0, -1)))];
  const names = new Map((await repo.getOrgsByIds(c.db, allAncestorIds)).map((a) => [a.id, a]));
  return hits.map(({ path, ...h }) => {
    const ids = path.split('/').filter(Boolean).slice(0, -1);
    const visible = ids.filter((aid) => {
      const a = names.get(aid);
      return a && scopeCovers(c.actor.scope, a);
    });
    return { ...h, ancestorIds: visible, pathNames: visible.map((aid) => names.get(aid)!.name) };
  });
}
