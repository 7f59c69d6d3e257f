import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { hardshipFile, hardshipHouseholdMember, hardshipVisit, type HardshipFileRow } from './hardship.schema.js';
import { member } from '../member/member.schema.js';
import { org } from '../org/org.schema.js';
import * as repo from './file.repo.js';
import { actorOf, addEvent, auditOf, type Actorish } from './hardship.shared.js';
import {
  fileColumns,
  identityColumns,
  liveFileOf,
  mobileColumns,
  nextFileNo,
  num,
  presentListItem,
  regionOfOrg,
  requireFileInScope,
  writeHousehold,
} from './file.record.js';
import { loadRules, tierColumns, tierInputOf } from './rules.service.js';
import { actsAtLevel, nextReviewOrg } from './workflow.service.js';
import { evaluateTier } from '../../../../common/src/hardship-tier.js';
import { FILE_FLOW, type FileAction } from '../../../../common/src/hardship-workflow.js';
import { allowedActions } from '../../../../common/src/workflow.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { HardshipFields } from '../../../../common/src/hardship-input.js';
import { AppError, errors } from '../../platform/errors.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import { maskOrgName } from '../../../../common/src/org.js';
import { scopeCovers, type Scope } from '../../platform/scope.js';
import { requireOrgInScope } from '../org/org.service.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { FileCreate, FileListParams, FileUpdate } from '../../../../common/src/contracts/hardship-files.js';

/** A person already has a live file. The union and file number are named only to a caller whose scope covers them. */
export function alreadyFiled(where: { unionName: string; fileNo: string } | null) {
  return where
    ? new AppError(
        409,
        'HARDSHIP_FILE_EXISTS',
        `此人已有困难职工档案（${where.unionName}，${where.fileNo}），一人只能有一份在档档案`,
        `This person already has a live hardship file (${where.fileNo})`,
        { fileNo: where.fileNo },
      )
    : new AppError(
        409,
        'HARDSHIP_FILE_EXISTS',
        '此人已有困难职工档案或申请正在办理，一人只能有一份；如需变更请联系所在工会',
        'This person already has a live hardship file or application; contact the union',
      );
}

async function existingError(exec: Executor, existing: { orgId: string; fileNo: string }, scope: Scope | null) {
  const [o] = await exec.select({ id: org.id, path: org.path, name: org.name }).from(org).where(eq(org.id, existing.orgId));
  return alreadyFiled(scope && o && scopeCovers(scope, o) ? { unionName: o.name, fileNo: existing.fileNo } : null);
}

async function requireHoldingUnion(exec: Executor, orgId: string, c?: Ctx) {
  const o = c ? await requireOrgInScope(c, exec, orgId) : (await exec.select().from(org).where(eq(org.id, orgId)))[0];
  if (!o || !o.active || !['grassroots', 'street'].includes(o.level)) {
    throw errors.invalid('困难职工档案由基层工会或乡镇（街道）、园区工会负责，请选择正确的工会', 'Files belong to a grassroots or street/park union');
  }
  return o;
}

interface NewFile {
  orgId: string;
  memberId: string | null;
  origin: 'application' | 'discovery';
  idNumber: { value: string; birthDate: string; sex: string };
  mobile: string | null;
  fields: HardshipFields;
  consent?: { version: string };
  /** The caller's scope (null for the public application): decides what a refusal may name. */
  scope: Scope | null;
}

/** Insert a new file in status `applied` with its household and computed tier (no audit: callers add theirs). */
export async function insertFile(s: Pick<Services, 'keys'>, exec: Executor, input: NewFile, a: Actorish, isDemo = false) {
  const today = todayInChina();
  const idCols = identityColumns(s.keys, input.idNumber);
  const existing = await liveFileOf(exec, idCols.idIndex);
  if (existing) throw await existingError(exec, existing, input.scope);
  let memberId = input.memberId;
  if (memberId) {
    const [m] = await exec.select({ idIndex: member.idIndex }).from(member).where(eq(member.id, memberId));
    if (!m || m.idIndex !== idCols.idIndex) throw errors.invalid('所选会员与身份证号不一致', 'The member does not match the ID number');
  } else {
    const [m] = await exec.select({ id: member.id }).from(member).where(eq(member.idIndex, idCols.idIndex));
    memberId = m?.id ?? null;
  }
  const regionCode = input.fields.regionCode ?? (await regionOfOrg(exec, input.orgId));
  if (!regionCode) throw errors.invalid('所在工会未设置行政区划代码，请填写地区代码', 'The union has no region code; enter one');
  const cols = { ...fileColumns(input.fields, today), regionCode };
  const rules = await loadRules(exec);
  const tier = evaluateTier(tierInputOf(cols, today), rules.lines, rules.ruleSets);
  const id = uuidv7();
  const row = {
    id,
    fileNo: await nextFileNo(exec, today.slice(0, 4)),
    orgId: input.orgId,
    memberId,
    ...idCols,
    ...mobileColumns(s.keys, input.mobile),
    ...cols,
    ...tierColumns(tier),
    status: 'applied',
    origin: input.origin,
    appliedOn: today,
    consentVersion: input.consent?.version ?? null,
    consentAt: input.consent ? new Date() : null,
    createdBy: a.userId,
    isDemo,
  };
  await exec.insert(hardshipFile).values(row);
  await writeHousehold(exec, s.keys, { id, orgId: input.orgId }, input.fields.household);
  await addEvent(exec, { id, orgId: input.orgId }, input.origin === 'application' ? 'applied' : 'opened', a, { data: { tier: tier.tier } });
  return { id, fileNo: row.fileNo, status: 'applied', tier: tier.tier, version: 1, tierResult: tier };
}

/** A cadre opens a file (after a visit: 主动发现, or from a paper application). */
export async function createFile(c: Ctx, input: FileCreate) {
  return c.db.transaction(async (tx) => {
    await requireHoldingUnion(tx, input.orgId, c);
    const a = actorOf(c);
    const made = await insertFile(c, tx, { ...input, origin: input.origin, scope: c.actor.scope }, a);
    if (input.visit) {
      await tx.insert(hardshipVisit).values({
        id: uuidv7(),
        fileId: made.id,
        orgId: input.orgId,
        kind: 'discovery',
        visitedOn: input.visit.visitedOn,
        visitor: input.visit.visitor,
        findings: input.visit.findings,
        createdBy: c.actor.userId,
      });
    }
    await appendAudit(
      tx,
      auditOf(a, input.orgId, 'hardship.create', made.id, {
        changes: { fileNo: made.fileNo, name: input.fields.name, origin: input.origin, tier: made.tier, idNumber: '[encrypted]' },
      }),
    );
    const { tierResult: _t, ...ref } = made;
    return ref;
  });
}

/** Change the form's figures: the tier is re-evaluated with the rules in force today. */
export async function updateFile(c: Ctx, id: string, input: FileUpdate) {
  return c.db.transaction(async (tx) => {
    const before = await requireFileInScope(c, tx, id, { lock: true });
    if (before.version !== input.version) throw errors.versionConflict();
    if (before.status === 'rejected') throw errors.invalid('未通过的档案不能修改', 'A rejected file cannot be edited');
    const today = todayInChina();
    const idCols = input.idNumber ? identityColumns(c.keys, input.idNumber) : null;
    if (idCols && idCols.idIndex !== before.idIndex) {
      const other = await liveFileOf(tx, idCols.idIndex, id);
      if (other) throw await existingError(tx, other, c.actor.scope);
    }
    const cols = { ...fileColumns(input.fields, today, before), regionCode: input.fields.regionCode ?? before.regionCode };
    const rules = await loadRules(tx);
    const tier = evaluateTier(tierInputOf(cols, today), rules.lines, rules.ruleSets);
    const set = {
      ...cols,
      ...tierColumns(tier),
      ...(idCols ?? {}),
      ...(input.mobile !== undefined ? mobileColumns(c.keys, input.mobile) : {}),
      version: before.version + 1,
      updatedAt: new Date(),
    };
    const [after] = await tx
      .update(hardshipFile)
      .set(set)
      .where(and(eq(hardshipFile.id, id), eq(hardshipFile.version, input.version)))
      .returning();
    if (!after) throw errors.versionConflict();
    await writeHousehold(tx, c.keys, { id, orgId: before.orgId }, input.fields.household);
    const changes = diffFields(plainOf(before), plainOf(after));
    if (idCols && idCols.idIndex !== before.idIndex) changes.idNumber = '[changed]';
    if (input.mobile !== undefined) changes.mobile = '[changed]';
    if (before.tier !== after.tier) await addEvent(tx, before, 'tier_changed', actorOf(c), { data: { from: before.tier, to: after.tier } });
    await appendAudit(tx, auditOf(actorOf(c), before.orgId, 'hardship.update', id, { changes }));
    return { id, fileNo: after.fileNo, status: after.status, tier: after.tier, version: after.version };
  });
}

function plainOf(f: HardshipFileRow) {
  const { idCipher: _a, idIndex: _b, mobileCipher: _c, tierSnapshot: _d, exitSnapshot: _e, updatedAt: _f, createdAt: _g, version: _h, ...rest } = f;
  return rest as unknown as Record<string, unknown>;
}

export async function listFiles(c: Ctx, p: FileListParams) {
  const today = todayInChina();
  const page = await repo.files.list(c, p);
  const names = await repo.orgNames(
    c.db,
    page.items.map((f) => f.orgId),
  );
  return { ...page, items: page.items.map((f) => presentListItem({ ...f, orgName: names.get(f.orgId) ?? '' }, today)) };
}

/**
 * The workflow steps this caller may take on the file now: the machine's, for the caller's
 * permissions, less those the file's own rules forbid (a review level belongs to its union or one
 * above it).
 */
function actionsOn(c: Ctx, f: HardshipFileRow, next: { path: string } | null): FileAction[] {
  return allowedActions(FILE_FLOW, f.status, c.actor.permissions).filter(
    (a) => f.status !== 'reviewing' || (a !== 'review' && a !== 'reject') || actsAtLevel(c.actor.orgPath, next),
  );
}

export async function getFileDetail(c: Ctx, id: string) {
  const f = await requireFileInScope(c, c.db, id);
  const today = todayInChina();
  const [o] = await c.db.select({ name: org.name }).from(org).where(eq(org.id, f.orgId));
  const parts = await repo.fileParts(c.db, id);
  const next = f.status === 'reviewing' ? await nextReviewOrg(c.db, f) : null;
  const nextOrg = next && { id: next.id, level: next.level, name: scopeCovers(c.actor.scope, next) ? next.name : maskOrgName(next.name) };
  const has = (p: Parameters<typeof c.actor.permissions.has>[0]) => c.actor.permissions.has(p);
  return {
    ...presentListItem({ ...f, orgName: o?.name ?? '' }, today),
    memberId: f.memberId,
    birthDate: f.birthDate,
    mobileMasked: f.mobileMasked,
    regionCode: f.regionCode,
    address: f.address,
    employerName: f.employerName,
    cityWorkSince: f.cityWorkSince,
    health: f.health,
    disability: f.disability,
    employmentStatus: f.employmentStatus,
    housing: f.housing,
    industry: f.industry,
    maritalStatus: f.maritalStatus,
    hukouType: f.hukouType,
    singleParent: f.singleParent,
    zeroEmployment: f.zeroEmployment,
    monthlyIncomeFen: Number(f.monthlyIncomeFen),
    annualIncomeFen: Number(f.annualIncomeFen),
    rigidMedicalFen: Number(f.rigidMedicalFen),
    rigidSchoolingFen: Number(f.rigidSchoolingFen),
    accidentCostFen: Number(f.accidentCostFen),
    disaster: f.disaster,
    disasterOn: f.disasterOn,
    workAccident: f.workAccident,
    seriousIllnessSince: f.seriousIllnessSince,
    jobLostOn: f.jobLostOn,
    otherCauses: f.otherCauses,
    origin: f.origin,
    tierSnapshot: f.tierSnapshot ?? null,
    reviewLevelsRequired: f.reviewLevelsRequired,
    reviewLevelsDone: f.reviewLevelsDone,
    exitReason: f.exitReason,
    exitNote: f.exitNote,
    exitSnapshot: f.exitSnapshot ?? null,
    lastRelapseOn: f.lastRelapseOn,
    rejectReason: f.rejectReason,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    household: parts.household.map((m) => ({
      id: m.id,
      name: m.name,
      relationship: m.relationship,
      idMasked: m.idMasked,
      birthDate: m.birthDate,
      health: m.health,
      employmentStatus: m.employmentStatus,
      annualIncomeFen: Number(m.annualIncomeFen),
    })),
    attachments: parts.attachments.map((x) => ({ ...x, createdAt: x.createdAt.toISOString() })),
    // Names of unions outside the caller's scope (the levels above a grassroots chair) are masked, as for members.
    events: parts.events.map(({ actorOrgId, actorOrgPath, actorOrgName, ...e }) => ({
      ...e,
      actorOrgName:
        actorOrgName && actorOrgId && actorOrgPath && !scopeCovers(c.actor.scope, { id: actorOrgId, path: actorOrgPath })
          ? maskOrgName(actorOrgName)
          : actorOrgName,
    })),
    visits: parts.visits.map((v) => ({
      id: v.id,
      kind: v.kind,
      dueOn: v.dueOn,
      visitedOn: v.visitedOn,
      visitor: v.visitor,
      findings: v.findings,
      overdue: !v.visitedOn && !!v.dueOn && v.dueOn < today,
    })),
    aid: parts.aid.map((x) => ({ ...x, amountFen: num(x.amountFen)!, budgetLine: x.budgetLine ?? null })),
    openWarnings: parts.warnings,
    nextReviewLevelOrg: nextOrg,
    actions: actionsOn(c, f, next),
    can: {
      edit: has('hardship.write') && f.status !== 'rejected',
      visit: has('hardship.write') && f.status !== 'rejected',
      attach: has('hardship.write') && f.status !== 'rejected',
      unmask: has('hardship.unmask'),
      aid: has('aid.write') && ['filed', 'exited'].includes(f.status),
    },
  };
}

/** Reveal the worker's and the household's ID numbers and the mobile: needs hardship.unmask, always audited. */
export async function unmaskFile(c: Ctx, id: string) {
  const f = await requireFileInScope(c, c.db, id);
  const hh = await c.db.select().from(hardshipHouseholdMember).where(eq(hardshipHouseholdMember.fileId, id));
  await c.db.transaction((tx) =>
    appendAudit(
      tx,
      auditOf(actorOf(c), f.orgId, 'hardship.unmask', id, { detail: `revealed ID numbers (worker and ${hh.length} household member(s)) and mobile` }),
    ),
  );
  return {
    idNumber: c.keys.decrypt(f.idCipher),
    mobile: f.mobileCipher ? c.keys.decrypt(f.mobileCipher) : null,
    household: hh.map((m) => ({ id: m.id, name: m.name, idNumber: m.idCipher ? c.keys.decrypt(m.idCipher) : null })),
  };
}

export { requireHoldingUnion };
