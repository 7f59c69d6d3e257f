/**
 * Demo records of the dispute cases (docs/rights.md "Evidence, agreement, payments, arbitration"):
 * evidence on a third of the cases, the signatures and payment schedule of every agreement —
 * paid in full on closed cases, some instalments missed on open agreements (a breach), half of
 * those referred to arbitration — and arbitration milestones on referred and failed cases.
 * Deterministic, dates relative to DEMO_REFERENCE_DATE.
 */
import {
  disputeEvidence,
  disputeInstalment,
  disputePayment,
  disputeMilestone,
  disputeReferral,
  disputeSignature,
  type disputeCase,
} from '../modules/dispute/dispute.schema.js';
import { EVIDENCE_KINDS } from '../../../common/src/dispute-records.js';
import { addDays, type Rng } from './prng.js';
import { DEMO_REFERENCE_DATE } from './demo-city.js';
import type { Executor } from '../db/client.js';

const REF = DEMO_REFERENCE_DATE;
const min = (a: string, b: string) => (a < b ? a : b);
/** A one-page PDF: enough for the evidence list, a download and its type check. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const DEMO_SHA = 'demo';
const COMMISSION = '江城市劳动人事争议仲裁委员会';

type Case = typeof disputeCase.$inferInsert;

export interface DemoRecordsReport {
  evidence: number;
  instalments: number;
  breached: number;
  referrals: number;
  milestones: number;
}

export async function seedDemoDisputeRecords(tx: Executor, rng: Rng, cases: Case[]): Promise<DemoRecordsReport> {
  const evidence: (typeof disputeEvidence.$inferInsert)[] = [];
  const signatures: (typeof disputeSignature.$inferInsert)[] = [];
  const instalments: (typeof disputeInstalment.$inferInsert)[] = [];
  const payments: (typeof disputePayment.$inferInsert)[] = [];
  const referrals: (typeof disputeReferral.$inferInsert)[] = [];
  const milestones: (typeof disputeMilestone.$inferInsert)[] = [];
  let breached = 0;
  const milestonesFrom = (c: Case, appliedOn: string) => {
    const steps: [string, number][] = [
      ['application', 0],
      ['acceptance', rng.int(2, 5)],
      ['hearing', rng.int(20, 35)],
      ['award', rng.int(38, 44)],
    ];
    for (const [kind, days] of steps) {
      const on = addDays(appliedOn, days);
      if (on > REF) break;
      milestones.push({
        id: rng.uuid(),
        disputeId: c.id,
        orgId: c.orgId,
        kind,
        onDate: on,
        reference: kind === 'application' || kind === 'award' ? `江劳人仲案字〔${on.slice(0, 4)}〕${rng.int(100, 999)}号` : null,
      });
    }
  };
  cases.forEach((c, i) => {
    const caseEvidence: { id: string; kind: string; fileName: string }[] = [];
    if (i % 3 === 0 && c.status !== 'rejected') {
      const kind = rng.pick(EVIDENCE_KINDS);
      const e = { id: rng.uuid(), kind, fileName: `${kind === 'payslip' ? '工资条' : kind === 'contract' ? '劳动合同' : '证据材料'}-${c.caseNo}.pdf` };
      caseEvidence.push(e);
      evidence.push({ ...e, disputeId: c.id, orgId: c.orgId, mime: 'application/pdf', size: DEMO_PDF.length, sha256: DEMO_SHA, data: DEMO_PDF });
    }
    if (c.agreedOn && c.agreementAmountFen) {
      for (const role of ['applicant', 'employer', 'mediator']) {
        signatures.push({
          id: rng.uuid(),
          disputeId: c.id,
          orgId: c.orgId,
          role,
          signerName: role === 'applicant' ? c.firstApplicant : role === 'employer' ? c.employerName : '调解员',
          signedOn: c.agreedOn,
          method: 'upload',
        });
      }
      const n = rng.int(1, 3);
      const base = Math.floor(c.agreementAmountFen / n);
      const missedOnes: { seq: number; dueOn: string; amountFen: number; paidFen: number }[] = [];
      for (let k = 1; k <= n; k++) {
        const dueOn = addDays(c.agreedOn, 15 * k);
        const amountFen = k === n ? c.agreementAmountFen - base * (n - 1) : base;
        // Closed agreements were performed; open ones miss an instalment past its day one time in four.
        const miss = c.status === 'agreed' && dueOn < REF && (missedOnes.length > 0 || rng.chance(0.25));
        const paidOn = c.status === 'closed' ? min(dueOn, REF) : dueOn < REF && !miss ? dueOn : null;
        // Every other breached case had part of its first missed instalment paid on the day (a partial payment).
        const partFen = miss && !missedOnes.length && i % 2 === 0 ? Math.floor(amountFen / 2) : 0;
        if (miss) missedOnes.push({ seq: k, dueOn, amountFen, paidFen: partFen });
        const paidFen = paidOn ? amountFen : partFen;
        instalments.push({
          id: rng.uuid(),
          disputeId: c.id,
          orgId: c.orgId,
          seq: k,
          dueOn,
          amountFen,
          paidOn,
          paidFen,
          breachNoticeOn: miss ? addDays(dueOn, 1) : null,
        });
        if (paidFen)
          payments.push({
            id: `${c.id.slice(0, 24)}${String(k).padStart(12, '0')}`,
            disputeId: c.id,
            orgId: c.orgId,
            seq: k,
            amountFen: paidFen,
            paidOn: paidOn ?? dueOn,
          });
      }
      if (missedOnes.length) {
        breached++;
        const referredOn = addDays(missedOnes[0]!.dueOn, rng.int(3, 10));
        if (rng.chance(0.5) && referredOn <= REF) {
          referrals.push({
            id: rng.uuid(),
            disputeId: c.id,
            orgId: c.orgId,
            ground: 'breach',
            referredOn,
            commission: COMMISSION,
            note: '用人单位未按调解协议履行',
            file: { missed: missedOnes, evidence: caseEvidence, agreedOn: c.agreedOn, agreementAmountFen: c.agreementAmountFen },
          });
          milestonesFrom(c, addDays(referredOn, rng.int(1, 5)));
        }
      }
    } else if (c.failReason && rng.chance(0.4)) {
      const referredOn = min(addDays(c.receivedOn, rng.int(16, 25)), REF);
      referrals.push({
        id: rng.uuid(),
        disputeId: c.id,
        orgId: c.orgId,
        ground: 'no_agreement',
        referredOn,
        commission: COMMISSION,
        note: null,
        file: { missed: [], evidence: caseEvidence, agreedOn: null, agreementAmountFen: null },
      });
      milestonesFrom(c, min(addDays(referredOn, rng.int(1, 5)), REF));
    }
  });
  const put = async <T>(table: Parameters<Executor['insert']>[0], rows: T[], size: number) => {
    for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size) as never);
  };
  await put(disputeEvidence, evidence, 200);
  await put(disputeSignature, signatures, 1000);
  await put(disputeInstalment, instalments, 1000);
  await put(disputePayment, payments, 1000);
  await put(disputeReferral, referrals, 500);
  await put(disputeMilestone, milestones, 1000);
  return { evidence: evidence.length, instalments: instalments.length, breached, referrals: referrals.length, milestones: milestones.length };
}
