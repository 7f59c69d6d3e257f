import { eq } from 'drizzle-orm';
import { LEVEL3_PRESET, SecuritySettingsSchema, type SecuritySettings } from '../../../common/src/security-settings.js';
import { setting } from '../modules/user/user.schema.js';
import type { Db, Executor } from '../db/client.js';
import type { CalendarOverrides } from '../../../common/src/working-days.js';

/**
 * Settings live in the database so every replica sees the same; each process keeps a copy for a
 * few seconds to keep them off the hot path.
 */
export class SettingsStore {
  private cache: { value: SecuritySettings; at: number } | undefined;
  private calendarCache: { value: CalendarOverrides; at: number } | undefined;
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 5000,
  ) {}

  /**
   * Inside a transaction pass it as `exec`: PGlite has one connection, so a read through the
   * database while a transaction holds it waits for that transaction, which waits for the read.
   */
  async security(exec: Executor = this.db): Promise<SecuritySettings> {
    if (this.cache && Date.now() - this.cache.at < this.ttlMs) return this.cache.value;
    const rows = await exec.select().from(setting).where(eq(setting.key, 'security'));
    const parsed = SecuritySettingsSchema.safeParse({ ...LEVEL3_PRESET, ...((rows[0]?.value as object) ?? {}) });
    const value = parsed.success ? parsed.data : LEVEL3_PRESET;
    this.cache = { value, at: Date.now() };
    return value;
  }

  async saveSecurity(exec: Executor, value: SecuritySettings): Promise<void> {
    await exec
      .insert(setting)
      .values({ key: 'security', value })
      .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
    this.cache = undefined;
  }

  /** Holidays and make-up working days an administrator added (a year the calendar package lacks). */
  async calendar(exec: Executor = this.db): Promise<CalendarOverrides> {
    if (this.calendarCache && Date.now() - this.calendarCache.at < this.ttlMs) return this.calendarCache.value;
    const rows = await exec.select().from(setting).where(eq(setting.key, 'calendar'));
    const v = (rows[0]?.value ?? {}) as Partial<CalendarOverrides>;
    const value = { holidays: v.holidays ?? [], workdays: v.workdays ?? [] };
    this.calendarCache = { value, at: Date.now() };
    return value;
  }

  /** A setting of its own shape (validated; the defaults fill what is missing or invalid). Not cached. */
  async get<T>(key: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }, defaults: T, exec: Executor = this.db): Promise<T> {
    const rows = await exec.select().from(setting).where(eq(setting.key, key));
    const parsed = schema.safeParse({ ...(defaults as object), ...((rows[0]?.value as object) ?? {}) });
    return parsed.success ? (parsed.data as T) : defaults;
  }

  async save(exec: Executor, key: string, value: unknown): Promise<void> {
    await exec
      .insert(setting)
      .values({ key, value })
      .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
  }

  /** The stored calendar read fresh and locked until the transaction ends, so two administrators entering different years both keep theirs. */
  async calendarForUpdate(tx: Executor): Promise<CalendarOverrides> {
    await tx
      .insert(setting)
      .values({ key: 'calendar', value: { holidays: [], workdays: [] } })
      .onConflictDoNothing();
    const rows = await tx.select().from(setting).where(eq(setting.key, 'calendar')).for('update');
    const v = (rows[0]?.value ?? {}) as Partial<CalendarOverrides>;
    return { holidays: v.holidays ?? [], workdays: v.workdays ?? [] };
  }

  /** Drop this process's copy of the calendar (after a change is committed). */
  forgetCalendar(): void {
    this.calendarCache = undefined;
  }

  async saveCalendar(exec: Executor, value: CalendarOverrides): Promise<void> {
    await exec
      .insert(setting)
      .values({ key: 'calendar', value })
      .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
    this.calendarCache = undefined;
  }
}
