import { eq, sql } from 'drizzle-orm';
import { bargaining, congress, congressProposal, disclosure } from './contract.schema.js';
import { resource } from '../../platform/resource.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';
import type { ContractListParams } from '../../../../common/src/contracts/contract.js';

/**
 * The scoped resources of collective bargaining (docs/contracts.md). A bargaining is owned by the
 * union that runs it; the employers it covers are its parties.
 */

/** Rows of the org subtree under `id` (the "under" filter of lists and the drill-down). */
export const underOrg = underOrgSql;

export const bargainings = resource<typeof bargaining, ContractListParams>({
  table: bargaining,
  entity: 'bargaining',
  noun: ['集体协商', 'bargaining'],
  orgColumn: bargaining.orgId,
  idColumn: bargaining.id,
  versionColumn: bargaining.version,
  filters: {
    // The title, or the name of an employer it covers.
    q: (v) => {
      const like = `%${escapeLike(v)}%`;
      return sql`(${bargaining.title} LIKE ${like} OR EXISTS (SELECT 1 FROM bargaining_party p JOIN org o ON o.id = p.org_id WHERE p.bargaining_id = "bargaining"."id" AND (o.name LIKE ${like} OR o.employer_name LIKE ${like})))`;
    },
    status: (v) => eq(bargaining.status, v),
    kind: (v) => eq(bargaining.kind, v),
    scope: (v) => eq(bargaining.scope, v),
    under: (v) => underOrg(bargaining.orgId, v),
  },
  sorts: { requestOn: bargaining.requestOn, expiresOn: bargaining.expiresOn, title: bargaining.title },
  countCap: 1000,
});

/** The list's extra columns: the running union's name, the employers covered and their workers. */
export const listColumns = {
  b: bargaining,
  orgName: sql<string>`(SELECT o.name FROM org o WHERE o.id = "bargaining"."org_id")`,
  parties: sql<number>`(SELECT count(*)::int FROM bargaining_party p WHERE p.bargaining_id = "bargaining"."id")`,
  workers: sql<number>`(SELECT coalesce(sum(p.workforce), 0)::int FROM bargaining_party p WHERE p.bargaining_id = "bargaining"."id")`,
};

export const congresses = resource<typeof congress, { q?: string; under?: string }>({
  table: congress,
  entity: 'congress',
  noun: ['职代会', 'workers’ congress'],
  orgColumn: congress.orgId,
  idColumn: congress.id,
  versionColumn: congress.version,
  filters: {
    q: (v) => sql`"congress"."org_id" IN (SELECT o.id FROM org o WHERE o.name LIKE ${`%${escapeLike(v)}%`})`,
    under: (v) => underOrg(congress.orgId, v),
  },
  sorts: {
    orgName: sql`(SELECT o.name FROM org o WHERE o.id = "congress"."org_id")`,
    lastSessionOn: sql`(SELECT max(s.held_on) FROM congress_session s WHERE s.congress_id = "congress"."id")`,
  },
  countCap: 1000,
});

export const proposals = resource<typeof congressProposal, { status?: string; under?: string; q?: string; congressId?: string }>({
  table: congressProposal,
  entity: 'congress_proposal',
  noun: ['代表提案', 'proposal'],
  orgColumn: congressProposal.orgId,
  idColumn: congressProposal.id,
  versionColumn: congressProposal.version,
  filters: {
    status: (v) => eq(congressProposal.status, v),
    under: (v) => underOrg(congressProposal.orgId, v),
    congressId: (v) => eq(congressProposal.congressId, v),
    q: (v) => sql`(${congressProposal.title} LIKE ${`%${escapeLike(v)}%`} OR ${congressProposal.delegate} LIKE ${`%${escapeLike(v)}%`})`,
  },
  sorts: { registeredOn: congressProposal.registeredOn, answerDue: congressProposal.answerDue },
  countCap: 1000,
});

export const disclosures = resource<typeof disclosure, { under?: string; year?: number }>({
  table: disclosure,
  entity: 'disclosure',
  noun: ['厂务公开记录', 'disclosure'],
  orgColumn: disclosure.orgId,
  idColumn: disclosure.id,
  filters: {
    under: (v) => underOrg(disclosure.orgId, v),
    year: (v) => sql`${disclosure.disclosedOn} BETWEEN ${`${v}-01-01`} AND ${`${v}-12-31`}`,
  },
  sorts: { disclosedOn: disclosure.disclosedOn },
  countCap: 1000,
});
