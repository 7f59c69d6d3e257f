import { sql, type SQL } from 'drizzle-orm';

/**
 * Worker-portal objects for the sibling test (server/src/platform/scope-sibling.test.ts): a worker's
 * pending change request about a member held by a union outside the caller's reach. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface PortalSiblings {
  changeRequests: Target[];
}

export const PORTAL_FILLERS: { prefix: string; param: string; targets: (s: PortalSiblings) => Target[] }[] = [
  { prefix: '/api/member-change-requests/:id', param: 'id', targets: (s) => s.changeRequests },
];

export const PORTAL_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'POST /api/member-change-requests/:id/approve': (t) => ({ version: t.version }),
  'POST /api/member-change-requests/:id/reject': (t) => ({ version: t.version, reason: '越权驳回变更申请' }),
  'POST /api/members/:id/portal-unlink': () => ({ reason: '越权解除关联' }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

/** A pending request to change the occupation of a member held in the subtree of `path`. */
export async function portalTargets(rows: Rows, path: string, label: string): Promise<PortalSiblings> {
  const [m] = await rows<{ id: string; org_id: string; version: number }>(
    sql`SELECT m.id, m.org_id, m.version FROM member m JOIN org o ON o.id = m.org_id WHERE o.path LIKE ${path + '%'} ORDER BY m.id LIMIT 1`,
  );
  const [r] = await rows<{ id: string }>(
    sql`INSERT INTO worker_change_request (id, account_id, member_id, org_id, field, value_cipher, value_masked, member_version, base_hash, status)
        VALUES (gen_random_uuid(), gen_random_uuid(), ${m!.id}, ${m!.org_id}, 'occupation', 'x', ${label + '新职业'}, ${m!.version}, 'x', 'pending') RETURNING id`,
  );
  return { changeRequests: [{ id: r!.id, version: 1, secrets: [label + '新职业'] }] };
}

export const portalSnapshot = (rows: Rows, list: SQL) => rows(sql`SELECT * FROM worker_change_request WHERE id IN (${list}) ORDER BY id`);
