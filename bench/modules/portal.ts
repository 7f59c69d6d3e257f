/**
 * The worker portal in the benchmark (docs/portal.md): worker accounts linked to members and their
 * requests to change their details, at `scale` × the demo volume. The demo volume is taken as 1,000
 * linked accounts and 100 change requests (a pilot city's first weeks); the routes are the union's
 * list of change requests, that list searched by status and detail, and the portal dashboard card.
 */
import { sql } from 'drizzle-orm';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

const ACCOUNTS = 1_000;
const REQUESTS = 100;

export const portalBench: ModuleBench = {
  id: 'portal',
  what: 'worker portal: change requests and the dashboard card',
  async seed(s, { scale }) {
    const accounts = Math.round(ACCOUNTS * scale);
    const requests = Math.round(REQUESTS * scale);
    const q = (x: ReturnType<typeof sql>) => s.database.query(x);
    // Accounts linked to the first members by id (deterministic), a third signed in within 30 days.
    await q(sql`
      INSERT INTO worker_account (id, mobile_index, mobile_cipher, mobile_masked, member_id, id_index, linked_at, last_sign_in_at)
      SELECT gen_random_uuid(), 'bench-' || m.id::text, 'bench', '138****0000', m.id, m.id_index, now(),
             CASE WHEN n % 3 = 0 THEN now() - interval '3 days' ELSE now() - interval '90 days' END
        FROM (SELECT id, id_index, row_number() OVER (ORDER BY id) AS n FROM member
               WHERE id NOT IN (SELECT member_id FROM worker_account WHERE member_id IS NOT NULL) ORDER BY id LIMIT ${accounts}) m
      ON CONFLICT DO NOTHING`);
    // Requests from the first of them: half waiting, the rest decided.
    await q(sql`
      INSERT INTO worker_change_request (id, account_id, member_id, org_id, field, value_cipher, value_masked, member_version, base_hash, status, created_at)
      SELECT gen_random_uuid(), wa.id, m.id, m.org_id, (ARRAY['mobile','address','education','occupation'])[1 + (n % 4)::int], 'bench', '快递员',
             m.version, 'bench', CASE WHEN n % 2 = 0 THEN 'pending' ELSE 'approved' END, now() - (n % 60) * interval '1 day'
        FROM (SELECT wa.id, wa.member_id, row_number() OVER (ORDER BY wa.member_id) AS n FROM worker_account wa
               WHERE wa.mobile_index LIKE 'bench-%' ORDER BY wa.member_id LIMIT ${requests}) wa
        JOIN member m ON m.id = wa.member_id
      ON CONFLICT DO NOTHING`);
    return { worker_account: accounts, worker_change_request: requests };
  },
  routes: [
    {
      id: 'portal.requests',
      what: 'change requests, city-wide, newest first',
      url: '/api/member-change-requests?page=1&pageSize=20',
      who: 'city',
      target: { ratio: 1.5 },
    },
    {
      id: 'portal.requests.search',
      what: 'change requests waiting, one detail, in a district',
      url: '/api/member-change-requests?status=pending&field=occupation&page=1&pageSize=20',
      who: 'district',
      target: { ratio: 1.5 },
    },
    { id: 'portal.dashboard', what: 'portal dashboard card, city-wide', url: '/api/dashboard/portal', who: 'city', target: { ratio: 1.5, p95Ms: 100 } },
  ],
};

MODULE_BENCHES.push(portalBench);
