import { describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { org } from '../modules/org/org.schema.js';
import { appUser } from '../modules/user/user.schema.js';
import { escapeLike, orgScopeSql, ownedScopeSql, resolveScope, scopeCovers, scopeWithin, type OrgRef, type Scope } from './scope.js';

/**
 * The scope rules in isolation (pure functions; no database). A small tree:
 *
 *   city ─┬─ d1 ─┬─ s11 ─── g111
 *         │      └─ s12
 *         └─ d2 ─── s21 ─── g211
 */
const ids = {
  city: '00000000-0000-4000-8000-000000000001',
  d1: '00000000-0000-4000-8000-000000000002',
  d2: '00000000-0000-4000-8000-000000000003',
  s11: '00000000-0000-4000-8000-000000000004',
  s12: '00000000-0000-4000-8000-000000000005',
  s21: '00000000-0000-4000-8000-000000000006',
  g111: '00000000-0000-4000-8000-000000000007',
  g211: '00000000-0000-4000-8000-000000000008',
};
const parents: Record<keyof typeof ids, keyof typeof ids | null> = {
  city: null,
  d1: 'city',
  d2: 'city',
  s11: 'd1',
  s12: 'd1',
  s21: 'd2',
  g111: 's11',
  g211: 's21',
};
const pathOf = (k: keyof typeof ids): string => (parents[k] ? pathOf(parents[k]!) : '/') + ids[k] + '/';
const ref = (k: keyof typeof ids): OrgRef => ({ id: ids[k], path: pathOf(k) });
const orgsById = new Map(Object.keys(ids).map((k) => [ids[k as keyof typeof ids], ref(k as keyof typeof ids)]));
const lookup = (id: string) => orgsById.get(id)?.path;

const dialect = new PgDialect();
const render = (q: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(q);
  return { sql: text, params };
};

describe('resolveScope', () => {
  it("'all' wins over everything else", () => {
    expect(
      resolveScope(
        [
          { scopeKind: 'own', scopeOrgIds: [] },
          { scopeKind: 'all', scopeOrgIds: [] },
        ],
        ref('g111'),
        orgsById,
      ),
    ).toEqual({ all: true });
  });

  it("'subtree' is the holder's own subtree; 'own' is the holder's org alone", () => {
    expect(resolveScope([{ scopeKind: 'subtree', scopeOrgIds: [] }], ref('d1'), orgsById)).toEqual({ all: false, subtreePaths: [pathOf('d1')], orgIds: [] });
    expect(resolveScope([{ scopeKind: 'own', scopeOrgIds: [] }], ref('g111'), orgsById)).toEqual({ all: false, subtreePaths: [], orgIds: [ids.g111] });
  });

  it("'orgs' takes the subtrees of the chosen orgs and ignores ids that do not exist", () => {
    const s = resolveScope([{ scopeKind: 'orgs', scopeOrgIds: [ids.s21, ids.s11, '00000000-0000-4000-8000-0000000000ff'] }], ref('city'), orgsById);
    expect(s).toEqual({ all: false, subtreePaths: [pathOf('s11'), pathOf('s21')].sort(), orgIds: [] });
  });

  it('merges roles: nested subtrees collapse to the outer one, single orgs already covered drop out', () => {
    const s = resolveScope(
      [
        { scopeKind: 'own', scopeOrgIds: [] },
        { scopeKind: 'orgs', scopeOrgIds: [ids.g111, ids.s11, ids.s11] },
        { scopeKind: 'orgs', scopeOrgIds: [ids.d1] },
      ],
      ref('g111'),
      orgsById,
    );
    expect(s).toEqual({ all: false, subtreePaths: [pathOf('d1')], orgIds: [] });
  });

  it('keeps a single org that lies outside the subtrees', () => {
    const s = resolveScope(
      [
        { scopeKind: 'own', scopeOrgIds: [] },
        { scopeKind: 'orgs', scopeOrgIds: [ids.s21] },
      ],
      ref('g111'),
      orgsById,
    );
    expect(s).toEqual({ all: false, subtreePaths: [pathOf('s21')], orgIds: [ids.g111] });
  });

  it('no roles, or roles of an unknown kind, give an empty scope (nothing, never everything)', () => {
    const empty = { all: false, subtreePaths: [], orgIds: [] };
    expect(resolveScope([], ref('d1'), orgsById)).toEqual(empty);
    expect(resolveScope([{ scopeKind: 'everything', scopeOrgIds: [] }], ref('d1'), orgsById)).toEqual(empty);
  });
});

describe('scopeCovers', () => {
  const district: Scope = { all: false, subtreePaths: [pathOf('d1')], orgIds: [] };
  it('covers the subtree root and everything below it, not the parent or a sibling', () => {
    for (const k of ['d1', 's11', 's12', 'g111'] as const) expect(scopeCovers(district, ref(k)), k).toBe(true);
    for (const k of ['city', 'd2', 's21', 'g211'] as const) expect(scopeCovers(district, ref(k)), k).toBe(false);
  });

  it('matches whole path segments: /a/b/ does not cover /a/bc/', () => {
    const s: Scope = { all: false, subtreePaths: ['/a/b/'], orgIds: [] };
    expect(scopeCovers(s, { id: 'x', path: '/a/b/c/' })).toBe(true);
    expect(scopeCovers(s, { id: 'y', path: '/a/bc/' })).toBe(false);
  });

  it("an 'own' scope covers that org only, not its children", () => {
    const own: Scope = { all: false, subtreePaths: [], orgIds: [ids.s11] };
    expect(scopeCovers(own, ref('s11'))).toBe(true);
    expect(scopeCovers(own, ref('g111'))).toBe(false);
  });

  it("'all' covers everything; the empty scope covers nothing", () => {
    expect(scopeCovers({ all: true }, ref('g211'))).toBe(true);
    expect(scopeCovers({ all: false, subtreePaths: [], orgIds: [] }, ref('city'))).toBe(false);
  });
});

describe('scopeWithin (may an administrator hand out this scope?)', () => {
  const d1: Scope = { all: false, subtreePaths: [pathOf('d1')], orgIds: [] };
  it('a subtree inside the outer subtree is within; a sibling or the parent is not', () => {
    expect(scopeWithin({ all: false, subtreePaths: [pathOf('s11')], orgIds: [] }, d1, lookup)).toBe(true);
    expect(scopeWithin({ all: false, subtreePaths: [pathOf('s21')], orgIds: [] }, d1, lookup)).toBe(false);
    expect(scopeWithin({ all: false, subtreePaths: [pathOf('city')], orgIds: [] }, d1, lookup)).toBe(false);
    expect(scopeWithin(d1, d1, lookup)).toBe(true);
  });

  it('single orgs must lie inside the outer scope and be known', () => {
    expect(scopeWithin({ all: false, subtreePaths: [], orgIds: [ids.g111] }, d1, lookup)).toBe(true);
    expect(scopeWithin({ all: false, subtreePaths: [], orgIds: [ids.g211] }, d1, lookup)).toBe(false);
    expect(scopeWithin({ all: false, subtreePaths: [], orgIds: ['00000000-0000-4000-8000-0000000000ff'] }, d1, lookup)).toBe(false);
  });

  it("'all' is within 'all' only; everything is within 'all'", () => {
    expect(scopeWithin({ all: true }, d1, lookup)).toBe(false);
    expect(scopeWithin({ all: true }, { all: true }, lookup)).toBe(true);
    expect(scopeWithin(d1, { all: true }, lookup)).toBe(true);
  });

  it("a subtree is not within an 'own' scope of the same org", () => {
    expect(scopeWithin({ all: false, subtreePaths: [pathOf('s11')], orgIds: [] }, { all: false, subtreePaths: [], orgIds: [ids.s11] }, lookup)).toBe(false);
  });
});

describe('orgScopeSql (the predicate on the org table)', () => {
  it("'all' is true and the empty scope is false", () => {
    expect(render(orgScopeSql({ all: true }, org.path, org.id))).toEqual({ sql: 'true', params: [] });
    expect(render(orgScopeSql({ all: false, subtreePaths: [], orgIds: [] }, org.path, org.id))).toEqual({ sql: 'false', params: [] });
  });

  it('subtrees become path prefix matches and single orgs an id list, joined with OR', () => {
    const q = render(orgScopeSql({ all: false, subtreePaths: [pathOf('d1'), pathOf('s21')], orgIds: [ids.city] }, org.path, org.id));
    expect(q.sql).toBe('("org"."path" LIKE $1 OR "org"."path" LIKE $2 OR "org"."id" IN ($3::uuid))');
    expect(q.params).toEqual([pathOf('d1') + '%', pathOf('s21') + '%', ids.city]);
  });

  it('works on aliased columns given as SQL', () => {
    const q = render(orgScopeSql({ all: false, subtreePaths: [pathOf('d1')], orgIds: [] }, sql`ch.path`, sql`ch.id`));
    expect(q).toEqual({ sql: '(ch.path LIKE $1)', params: [pathOf('d1') + '%'] });
  });

  it('escapes LIKE wildcards in paths, so a path can never match more than its subtree', () => {
    expect(escapeLike('/a_b%c\\/')).toBe('/a\\_b\\%c\\\\/');
    const q = render(orgScopeSql({ all: false, subtreePaths: ['/a_%/'], orgIds: [] }, org.path, org.id));
    expect(q.params).toEqual(['/a\\_\\%/%']);
  });

  it('passes every value as a parameter, never inline', () => {
    const q = render(orgScopeSql({ all: false, subtreePaths: ["/x'; DROP TABLE org; --/"], orgIds: [ids.d2] }, org.path, org.id));
    expect(q.sql).not.toContain('DROP');
    expect(q.params).toHaveLength(2);
  });
});

describe('ownedScopeSql (the predicate on any org-owned table)', () => {
  it("'all' is true and the empty scope is false", () => {
    expect(render(ownedScopeSql({ all: true }, appUser.orgId))).toEqual({ sql: 'true', params: [] });
    expect(render(ownedScopeSql({ all: false, subtreePaths: [], orgIds: [] }, appUser.orgId))).toEqual({ sql: 'false', params: [] });
  });

  it('single orgs only: a plain id list', () => {
    const q = render(ownedScopeSql({ all: false, subtreePaths: [], orgIds: [ids.g111, ids.g211] }, appUser.orgId));
    expect(q).toEqual({ sql: '"app_user"."org_id" IN ($1::uuid, $2::uuid)', params: [ids.g111, ids.g211] });
  });

  it('subtrees: the org id must belong to an org whose path lies under one of them', () => {
    const q = render(ownedScopeSql({ all: false, subtreePaths: [pathOf('d1'), pathOf('s21')], orgIds: [] }, appUser.orgId));
    expect(q.sql).toBe('"app_user"."org_id" IN (SELECT o.id FROM org o WHERE o.path LIKE $1 OR o.path LIKE $2)');
    expect(q.params).toEqual([pathOf('d1') + '%', pathOf('s21') + '%']);
  });

  it('both: either condition', () => {
    const q = render(ownedScopeSql({ all: false, subtreePaths: [pathOf('d1')], orgIds: [ids.g211] }, appUser.orgId));
    expect(q.sql).toBe('("app_user"."org_id" IN (SELECT o.id FROM org o WHERE o.path LIKE $1) OR "app_user"."org_id" IN ($2::uuid))');
    expect(q.params).toEqual([pathOf('d1') + '%', ids.g211]);
  });
});
