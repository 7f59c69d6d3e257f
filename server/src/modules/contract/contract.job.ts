import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { bargaining } from './contract.schema.js';
import { BARGAINING_MACHINE } from '../../../../common/src/contract-vocab.js';
import { contractExpiresOn } from '../../../../common/src/congress-rules.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { closeDeadlines } from '../../platform/deadline-track.js';
import type { Services } from '../../platform/context.js';

/** Who the audit log names for a change the daily job made (no user acted). */
export const CONTRACT_JOB_ACTOR = 'system';

export interface ContractJobResult {
  effective: string[];
  expired: string[];
}

/**
 * The daily contract job (docs/contracts.md, "Automatic effect and expiry"):
 * - a filed contract whose 15-day review (集体合同规定 Art. 47) has passed with no objection takes
 *   effect from the day after the period, for its term — exactly what "确认生效" does by hand;
 * - a contract in force whose last day has passed is marked expired (Art. 38: the term ends it).
 * An objection moves the record to `objected`, so a filed record still `filed` after its review
 * day has had none. Each change is one audit entry with the system as actor. Idempotent: a second
 * run the same day finds nothing; one replica at a time (advisory lock).
 */
export async function runContractJob(s: Pick<Services, 'db'>, today: string = todayInChina()): Promise<ContractJobResult> {
  return s.db.transaction(async (tx) => {
    const lock = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(727013) AS ok`)) as unknown as { rows: { ok: boolean }[] };
    if (!lock.rows[0]?.ok) return { effective: [], expired: [] };
    const out: ContractJobResult = { effective: [], expired: [] };

    const due = await tx
      .select()
      .from(bargaining)
      .where(and(eq(bargaining.status, 'filed'), isNotNull(bargaining.reviewDue), lt(bargaining.reviewDue, today)));
    const take = BARGAINING_MACHINE.transitions.takeEffect;
    for (const r of due) {
      const effectiveOn = addDays(r.reviewDue!, 1);
      const expiresOn = contractExpiresOn(effectiveOn, r.termYears ?? 1);
      // A contract whose whole term already passed (the server was off for years) is expired by the second pass of the same run.
      const [after] = await tx
        .update(bargaining)
        .set({ status: 'effective', effectiveOn, expiresOn, reviewDue: null, version: r.version + 1, updatedAt: new Date() })
        .where(and(eq(bargaining.id, r.id), eq(bargaining.status, 'filed'), eq(bargaining.version, r.version)))
        .returning({ id: bargaining.id });
      if (!after) continue;
      await closeDeadlines(tx, BARGAINING_MACHINE.entity, r.id, [...(take.ends ?? [])]);
      await appendAudit(tx, {
        actorName: CONTRACT_JOB_ACTOR,
        orgId: r.orgId,
        action: take.audit,
        entity: BARGAINING_MACHINE.entity,
        entityId: r.id,
        changes: { status: { from: 'filed', to: 'effective' }, effectiveOn, expiresOn, automatic: true },
        detail: `审查期${r.reviewDue}届满未收到异议，自动生效 / No objection by ${r.reviewDue}: in force automatically`,
      });
      out.effective.push(r.id);
    }

    const ended = await tx
      .select({ id: bargaining.id, orgId: bargaining.orgId, version: bargaining.version, expiresOn: bargaining.expiresOn })
      .from(bargaining)
      .where(and(eq(bargaining.status, 'effective'), isNotNull(bargaining.expiresOn), lt(bargaining.expiresOn, today)));
    const exp = BARGAINING_MACHINE.transitions.expire;
    for (const r of ended) {
      const [after] = await tx
        .update(bargaining)
        .set({ status: 'expired', version: r.version + 1, updatedAt: new Date() })
        .where(and(eq(bargaining.id, r.id), eq(bargaining.status, 'effective'), eq(bargaining.version, r.version)))
        .returning({ id: bargaining.id });
      if (!after) continue;
      await appendAudit(tx, {
        actorName: CONTRACT_JOB_ACTOR,
        orgId: r.orgId,
        action: exp.audit,
        entity: BARGAINING_MACHINE.entity,
        entityId: r.id,
        changes: { status: { from: 'effective', to: 'expired' }, expiresOn: r.expiresOn, automatic: true },
        detail: `合同期限至${r.expiresOn}届满，自动终止 / Term ended ${r.expiresOn}: expired automatically`,
      });
      out.expired.push(r.id);
    }
    return out;
  });
}
