import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ctx } from '../../platform/guard.js';
import { orgScopeSql } from '../../platform/scope.js';
import { errorResponses } from '../../platform/contract.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { org } from '../org/org.schema.js';
import { MemberFigures, memberFigures } from '../member/member-figures.js';

const tags = ['首页 dashboard'];
const Count = z.object({ key: z.string().nullable(), n: z.number() });

const OrgFigures = z.object({
  totalOrgs: z.number(),
  grassroots: z.number(),
  withoutChair: z.number(),
  termExpiring: z.number(),
  termExpired: z.number(),
  employees: z.number(),
  byLevel: z.array(Count),
  byKind: z.array(Count),
  byChild: z.array(z.object({ id: z.string(), name: z.string(), grassroots: z.number(), withoutChair: z.number(), termDue: z.number() })),
});

export async function dashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dashboard/members', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: '会员概况（本人管辖范围）/ member figures in scope', response: { 200: MemberFigures, ...errorResponses } },
  }, (req) => memberFigures(ctx(app, req)));
  r.get('/api/dashboard/orgs', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: '组织概况（本人管辖范围）/ organisation figures in scope', response: { 200: OrgFigures, ...errorResponses } },
  }, async (req) => {
    const c = ctx(app, req);
    const scope = orgScopeSql(c.actor.scope, org.path, org.id);
    const today = todayInChina();
    const soon = addDays(today, 90);
    const [totals] = await c.database.query<{ total: number; grassroots: number; without_chair: number; expiring: number; expired: number; employees: number }>(sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE level = 'grassroots')::int AS grassroots,
             count(*) FILTER (WHERE level = 'grassroots' AND chair_name IS NULL)::int AS without_chair,
             count(*) FILTER (WHERE term_end > ${today} AND term_end <= ${soon})::int AS expiring,
             count(*) FILTER (WHERE term_end <= ${today})::int AS expired,
             coalesce(sum(employee_count) FILTER (WHERE level = 'grassroots'), 0)::bigint AS employees
      FROM org WHERE active AND ${scope}`);
    const byLevel = await c.database.query<{ key: string; n: number }>(sql`SELECT level AS key, count(*)::int AS n FROM org WHERE active AND ${scope} GROUP BY level`);
    const byKind = await c.database.query<{ key: string; n: number }>(sql`SELECT kind AS key, count(*)::int AS n FROM org WHERE active AND level = 'grassroots' AND ${scope} GROUP BY kind`);
    const byChild = await c.database.query<{ id: string; name: string; grassroots: number; without_chair: number; term_due: number }>(sql`
      SELECT ch.id, ch.name,
             count(g.id) FILTER (WHERE g.level = 'grassroots')::int AS grassroots,
             count(g.id) FILTER (WHERE g.level = 'grassroots' AND g.chair_name IS NULL)::int AS without_chair,
             count(g.id) FILTER (WHERE g.term_end <= ${soon})::int AS term_due
      FROM org ch LEFT JOIN org g ON g.path LIKE ch.path || '%' AND g.active
      WHERE ch.parent_id = ${c.actor.orgId} AND ch.active AND ${orgScopeSql(c.actor.scope, sql`ch.path`, sql`ch.id`)}
      GROUP BY ch.id, ch.name, ch.code ORDER BY ch.code`);
    return {
      totalOrgs: totals!.total, grassroots: totals!.grassroots, withoutChair: totals!.without_chair, termExpiring: totals!.expiring,
      termExpired: totals!.expired, employees: Number(totals!.employees), byLevel, byKind,
      byChild: byChild.map((b) => ({ id: b.id, name: b.name, grassroots: b.grassroots, withoutChair: b.without_chair, termDue: b.term_due })),
    };
  });
}
