import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. Each entry carries the hash of the previous one (hash chain); the
 * `audit verify` command recomputes the chain and reports the first broken entry.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    /** The org the entry belongs to for scope: the record's org, or the actor's. */
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    changes: jsonb('changes'),
    ip: text('ip'),
    result: text('result').notNull(),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_org_idx').on(t.orgId, t.seq),
    index('audit_entity_idx').on(t.entity, t.entityId),
  ],
);
