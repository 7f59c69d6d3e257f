import path from 'node:path';
import { z } from 'zod';

/** All settings come from the environment, validated once at start. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  GONGHUI_DEMO: z.enum(['0', '1']).optional(),
  GONGHUI_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'GONGHUI_SECRET_KEY must be 64 hex characters')
    .optional(),
  GONGHUI_JOBS: z.enum(['0', '1']).default('1'),
  GONGHUI_DEMO_MEMBERS: z.coerce.number().int().min(0).max(5_000_000).optional(),
  GONGHUI_COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  GONGHUI_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  GONGHUI_AUDIT_SIGNING_KEY: z.string().includes('PRIVATE KEY', { message: 'GONGHUI_AUDIT_SIGNING_KEY must be a PEM private key (Ed25519)' }).optional(),
  GONGHUI_AUDIT_CHECKPOINT_FILE: z.string().optional(),
  GONGHUI_BACKUP_DIR: z.string().optional(),
  GONGHUI_IMPORT_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** undefined: seed demo data when the database is new; true/false: forced. */
  demo?: boolean;
  secretKeyHex?: string;
  jobs: boolean;
  /** How many demo members to seed (default 200,000); smaller for quick trials and browser tests. */
  demoMembers?: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** The audit checkpoint signing key (PEM); else DATA_DIR/audit-signing.key, generated on first start. */
  auditSigningKey?: string;
  /** Where signed audit checkpoints are appended outside the database (default DATA_DIR/audit-checkpoints.log). */
  auditCheckpointFile?: string;
  /** Where scheduled backups go (default DATA_DIR/backups). */
  backupDir?: string;
  /** Where uploaded rosters are kept until their import ends, so an interrupted one can start again (default DATA_DIR/imports). */
  importDir?: string;
  logLevel: string;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置无效 / invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.GONGHUI_DEMO === undefined ? undefined : e.GONGHUI_DEMO === '1',
    secretKeyHex: e.GONGHUI_SECRET_KEY,
    jobs: e.GONGHUI_JOBS === '1',
    demoMembers: e.GONGHUI_DEMO_MEMBERS,
    cookieSecure: e.GONGHUI_COOKIE_SECURE === '1',
    trustProxy: e.GONGHUI_TRUST_PROXY === '1',
    auditSigningKey: e.GONGHUI_AUDIT_SIGNING_KEY,
    auditCheckpointFile: e.GONGHUI_AUDIT_CHECKPOINT_FILE ? path.resolve(e.GONGHUI_AUDIT_CHECKPOINT_FILE) : undefined,
    backupDir: e.GONGHUI_BACKUP_DIR ? path.resolve(e.GONGHUI_BACKUP_DIR) : undefined,
    importDir: e.GONGHUI_IMPORT_DIR ? path.resolve(e.GONGHUI_IMPORT_DIR) : undefined,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
  };
}
