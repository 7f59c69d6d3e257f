/**
 * Collective contracts in the benchmark (docs/contracts.md): the contracts list, a search by title
 * or employer, the city's contracts dashboard (建制率, expiring, congresses, proposals) and a
 * district's coverage drill-down, each timed beside its own SQL through the driver alone (issue
 * target: p95 ≤ 1.5× raw, and ≤ 100 ms for the city dashboard). The data is `scale` × the demo
 * volume: contracts for about 60% of the demo's unionised employers per unit of scale (single,
 * regional and sector, in every state), a congress for the employers of 100 workers and more, and
 * their proposals.
 */
import { bargaining, bargainingParty, congress, congressProposal } from '../../server/src/modules/contract/contract.schema.js';
import { CONTRACT_EMPLOYER_KINDS } from '../../common/src/contract-vocab.js';
import { contractExpiresOn } from '../../common/src/congress-rules.js';
import { createRng, addDays } from '../../server/src/seed/prng.js';
import { DEMO_REFERENCE_DATE } from '../../server/src/seed/demo-city.js';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

const REF = DEMO_REFERENCE_DATE;
const STATES = ['effective', 'effective', 'effective', 'effective', 'expired', 'requested', 'negotiating', 'draft', 'signed', 'filed'] as const;
const KINDS = ['general', 'general', 'wage', 'women', 'safety'] as const;

export const contractBench: ModuleBench = {
  id: 'contract',
  what: '集体合同与职代会 / collective contracts and workers’ congresses',
  async seed(s, { orgs, scale, log }) {
    const rng = createRng(20261204).fork('contract-bench');
    const db = s.database.db;
    const employers = orgs.filter(
      (o) => o.level === 'grassroots' && o.kind && (CONTRACT_EMPLOYER_KINDS as readonly string[]).includes(o.kind) && (o.employeeCount ?? 0) > 0,
    );
    const demoEmployers = employers.filter((o) => !o.isBench).length;
    const streets = orgs.filter((o) => o.level === 'street');
    const districts = orgs.filter((o) => o.level === 'county');
    const total = Math.round(demoEmployers * 0.6 * scale);
    let parties = 0;
    for (let i = 0; i < total; i += 500) {
      const rows: (typeof bargaining.$inferInsert)[] = [];
      const links: (typeof bargainingParty.$inferInsert)[] = [];
      for (let j = i; j < Math.min(total, i + 500); j++) {
        const id = rng.uuid();
        const scope = rng.weighted([
          ['single', 8],
          ['regional', 1.5],
          ['sector', 0.5],
        ] as const);
        const covered =
          scope === 'single'
            ? [employers[rng.int(0, employers.length - 1)]!]
            : Array.from({ length: rng.int(3, 12) }, () => employers[rng.int(0, employers.length - 1)]!).filter(
                (o, k, a) => a.findIndex((x) => x.id === o.id) === k,
              );
        const runner =
          scope === 'single' ? covered[0]! : scope === 'regional' ? streets[rng.int(0, streets.length - 1)]! : districts[rng.int(0, districts.length - 1)]!;
        const status = STATES[rng.int(0, STATES.length - 1)]!;
        const kind = KINDS[rng.int(0, KINDS.length - 1)]!;
        const termYears = kind === 'wage' ? 1 : rng.int(1, 3);
        const requestOn = addDays(REF, -rng.int(30, 1200));
        const effectiveOn =
          status === 'effective'
            ? addDays(REF, -rng.int(1, termYears * 365 - 1))
            : status === 'expired'
              ? addDays(REF, -termYears * 365 - rng.int(1, 400))
              : null;
        rows.push({
          id,
          orgId: runner.id,
          scope,
          kind,
          title: `${scope === 'single' ? (covered[0]!.employerName ?? covered[0]!.name) : runner.name}${kind === 'wage' ? '工资专项' : ''}集体合同（${j + 1}）`,
          initiatedBy: 'union',
          requestOn,
          answerDue: status === 'requested' ? addDays(requestOn, 20) : null,
          status,
          termYears,
          effectiveOn,
          expiresOn: effectiveOn ? contractExpiresOn(effectiveOn, termYears) : null,
          isDemo: true,
        });
        for (const o of covered) links.push({ bargainingId: id, orgId: o.id, workforce: o.employeeCount ?? 0 });
      }
      await db.insert(bargaining).values(rows);
      await db.insert(bargainingParty).values(links);
      parties += links.length;
    }
    // A congress for each employer of 100 workers and more that has none yet, and `scale` proposals each.
    const existing = new Set((await db.select({ orgId: congress.orgId }).from(congress)).map((r) => r.orgId));
    const big = employers.filter((o) => (o.employeeCount ?? 0) >= 100 && !existing.has(o.id));
    let proposals = 0;
    for (let i = 0; i < big.length; i += 500) {
      const ks: (typeof congress.$inferInsert)[] = [];
      const ps: (typeof congressProposal.$inferInsert)[] = [];
      for (const o of big.slice(i, i + 500)) {
        const id = rng.uuid();
        const n = o.employeeCount! >= 10_000 ? 150 : o.employeeCount! >= 1000 ? 100 : 30;
        ks.push({
          id,
          orgId: o.id,
          workforce: o.employeeCount!,
          womenInWorkforce: Math.floor(o.employeeCount! / 3),
          form: 'congress',
          termYears: 5,
          termStart: addDays(REF, -rng.int(30, 1500)),
          delegates: n,
          frontLine: Math.ceil(n * 0.55),
          managers: Math.floor(n * 0.15),
          women: Math.ceil(n / 3),
          isDemo: true,
        });
        for (let p = 1; p <= Math.max(1, Math.round(scale)); p++) {
          const status = (['registered', 'assigned', 'answered', 'closed', 'rejected'] as const)[rng.int(0, 4)]!;
          const registeredOn = addDays(REF, -rng.int(5, 300));
          ps.push({
            id: rng.uuid(),
            congressId: id,
            orgId: o.id,
            no: `${REF.slice(0, 4)}-${String(p).padStart(3, '0')}`,
            title: '改善职工就餐条件',
            delegate: '代表',
            content: '建议研究落实。',
            status,
            department: status === 'registered' || status === 'rejected' ? null : '行政部',
            answerDue: status === 'registered' || status === 'rejected' ? null : addDays(registeredOn, 30),
            registeredOn,
            isDemo: true,
          });
        }
      }
      if (ks.length) await db.insert(congress).values(ks);
      if (ps.length) await db.insert(congressProposal).values(ps);
      proposals += ps.length;
    }
    log(`  contract: ${total} bargainings (${parties} employer links), ${big.length} congresses, ${proposals} proposals`);
    return { bargaining: total, bargaining_party: parties, congress: big.length, congress_proposal: proposals };
  },
  routes: [
    { id: 'contract.list', what: '集体合同列表（全市）/ contracts list, city', url: '/api/contracts?pageSize=20', who: 'city', target: { ratio: 1.5 } },
    {
      id: 'contract.search',
      what: '集体合同检索（合同名称或单位）/ contracts search',
      url: `/api/contracts?q=${encodeURIComponent('宏达')}&pageSize=20`,
      who: 'city',
      target: { ratio: 1.5 },
    },
    {
      id: 'contract.dashboard',
      what: '集体合同看板（全市）/ contracts dashboard, city',
      url: '/api/dashboard/contracts',
      who: 'city',
      target: { p95Ms: 100, ratio: 1.5 },
    },
    {
      id: 'contract.coverage.district',
      what: '建制率下钻（区）/ coverage drill-down, district',
      url: '/api/contracts/coverage?under={district}',
      who: 'district',
      target: { ratio: 1.5 },
    },
  ],
};

MODULE_BENCHES.push(contractBench);
