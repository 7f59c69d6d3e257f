/**
 * Mutual aid (docs/mutual-aid.md) in the module benchmark: the demo's plans, enrolments and claims
 * at `scale` × the demo volume (30% of active members enrolled at scale 1), then the claims list, a
 * filtered claims search and the dashboard figures, each beside its own SQL.
 */
import { sql } from 'drizzle-orm';
import { seedDemoMutualAid, DEMO_MUTUAL_AID_SHARE } from '../../server/src/seed/demo-mutual-aid.js';
import { DEMO_MEMBER_COUNT } from '../../server/src/seed/demo-members.js';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

export const mutualAidBench: ModuleBench = {
  id: 'mutual-aid',
  what: '职工互助保障 mutual aid: plans, enrolments, claims',
  async seed(s, { orgs, scale, log }) {
    // The demo enrols 30% of its 200,000 members (60,000); the bench enrols `scale` times that many of its own members.
    const [{ n }] = (await s.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM member WHERE status = 'active'`)) as [{ n: number }];
    const share = Math.min(1, (DEMO_MUTUAL_AID_SHARE * DEMO_MEMBER_COUNT * scale) / Math.max(1, n));
    const r = await s.db.transaction((tx) => seedDemoMutualAid(tx, orgs, { share, fork: 'mutual-aid-bench' }));
    log(`mutual aid: ${r.enrolments} enrolments of ${r.members} active members, ${r.claims} claims`);
    return { mutual_aid_plan: r.plans, mutual_aid_enrolment: r.enrolments, mutual_aid_claim: r.claims };
  },
  routes: [
    {
      id: 'mutual-aid-claims',
      what: '互助金申请列表（市总）/ claims list, city',
      url: '/api/mutual-aid/claims?page=1&pageSize=20',
      who: 'city',
      target: { p95Ms: 150 },
    },
    {
      id: 'mutual-aid-claims-search',
      what: '待审核申请（区）/ submitted claims, district',
      url: '/api/mutual-aid/claims?status=submitted&under={district}&page=1&pageSize=20',
      who: 'district',
      target: { p95Ms: 150 },
    },
    {
      id: 'mutual-aid-dashboard',
      what: '互助保障概况（市总）/ dashboard figures, city',
      url: '/api/mutual-aid/dashboard',
      who: 'city',
      target: { p95Ms: 300 },
    },
  ],
};
MODULE_BENCHES.push(mutualAidBench);
