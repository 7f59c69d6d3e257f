import { and, asc, eq, inArray } from 'drizzle-orm';
import { maskMobile } from '../../../common/src/mobile.js';
import { member } from '../modules/member/member.schema.js';
import { workerAccount, workerChangeRequest, workerNotification } from '../modules/portal/portal.schema.js';
import { checkValue, storedHash } from '../modules/portal/requests.service.js';
import { hashPassword, type KeyRing } from '../platform/crypto.js';
import type { Executor } from '../db/client.js';

/** Demo worker accounts (docs/portal.md): these mobiles, this password, each linked to an active member of the demo grassroots union. */
export const DEMO_WORKER_MOBILES = ['13800000001', '13800000002', '13800000003'] as const;
export const DEMO_WORKER_PASSWORD = 'Worker@2026';

export async function seedDemoPortal(tx: Executor, keys: KeyRing, grassrootsOrgId: string): Promise<{ accounts: number; changes: number }> {
  const members = await tx
    .select({ id: member.id, idIndex: member.idIndex, name: member.name })
    .from(member)
    .where(and(eq(member.orgId, grassrootsOrgId), inArray(member.status, ['active'])))
    .orderBy(asc(member.cardNo))
    .limit(DEMO_WORKER_MOBILES.length);
  const passwordHash = await hashPassword(DEMO_WORKER_PASSWORD);
  let n = 0;
  for (const [i, m] of members.entries()) {
    const mobile = DEMO_WORKER_MOBILES[i]!;
    // Fixed, readable ids for the demo rows: the seed is deterministic.
    const id = `00000000-0000-4000-8000-0000000a000${i + 1}`;
    await tx.insert(workerAccount).values({
      id,
      mobileIndex: keys.blindIndex(mobile, 'mobile'),
      mobileCipher: keys.encrypt(mobile),
      mobileMasked: maskMobile(mobile),
      passwordHash,
      memberId: m.id,
      idIndex: m.idIndex,
      linkedAt: new Date(),
    });
    await tx.insert(workerNotification).values({
      id: `00000000-0000-4000-8000-0000000b000${i + 1}`,
      accountId: id,
      title: '欢迎使用“我的工会”',
      body: `${m.name}，您的账号已关联会员档案，可以在“我的”中出示电子会员卡。`,
      link: '/m',
    });
    n++;
  }
  const changes = members[0] ? await seedDemoChangeRequests(tx, keys, members[0].id, '00000000-0000-4000-8000-0000000a0001') : 0;
  return { accounts: n, changes };
}

/**
 * The first demo worker's requests to change their details, one in each state (docs/portal.md,
 * "Requests to change my details"): a new address waiting for the union (its base is the record as
 * stored, so a cadre can approve it in the demo), an occupation approved ten days ago (the record
 * holds it) and a political status refused with the reason.
 */
async function seedDemoChangeRequests(tx: Executor, keys: KeyRing, memberId: string, accountId: string): Promise<number> {
  const [m] = await tx.select().from(member).where(eq(member.id, memberId));
  if (!m) return 0;
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
  const address = checkValue('address', '江城市滨江区学院路88号3栋2单元501');
  const rows = [
    { n: 1, field: 'address' as const, value: address.value, masked: address.masked, status: 'pending' as const, at: daysAgo(2) },
    ...(m.occupation ? [{ n: 2, field: 'occupation' as const, value: m.occupation, masked: m.occupation, status: 'approved' as const, at: daysAgo(10) }] : []),
    {
      n: 3,
      field: 'politicalStatus' as const,
      value: '中共党员',
      masked: '中共党员',
      status: 'rejected' as const,
      at: daysAgo(20),
      reason: '请携带党组织关系证明到所在工会办理',
    },
  ];
  for (const r of rows) {
    await tx.insert(workerChangeRequest).values({
      id: `00000000-0000-4000-8000-0000000c000${r.n}`,
      accountId,
      memberId: m.id,
      orgId: m.orgId,
      field: r.field,
      valueCipher: keys.encrypt(r.value),
      valueMasked: r.masked,
      memberVersion: m.version,
      baseHash: storedHash(m, r.field),
      status: r.status,
      rejectReason: r.reason ?? null,
      decidedAt: r.status === 'pending' ? null : new Date(r.at.getTime() + 86_400_000),
      createdAt: r.at,
      updatedAt: r.at,
    });
  }
  return rows.length;
}
