/**
 * Demo member benefits (docs/benefits.md): partner merchants signed by the city and the district
 * federations, their offers (some ended, most open, a few to come), worker accounts of members who
 * use the portal for them, their coupons (about 60% redeemed) over the last year, and this and last
 * year's recuperation places passed down from the city to the districts and some streets.
 * Deterministic: the same seed gives the same rows, dated from the demo's reference day.
 */
import { sql } from 'drizzle-orm';
import { maskMobile } from '../../../common/src/mobile.js';
import { MERCHANT_CATEGORIES } from '../../../common/src/contracts/benefit.js';
import { benefitClaim, benefitMerchant, benefitOffer, recuperationQuota } from '../modules/benefit/benefit.schema.js';
import { workerAccount } from '../modules/portal/portal.schema.js';
import { addDays, createRng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE } from './demo-city.js';
import type { KeyRing } from '../platform/crypto.js';
import type { Executor } from '../db/client.js';

const REF = DEMO_REFERENCE_DATE;
const NAMES: Record<(typeof MERCHANT_CATEGORIES)[number], [string[], string[]]> = {
  dining: [
    ['江城', '老街', '滨江', '和平', '惠民'],
    ['职工食堂', '面馆', '快餐', '茶餐厅', '汤包馆'],
  ],
  shopping: [
    ['惠众', '江城', '邻里', '万家'],
    ['超市', '便利店', '百货', '生鲜店'],
  ],
  health: [
    ['仁和', '康宁', '江城'],
    ['体检中心', '口腔门诊', '药房', '眼镜店'],
  ],
  travel: [
    ['江城', '青山', '湖畔'],
    ['旅行社', '疗休养基地', '度假村'],
  ],
  culture: [
    ['江城', '工人', '新华'],
    ['影城', '书店', '文化宫', '体育馆'],
  ],
  services: [
    ['便民', '暖心', '江城'],
    ['洗衣店', '家政', '理发店', '汽车维修'],
  ],
};
const OFFERS: Record<string, [string, 'discount' | 'voucher' | 'free', number][]> = {
  dining: [
    ['会员午餐八折', 'discount', 600],
    ['满50减10', 'voucher', 1000],
  ],
  shopping: [
    ['会员日九折', 'discount', 800],
    ['20元购物券', 'voucher', 2000],
  ],
  health: [
    ['会员专享九折', 'discount', 2000],
    ['免费健康咨询', 'free', 0],
  ],
  travel: [
    ['疗休养线路立减300元', 'voucher', 30000],
    ['周末游八五折', 'discount', 5000],
  ],
  culture: [
    ['观影券', 'voucher', 3000],
    ['健身月卡半价', 'discount', 5000],
  ],
  services: [
    ['会员服务八折', 'discount', 500],
    ['户外劳动者免费服务一次', 'free', 0],
  ],
};

export async function seedDemoBenefits(tx: Executor, keys: KeyRing, opts: { seed?: number; accounts?: number } = {}) {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('benefit');
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const [city] = await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
  const districts = await q<{ id: string; path: string }>(sql`SELECT id, path FROM org WHERE level = 'county' ORDER BY code`);
  if (!city || !districts.length) return { merchants: 0, offers: 0, accounts: 0, claims: 0, redeemed: 0, quotas: 0 };

  // Merchants: 12 signed by the city, 6 by each district.
  const merchants: (typeof benefitMerchant.$inferInsert)[] = [];
  const holders = [...Array<string>(12).fill(city.id), ...districts.flatMap((d) => Array<string>(6).fill(d.id))];
  for (const [i, orgId] of holders.entries()) {
    const category = MERCHANT_CATEGORIES[i % MERCHANT_CATEGORIES.length]!;
    const [a, b] = NAMES[category];
    merchants.push({
      id: rng.uuid(),
      orgId,
      name: `${rng.pick(a)}${rng.pick(b)}（${i + 1}号店）`,
      uscc: null,
      category,
      address: `江城市${rng.pick(['解放路', '中山大道', '建设路', '和平街', '滨江大道'])}${rng.int(1, 300)}号`,
      signedOn: addDays(REF, -rng.int(60, 700)),
      endsOn: rng.chance(0.2) ? addDays(REF, rng.int(60, 400)) : null,
      isDemo: true,
    });
  }
  await tx.insert(benefitMerchant).values(merchants);

  // Offers: two per merchant, a third ended last season for some.
  const offers: (typeof benefitOffer.$inferInsert)[] = [];
  for (const m of merchants) {
    const kinds = OFFERS[m.category]!;
    const n = rng.chance(0.4) ? 3 : 2;
    for (let j = 0; j < n; j++) {
      const [title, kind, valueFen] = kinds[j % kinds.length]!;
      const ended = j === 2;
      const startsOn = ended ? addDays(REF, -rng.int(200, 330)) : addDays(REF, -rng.int(10, 300));
      const endsOn = ended ? addDays(startsOn, 90) : m.endsOn && m.endsOn < addDays(REF, 365) ? m.endsOn : addDays(REF, rng.int(30, 365));
      offers.push({
        id: rng.uuid(),
        orgId: m.orgId,
        merchantId: m.id!,
        title,
        kind,
        valueFen,
        description: kind === 'free' ? '凭会员优惠券到店免费享受一次服务。' : '凭会员优惠券到店使用，每张限用一次。',
        audience: rng.chance(0.15) ? 'all_workers' : 'members',
        perMember: rng.pick([1, 2, 3, 5]),
        total: rng.chance(0.3) ? rng.int(200, 2000) : null,
        startsOn,
        endsOn,
        isDemo: true,
      });
    }
  }
  await tx.insert(benefitOffer).values(offers);

  // Workers who use the portal for their benefits: accounts linked to about three in ten active members
  // not linked yet, outside the demo grassroots union (whose members are left for the portal's own demo).
  const wanted = opts.accounts ?? 1500;
  const members = await q<{ id: string; id_index: string; path: string }>(sql`
    SELECT m.id, m.id_index, o.path FROM member m JOIN org o ON o.id = m.org_id
    WHERE m.status = 'active' AND right(m.card_no, 1) IN ('2', '5', '8')
      AND NOT EXISTS (SELECT 1 FROM worker_account w WHERE w.member_id = m.id)
      AND m.org_id NOT IN (SELECT u.org_id FROM app_user u WHERE u.username = 'grassroots')
    ORDER BY m.card_no LIMIT ${wanted}`);
  const accounts: (typeof workerAccount.$inferInsert)[] = [];
  for (const [i, m] of members.entries()) {
    const mobile = `1391${String(i).padStart(7, '0')}`;
    accounts.push({
      id: rng.uuid(),
      mobileIndex: keys.blindIndex(mobile, 'mobile'),
      mobileCipher: keys.encrypt(mobile),
      mobileMasked: maskMobile(mobile),
      memberId: m.id,
      idIndex: m.id_index,
      linkedAt: new Date(`${addDays(REF, -rng.int(1, 360))}T10:00:00+08:00`),
    });
  }
  for (let i = 0; i < accounts.length; i += 500) await tx.insert(workerAccount).values(accounts.slice(i, i + 500));

  // Their coupons: offers that reach them (their unions' or to all workers), within each quota.
  const reach = (path: string, o: (typeof offers)[number]) => o.audience === 'all_workers' || path.split('/').includes(o.orgId);
  const claims: (typeof benefitClaim.$inferInsert)[] = [];
  const taken = new Map<string, number>();
  for (const [i, a] of accounts.entries()) {
    const path = members[i]!.path;
    const open = offers.filter((o) => reach(path, o));
    for (let k = rng.int(0, 5); k > 0 && open.length; k--) {
      const o = rng.pick(open);
      const mine = `${o.id}:${a.id}`;
      if ((taken.get(mine) ?? 0) >= o.perMember || (o.total !== null && (taken.get(o.id!) ?? 0) >= o.total!)) continue;
      taken.set(mine, (taken.get(mine) ?? 0) + 1);
      taken.set(o.id!, (taken.get(o.id!) ?? 0) + 1);
      const day = rng.date(o.startsOn > addDays(REF, -360) ? o.startsOn : addDays(REF, -360), o.endsOn < REF ? o.endsOn : REF);
      const claimedAt = new Date(`${day}T${String(rng.int(8, 20)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`);
      const redeemed = rng.chance(0.6) && day < REF;
      const usedOn = redeemed ? addDays(day, rng.int(0, 10)) : null;
      claims.push({
        id: rng.uuid(),
        offerId: o.id!,
        orgId: o.orgId,
        accountId: a.id!,
        memberId: a.memberId,
        claimedAt,
        redeemedAt: usedOn && usedOn <= REF && usedOn <= o.endsOn ? new Date(`${usedOn}T12:30:00+08:00`) : null,
      });
    }
  }
  for (let i = 0; i < claims.length; i += 1000) await tx.insert(benefitClaim).values(claims.slice(i, i + 1000));

  // Recuperation places: the city's, passed on to every district, and by the first district to its streets.
  const quotas: (typeof recuperationQuota.$inferInsert)[] = [];
  const year = Number(REF.slice(0, 4));
  for (const y of [year - 1, year]) {
    const rootId = rng.uuid();
    const total = y === year ? 1200 : 1000;
    quotas.push({ id: rootId, year: y, orgId: city.id, parentId: null, places: total, note: `${y}年度职工疗休养名额（市总工会）`, isDemo: true });
    const each = Math.floor((total * 0.9) / districts.length);
    for (const [i, d] of districts.entries()) {
      const did = rng.uuid();
      quotas.push({ id: did, year: y, orgId: d.id, parentId: rootId, places: each, note: null, isDemo: true });
      if (i === 0) {
        const streets = await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id = ${d.id} AND level = 'street' ORDER BY code LIMIT 4`);
        const per = Math.floor((each * 0.75) / Math.max(1, streets.length));
        for (const s of streets) quotas.push({ id: rng.uuid(), year: y, orgId: s.id, parentId: did, places: per, note: null, isDemo: true });
      }
    }
  }
  await tx.insert(recuperationQuota).values(quotas);
  return {
    merchants: merchants.length,
    offers: offers.length,
    accounts: accounts.length,
    claims: claims.length,
    redeemed: claims.filter((k) => k.redeemedAt).length,
    quotas: quotas.length,
  };
}
