/**
 * A small seeded PRNG for demo data. Seeders must be reproducible (same seed, same database), so
 * nothing in seed/ may call Math.random() or Date.now(); everything random goes through an Rng.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks from [value, weight] pairs; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An RFC 4122 version-4-format UUID built from the stream. */
  uuid(): string;
  /** ISO date (YYYY-MM-DD) uniformly between two ISO dates, both inclusive. */
  date(fromIso: string, toIso: string): string;
  /**
   * An independent stream derived from this one's seed and a label, not from its current state:
   * adding draws to one seeder then does not reshuffle what another seeder produces.
   */
  fork(label: string | number): Rng;
}

/** mulberry32: 32-bit state, good enough statistically for demo data and very fast. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the label, mixed with the parent seed, so forks with different labels diverge. */
function deriveSeed(seed: number, label: string | number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const ch of String(label)) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const DAY_MS = 86_400_000;

export function createRng(seed: number): Rng {
  const raw = mulberry32(seed);
  const rng: Rng = {
    next: raw,
    int(min, max) {
      return min + Math.floor(raw() * (max - min + 1));
    },
    chance(p) {
      return raw() < p;
    },
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(raw() * items.length)]!;
    },
    weighted(entries) {
      let total = 0;
      for (const [, w] of entries) total += w;
      let r = raw() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      // Only reachable through floating-point rounding at the very top of the range.
      return entries[entries.length - 1]![0];
    },
    shuffle(items) {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(raw() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    uuid() {
      const b: number[] = [];
      for (let i = 0; i < 16; i++) b.push(Math.floor(raw() * 256));
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
    date(fromIso, toIso) {
      const from = Date.parse(fromIso + 'T00:00:00Z');
      const to = Date.parse(toIso + 'T00:00:00Z');
      const days = Math.round((to - from) / DAY_MS);
      return new Date(from + rng.int(0, days) * DAY_MS).toISOString().slice(0, 10);
    },
    fork(label) {
      return createRng(deriveSeed(seed, label));
    },
  };
  return rng;
}

/** ISO date arithmetic in UTC so results never depend on the host's time zone. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar years back; 29 Feb lands on 1 Mar in a non-leap year, like common/src/org.ts termEnd. */
export function subtractYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}
