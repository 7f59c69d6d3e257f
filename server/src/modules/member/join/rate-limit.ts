import { AppError } from '../../../platform/errors.js';

/**
 * A sliding-window limiter keyed by input rather than by client IP: at most `limit` hits per key
 * within `windowMs`. The per-IP limits of the public routes are declared in their contracts and
 * applied by platform/mount.ts; this one is for keys only a service knows, such as the blind index
 * of an ID number (a member asking for a transfer, guessing the mobile that goes with an ID).
 *
 * Deliberately simple, and documented as such: the counts live in this process, so with several
 * replicas each replica counts on its own (the effective limit is limit × replicas), and a restart
 * forgets them. Put a shared limiter in front (the reverse proxy) for stronger guarantees. The
 * durable rule "at most JOIN_APPLICATIONS_PER_ID_PER_DAY applications per ID number per day" is
 * counted in the database by the join service, not here.
 */
export const PUBLIC_LIMITS = {
  /** A member asking for a transfer, per ID number. */
  selfTransferId: { limit: 5, windowMs: 3_600_000 },
} as const;

export type LimitBucket = keyof typeof PUBLIC_LIMITS;

/** Applications one ID number may submit in one (China) day, counted in the database. */
export const JOIN_APPLICATIONS_PER_ID_PER_DAY = 5;

export function rateLimited() {
  return new AppError(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试', 'Too many requests; please try again later');
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly rules: Record<string, { limit: number; windowMs: number }> = PUBLIC_LIMITS,
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Count one hit; false when the key already used up its window (the refused hit is not counted). */
  hit(bucket: string, key: string): boolean {
    const rule = this.rules[bucket];
    if (!rule) throw new Error(`no rate-limit rule ${bucket}`);
    const t = this.now();
    const k = bucket + '\u0000' + key;
    const recent = (this.hits.get(k) ?? []).filter((at) => at > t - rule.windowMs);
    if (recent.length >= rule.limit) {
      this.hits.set(k, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(k, recent);
    if (this.hits.size > this.maxKeys) this.sweep(t);
    return true;
  }

  /** Throw 429 when the key is over its limit. */
  take(bucket: LimitBucket | string, key: string): void {
    if (!this.hit(bucket, key)) throw rateLimited();
  }

  /** Drop expired keys; if an attacker fills the map with fresh keys, forget the oldest half. */
  private sweep(t: number) {
    const longest = Math.max(...Object.values(this.rules).map((r) => r.windowMs));
    for (const [k, v] of this.hits) if (!v.length || v[v.length - 1]! <= t - longest) this.hits.delete(k);
    if (this.hits.size > this.maxKeys) {
      let drop = Math.ceil(this.hits.size / 2);
      for (const k of this.hits.keys()) {
        if (drop-- <= 0) break;
        this.hits.delete(k);
      }
    }
  }

  get size() {
    return this.hits.size;
  }
}
