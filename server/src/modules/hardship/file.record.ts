import { and, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { hardshipFile, hardshipHouseholdMember, type HardshipFileRow } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import { maskIdNumber } from '../../../../common/src/id-number.js';
import { maskMobile } from '../../../../common/src/mobile.js';
import type { HardshipFields } from '../../../../common/src/hardship-input.js';
import { errors } from '../../platform/errors.js';
import { scopeCovers } from '../../platform/scope.js';
import type { KeyRing } from '../../platform/crypto.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';

export const idIndexOfPerson = (keys: KeyRing, idNumber: string) => keys.blindIndex(idNumber, 'id');

/** Load a file whose union is in the caller's scope; anything else looks missing (404). */
export async function requireFileInScope(
  c: Pick<Ctx, 'actor'>,
  exec: Executor,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<HardshipFileRow & { orgPath: string }> {
  const q = exec.select({ f: hardshipFile, path: org.path }).from(hardshipFile).innerJoin(org, eq(org.id, hardshipFile.orgId)).where(eq(hardshipFile.id, id));
  const [row] = opts.lock ? await q.for('update', { of: hardshipFile }) : await q;
  if (!row || !scopeCovers(c.actor.scope, { id: row.f.orgId, path: row.path })) throw errors.notFound('困难职工档案', 'hardship file');
  return { ...row.f, orgPath: row.path };
}

/** The region whose subsistence line applies: the union's region code, else its nearest ancestor's. */
export async function regionOfOrg(exec: Executor, orgId: string): Promise<string | null> {
  const [o] = await exec.select({ path: org.path, regionCode: org.regionCode }).from(org).where(eq(org.id, orgId));
  if (!o) return null;
  if (o.regionCode) return o.regionCode;
  const ids = o.path.split('/').filter(Boolean);
  const rows = await exec.select({ id: org.id, regionCode: org.regionCode }).from(org).where(inArray(org.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r.regionCode]));
  for (const id of ids.reverse()) if (byId.get(id)) return byId.get(id)!;
  return null;
}

export async function nextFileNo(exec: Executor, year: string): Promise<string> {
  const res = (await exec.execute(sql`SELECT nextval('hardship_file_seq')::bigint AS n`)) as unknown as { rows: { n: number | string }[] };
  return 'KN' + year + String(res.rows[0]!.n).padStart(6, '0');
}

/**
 * The stored columns of the archive form. Dates of new facts are derived by comparing with the
 * previous version: health becoming serious illness (新发大病), employment becoming unemployed, a
 * disaster being flagged (its date, or today). These dates are what the warning keys are made of;
 * the monitoring scan raises a disaster warning when the disaster is dated on or after the application.
 */
export function fileColumns(f: HardshipFields, today: string, prev?: HardshipFileRow) {
  // Facts known when the file is opened are why it is opened, not new signals: they get no date.
  const arisen = (now: boolean, before: boolean | undefined, since: string | null | undefined) => (!now || !prev ? null : before ? (since ?? null) : today);
  const seriousIllnessSince = arisen(f.health === 'serious_illness', prev?.health === 'serious_illness', prev?.seriousIllnessSince);
  const jobLostOn = arisen(f.employmentStatus === 'unemployed', prev?.employmentStatus === 'unemployed', prev?.jobLostOn);
  const disasterOn = !f.disaster ? null : (f.disasterOn ?? (prev?.disaster ? prev.disasterOn : prev ? today : null));
  return {
    name: f.name,
    address: f.address,
    employerName: f.employerName,
    migrantWorker: f.migrantWorker,
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
    monthlyIncomeFen: f.monthlyIncomeFen,
    annualIncomeFen: f.annualIncomeFen,
    rigidMedicalFen: f.rigidMedicalFen,
    rigidSchoolingFen: f.rigidSchoolingFen,
    accidentCostFen: f.accidentCostFen,
    disaster: f.disaster,
    disasterOn,
    workAccident: f.workAccident,
    seriousIllnessSince,
    jobLostOn,
    mainCause: f.mainCause,
    otherCauses: [...new Set(f.otherCauses.filter((x) => x !== f.mainCause))],
    householdSize: 1 + f.household.length,
  };
}

export function identityColumns(keys: KeyRing, id: { value: string; birthDate: string; sex: string }) {
  return { idCipher: keys.encrypt(id.value), idIndex: idIndexOfPerson(keys, id.value), idMasked: maskIdNumber(id.value), birthDate: id.birthDate, sex: id.sex };
}

export function mobileColumns(keys: KeyRing, mobile: string | null) {
  return { mobileCipher: mobile ? keys.encrypt(mobile) : null, mobileMasked: mobile ? maskMobile(mobile) : null };
}

/** Replace the household list; members sent with their `id` and no ID number keep the stored (encrypted) one. */
export async function writeHousehold(exec: Executor, keys: KeyRing, file: { id: string; orgId: string }, members: HardshipFields['household']) {
  const old = await exec.select().from(hardshipHouseholdMember).where(eq(hardshipHouseholdMember.fileId, file.id));
  const byId = new Map(old.map((m) => [m.id, m]));
  for (const m of members) if (m.id && !byId.has(m.id)) throw errors.invalid('家庭成员编号不属于该档案', 'A household member id does not belong to this file');
  await exec.delete(hardshipHouseholdMember).where(eq(hardshipHouseholdMember.fileId, file.id));
  if (!members.length) return;
  await exec.insert(hardshipHouseholdMember).values(
    members.map((m) => {
      const prev = m.id ? byId.get(m.id) : undefined;
      const id = m.idNumber
        ? {
            idCipher: keys.encrypt(m.idNumber.value),
            idIndex: idIndexOfPerson(keys, m.idNumber.value),
            idMasked: maskIdNumber(m.idNumber.value),
            birthDate: m.idNumber.birthDate,
          }
        : m.idNumber === null || !prev
          ? { idCipher: null, idIndex: null, idMasked: null, birthDate: null }
          : { idCipher: prev.idCipher, idIndex: prev.idIndex, idMasked: prev.idMasked, birthDate: prev.birthDate };
      return {
        id: m.id ?? uuidv7(),
        fileId: file.id,
        orgId: file.orgId,
        name: m.name,
        relationship: m.relationship,
        ...id,
        health: m.health,
        employmentStatus: m.employmentStatus,
        annualIncomeFen: m.annualIncomeFen,
      };
    }),
  );
}

/** Whether a person already has a live file (one per person), and where. */
export async function liveFileOf(exec: Executor, idIndex: string, exceptId?: string) {
  const rows = await exec
    .select({ id: hardshipFile.id, fileNo: hardshipFile.fileNo, orgId: hardshipFile.orgId, status: hardshipFile.status })
    .from(hardshipFile)
    .where(and(eq(hardshipFile.idIndex, idIndex), inArray(hardshipFile.status, ['applied', 'reviewing', 'filed', 'exited'])));
  return rows.find((r) => r.id !== exceptId);
}

export const num = (v: number | string | bigint | null) => (v === null ? null : Number(v));

export function presentListItem(f: HardshipFileRow & { orgName: string }, today: string) {
  return {
    id: f.id,
    fileNo: f.fileNo,
    name: f.name,
    idMasked: f.idMasked,
    sex: f.sex,
    orgId: f.orgId,
    orgName: f.orgName,
    status: f.status,
    tier: f.tier,
    mainCause: f.mainCause,
    householdSize: f.householdSize,
    perCapitaMonthlyFen: num(f.perCapitaMonthlyFen),
    appliedOn: f.appliedOn,
    filedOn: f.filedOn,
    nextReviewDue: f.nextReviewDue,
    reviewOverdue: f.status === 'filed' && !!f.nextReviewDue && f.nextReviewDue < today,
    exitOn: f.exitOn,
    monitoringUntil: f.monitoringUntil,
    relapseCount: f.relapseCount,
    migrantWorker: f.migrantWorker,
    version: f.version,
  };
}
