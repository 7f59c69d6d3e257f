import { and, asc, eq, inArray } from 'drizzle-orm';
import { maskMobile } from '../../../common/src/mobile.js';
import { member } from '../modules/member/member.schema.js';
import { workerAccount, workerNotification } from '../modules/portal/portal.schema.js';
import { hashPassword, type KeyRing } from '../platform/crypto.js';
import type { Executor } from '../db/client.js';

/** Demo worker accounts (docs/portal.md): these mobiles, this password, each linked to an active member of the demo grassroots union. */
export const DEMO_WORKER_MOBILES = ['13800000001', '13800000002', '13800000003'] as const;
export const DEMO_WORKER_PASSWORD = 'Worker@2026';

export async function seedDemoPortal(tx: Executor, keys: KeyRing, grassrootsOrgId: string): Promise<{ accounts: number }> {
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
  return { accounts: n };
}
