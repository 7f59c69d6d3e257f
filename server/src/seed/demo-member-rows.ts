/**
 * Turns the demo registry (demo-member-gen.ts) into database rows, 5,000 members at a time: ID
 * numbers and mobiles encrypted (AES-256-GCM) with their HMAC blind indexes through
 * buildMemberRecord, exactly as for a member entered by hand. This is the CPU-heavy half of the
 * seed, so it can run in a worker thread (demo-members.worker.ts) while the main thread inserts.
 */
import { buildMemberRecord, idIndexOf } from '../modules/member/member.record.js';
import { CURRENT_CONSENT_VERSION } from '../../../common/src/member-input.js';
import { maskIdNumber } from '../../../common/src/id-number.js';
import { maskMobile } from '../../../common/src/mobile.js';
import { DEMO_REFERENCE_DATE, type DemoOrg } from './demo-city.js';
import { generateDemoApplications, generateDemoMembers, type DemoMember, type DemoMemberOptions } from './demo-member-gen.js';
import { idNumberFactory } from './demo-people.js';
import type { KeyRing } from '../platform/crypto.js';

export const BATCH = 5000;

/** Column name and PostgreSQL type, in the order of the row arrays below. */
export type Columns = readonly (readonly [string, string])[];

export const MEMBER_COLS: Columns = [
  ['id', 'uuid'],
  ['org_id', 'uuid'],
  ['name', 'text'],
  ['name_grams', 'text'],
  ['id_cipher', 'text'],
  ['id_index', 'text'],
  ['id_kind', 'text'],
  ['id_masked', 'text'],
  ['birth_date', 'date'],
  ['sex', 'text'],
  ['mobile_cipher', 'text'],
  ['mobile_index', 'text'],
  ['mobile_masked', 'text'],
  ['ethnicity', 'text'],
  ['education', 'text'],
  ['political_status', 'text'],
  ['employment_form', 'text'],
  ['migrant_worker', 'bool'],
  ['occupation', 'text'],
  ['employer_name', 'text'],
  ['join_date', 'date'],
  ['card_no', 'text'],
  ['status', 'text'],
  ['consent_version', 'text'],
  ['consent_at', 'timestamptz'],
  ['consent_method', 'text'],
  ['legal_basis', 'text'],
  ['consent_status', 'text'],
  ['row_hash', 'text'],
  ['is_demo', 'bool'],
];
export const EVENT_COLS: Columns = [
  ['id', 'uuid'],
  ['member_id', 'uuid'],
  ['org_id', 'uuid'],
  ['kind', 'text'],
  ['on_date', 'date'],
  ['reason', 'text'],
  ['ref_id', 'uuid'],
];
export const TRANSFER_COLS: Columns = [
  ['id', 'uuid'],
  ['member_id', 'uuid'],
  ['from_org_id', 'uuid'],
  ['to_org_id', 'uuid'],
  ['initiated_by', 'text'],
  ['reason', 'text'],
  ['status', 'text'],
  ['prev_status', 'text'],
  ['from_confirmed_at', 'timestamptz'],
  ['to_confirmed_at', 'timestamptz'],
  ['completed_on', 'date'],
  ['created_at', 'timestamptz'],
];
export const APPLICATION_COLS: Columns = [
  ['id', 'uuid'],
  ['app_no', 'text'],
  ['org_id', 'uuid'],
  ['name', 'text'],
  ['id_cipher', 'text'],
  ['id_index', 'text'],
  ['id_masked', 'text'],
  ['mobile_cipher', 'text'],
  ['mobile_masked', 'text'],
  ['payload', 'jsonb'],
  ['employer_name', 'text'],
  ['via_territorial', 'bool'],
  ['consent_version', 'text'],
  ['consent_at', 'timestamptz'],
  ['status', 'text'],
  ['submitted_on', 'date'],
  ['due_on', 'date'],
];

export type DemoBatch =
  | { kind: 'members'; members: unknown[][]; events: unknown[][]; transfers: unknown[][]; pendingTransfers: number }
  | { kind: 'applications'; applications: unknown[][]; overdue: number };

const at = (isoDate: string, hhmm = '09:30') => `${isoDate}T${hhmm}:00+08:00`;

function memberBatch(keys: KeyRing, batch: readonly DemoMember[]): DemoBatch {
  const members: unknown[][] = [];
  const events: unknown[][] = [];
  const transfers: unknown[][] = [];
  let pendingTransfers = 0;
  for (const m of batch) {
    const rec = buildMemberRecord(keys, m.person);
    // Consent to the current notice: gig workers who joined since 2020 mostly did so online; the others signed on paper.
    const online = m.person.employmentForm !== 'standard' && m.person.joinDate >= '2020-01-01';
    // One standard employee in ten came in on an HR roster import and has not confirmed the notice yet.
    const imported = m.person.employmentForm === 'standard' && m.cardNo.endsWith('7');
    members.push([
      m.id,
      m.orgId,
      rec.name,
      rec.nameGrams.join(' '),
      rec.idCipher,
      rec.idIndex,
      rec.idKind,
      rec.idMasked,
      rec.birthDate,
      rec.sex,
      rec.mobileCipher,
      rec.mobileIndex,
      rec.mobileMasked,
      rec.ethnicity,
      rec.education,
      rec.politicalStatus,
      rec.employmentForm,
      rec.migrantWorker,
      rec.occupation,
      rec.employerName,
      rec.joinDate,
      m.cardNo,
      m.status,
      imported ? null : CURRENT_CONSENT_VERSION,
      imported ? null : at(m.person.joinDate > '2026-01-05' ? m.person.joinDate : '2026-01-05'),
      imported ? null : online ? 'online' : 'paper',
      imported ? 'hr_management' : 'consent',
      imported ? 'to_collect' : 'given',
      rec.rowHash,
      true,
    ]);
    for (const e of m.events) events.push([e.id, m.id, e.orgId, e.kind, e.onDate, e.reason, e.refId]);
    const t = m.transfer;
    if (t) {
      if (t.status === 'pending') pendingTransfers++;
      transfers.push([
        t.id,
        t.memberId,
        t.fromOrgId,
        t.toOrgId,
        t.initiatedBy,
        t.reason,
        t.status,
        t.prevStatus,
        t.fromConfirmed ? at(t.completedOn ?? t.createdOn, '10:00') : null,
        t.toConfirmed ? at(t.completedOn ?? t.createdOn, '15:00') : null,
        t.completedOn,
        at(t.createdOn, '09:00'),
      ]);
    }
  }
  return { kind: 'members', members, events, transfers, pendingTransfers };
}

/** Every batch of rows of the demo registry, members first (BATCH at a time), then the join applications. */
export function* demoRowBatches(keys: KeyRing, orgs: readonly DemoOrg[], opts: DemoMemberOptions): Generator<DemoBatch> {
  const nextId = idNumberFactory(); // shared, so no applicant has the ID number of a member
  let batch: DemoMember[] = [];
  for (const m of generateDemoMembers(orgs, opts, nextId)) {
    batch.push(m);
    if (batch.length >= BATCH) {
      yield memberBatch(keys, batch);
      batch = [];
    }
  }
  if (batch.length) yield memberBatch(keys, batch);

  const apps = generateDemoApplications(orgs, opts, nextId);
  const applications = apps.map((a) => {
    const p = a.person;
    const payload = {
      idKind: p.idKind,
      birthDate: p.birthDate,
      sex: p.sex,
      ethnicity: p.ethnicity,
      education: p.education,
      politicalStatus: p.politicalStatus,
      employmentForm: p.employmentForm,
      migrantWorker: p.migrantWorker,
      occupation: p.occupation,
    };
    return [
      a.id,
      a.appNo,
      a.orgId,
      p.name,
      keys.encrypt(p.idNumber),
      idIndexOf(keys, p.idNumber),
      maskIdNumber(p.idNumber),
      keys.encrypt(p.mobile!),
      maskMobile(p.mobile!),
      JSON.stringify(payload),
      p.employerName,
      a.viaTerritorial,
      CURRENT_CONSENT_VERSION,
      at(a.submittedOn, '20:15'),
      'pending',
      a.submittedOn,
      a.dueOn,
    ];
  });
  yield { kind: 'applications', applications, overdue: apps.filter((a) => a.dueOn < DEMO_REFERENCE_DATE).length };
}
