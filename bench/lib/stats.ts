/** Small statistics helpers: percentiles over a list of timings (ms). */

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of an unsorted list. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(values: readonly number[]): Summary {
  if (!values.length) return { n: 0, p50: NaN, p95: NaN, mean: NaN, min: NaN, max: NaN };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), mean: sum / values.length, min, max };
}

export const round = (v: number, digits = 2): number => (Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v);

/** Time an async function in milliseconds. */
export async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * Measure two variants of the same work, interleaved (A, B, A, B …) after a warm-up, so drift on a
 * shared machine (other processes, cache state) affects both alike.
 */
export async function measurePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  opts: { warmup: number; iterations: number },
): Promise<{ a: Summary; b: Summary }> {
  for (let i = 0; i < opts.warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < opts.iterations; i++) {
    // Alternate which goes first, so neither always benefits from the other's warm cache.
    if (i % 2 === 0) {
      ta.push((await timeIt(a)).ms);
      tb.push((await timeIt(b)).ms);
    } else {
      tb.push((await timeIt(b)).ms);
      ta.push((await timeIt(a)).ms);
    }
  }
  return { a: summarise(ta), b: summarise(tb) };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
