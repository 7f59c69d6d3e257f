import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { KeyRing } from './crypto.js';
import type { AuditSigner } from './audit-tail.js';
import type { SettingsStore } from './settings.js';
import type { Scope } from './scope.js';
import type { Permission } from '../../../common/src/permissions.js';

/** What every service gets: the process-wide parts. */
export interface Services {
  config: Config;
  database: Database;
  db: Db;
  keys: KeyRing;
  /** Signs the audit log's checkpoints; not the data key (platform/audit-tail.ts). */
  auditSigner: AuditSigner;
  settings: SettingsStore;
  version: string;
}

/** A signed-in user as the services see them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgLevel: string;
  permissions: Set<Permission>;
  scope: Scope;
  sessionId: string;
  csrfToken: string;
  /** Set when the session may only finish signing in: second factor, password change or TOTP enrolment. */
  pending: null | 'totp' | 'password_change' | 'totp_enrol';
  totpEnabled: boolean;
  passwordExpiresAt: string | null;
}

/** The per-request context a service method receives. */
export interface Ctx extends Services {
  actor: Actor;
  ip: string;
}

/** What a public (no sign-in) route's handler gets: the services, the caller's address, and the session if one came along. */
export type PublicCtx = Services & { ip: string; actor?: Actor | null };

/** How a route is guarded: public, any signed-in user, or one permission from the catalogue. */
export type { Access } from '../../../common/src/contracts/kit.js';
import type { Access, RateLimit } from '../../../common/src/contracts/kit.js';

declare module 'fastify' {
  interface FastifyInstance {
    gh: Services;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Allowed while the session is still finishing sign-in (second factor, password change). */
    allowPending?: boolean;
    /** A public route's per-IP limit, from its contract (platform/mount.ts). */
    rateLimit?: RateLimit;
  }
}
