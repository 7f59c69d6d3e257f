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
  (t) => [index('audit_at_idx').on(t.at), index('audit_org_idx').on(t.orgId, t.seq), index('audit_entity_idx').on(t.entity, t.entityId)],
);

/**
 * Signed checkpoints of the log's head (platform/audit-tail.ts): the sequence number and hash of the
 * newest entry, signed with the audit signing key (not the data key). A copy of each is appended to
 * a file outside the database; `audit verify` requires the log to reach every one of them.
 */
export const auditCheckpoint = pgTable('audit_checkpoint', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});

/** Where the chain starts after entries older than 6 months were archived to a signed file: the archived head. */
export const auditAnchor = pgTable('audit_anchor', {
  uptoSeq: bigint('upto_seq', { mode: 'number' }).primaryKey(),
  lastHash: text('last_hash').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
  archivedAt: timestamp('archived_at', { withTimezone: true }).notNull(),
});
