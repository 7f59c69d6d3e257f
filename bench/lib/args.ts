export const ITEMS = ['import-csv', 'import-xlsx', 'search', 'dashboard', 'list', 'export', 'hardship-scan', 'modules', 'load'] as const;
export type Item = (typeof ITEMS)[number];

export interface Options {
  quick: boolean;
  members: number;
  xlsxRows: number;
  /** Households for the hardship warning scan (docs/hardship.md). */
  households: number;
  engines: ('pglite' | 'postgres')[];
  only: Set<Item>;
  keep: boolean;
  search: { variants: number; warmup: number; iterations: number; budgetSeconds: number };
  dashboard: { warmup: number; iterations: number; budgetSeconds: number };
  list: { connections: number; seconds: number };
  /** Domain modules: data at this multiple of the demo volume (10; quick 1). */
  moduleScale: number;
  /** The mixed workload: users and seconds (200 for 10 minutes; quick 20 for 30 s). */
  load: { users: number; seconds: number };
}

const USAGE = `npm run bench -- [--quick] [--members N] [--xlsx-rows N] [--households N] [--engine pglite|postgres|both] [--only ${ITEMS.join(',')}] [--keep]

  --quick       a run of a few minutes: 20,000 members, 5,000 xlsx rows, fewer iterations
  --members N   members in the synthetic city (default 1,000,000; about one grassroots union per 50)
  --xlsx-rows N rows of the xlsx roster import (default 100,000; quick 5,000)
  --households N hardship households for the warning scan (default 100,000; quick 5,000)
  --engine      default: pglite, plus postgres when BENCH_DATABASE_URL is set
  --only        measure only these items (the city is always generated and loaded)
  --keep        keep the benchmark database and files (prints where they are)`;

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Options {
  const has = (f: string) => argv.includes(f);
  const val = (f: string) => {
    const i = argv.indexOf(f);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${f} needs a value\n\n${USAGE}`);
    return v;
  };
  if (has('--help') || has('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = new Set(['--quick', '--members', '--xlsx-rows', '--households', '--engine', '--only', '--keep']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    if (!known.has(a)) throw new Error(`unknown option ${a}\n\n${USAGE}`);
  }
  const quick = has('--quick');
  const count = (f: string, d: number) => {
    const v = val(f);
    if (v === undefined) return d;
    const n = Number(v.replaceAll(',', '').replaceAll('_', ''));
    if (!Number.isInteger(n) || n < 100) throw new Error(`${f}: a whole number ≥ 100`);
    return n;
  };
  const engineArg = val('--engine');
  const pgUrl = env.BENCH_DATABASE_URL;
  let engines: Options['engines'];
  if (!engineArg) engines = pgUrl ? ['pglite', 'postgres'] : ['pglite'];
  else if (engineArg === 'both') engines = ['pglite', 'postgres'];
  else if (engineArg === 'pglite' || engineArg === 'postgres') engines = [engineArg];
  else throw new Error(`--engine: pglite, postgres or both\n\n${USAGE}`);
  if (engines.includes('postgres') && !pgUrl)
    throw new Error('the postgres engine needs BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
  const onlyArg = val('--only');
  const only = new Set<Item>();
  for (const x of onlyArg ? onlyArg.split(',') : ITEMS) {
    if (!(ITEMS as readonly string[]).includes(x)) throw new Error(`--only: unknown item ${x}; items: ${ITEMS.join(', ')}`);
    only.add(x as Item);
  }
  return {
    quick,
    members: count('--members', quick ? 20_000 : 1_000_000),
    xlsxRows: count('--xlsx-rows', quick ? 5_000 : 100_000),
    households: count('--households', quick ? 5_000 : 100_000),
    engines,
    only,
    keep: has('--keep'),
    search: quick ? { variants: 8, warmup: 4, iterations: 40, budgetSeconds: 20 } : { variants: 20, warmup: 20, iterations: 300, budgetSeconds: 60 },
    dashboard: quick ? { warmup: 3, iterations: 15, budgetSeconds: 20 } : { warmup: 3, iterations: 40, budgetSeconds: 90 },
    list: { connections: 50, seconds: quick ? 5 : 10 },
    moduleScale: quick ? 1 : 10,
    load: quick ? { users: 20, seconds: 30 } : { users: 200, seconds: 600 },
  };
}
