/**
 * A mixed workload of many users against the server under test in its own process: each virtual
 * user signs in, then keeps doing what cadres do — search, list, open a record, look at the
 * dashboard, edit a member of their own — with a short think time. Reports errors (any 5xx, a
 * network failure, or a 4xx other than the 409 two editors can earn), p95 per action, throughput and
 * the server's resident memory.
 */
import { sampleRss, type Child } from '../lib/proc.js';
import { summarise, type Summary } from '../lib/stats.js';
import { fmtMs, type ItemResult } from '../lib/report.js';

export interface MixedOptions {
  users: number;
  seconds: number;
  /** Accounts to sign in with (username, password), used in turn. */
  accounts: { username: string; password: string }[];
  /** Members each user may edit (one per user, so only real conflicts give 409). */
  editable: string[];
  /** Search terms (names, name parts). */
  terms: string[];
}

type Action = 'signin' | 'search' | 'list' | 'detail' | 'dashboard' | 'edit';
const MIX: [Exclude<Action, 'signin'>, number][] = [
  ['search', 30],
  ['list', 25],
  ['detail', 20],
  ['dashboard', 15],
  ['edit', 10],
];

export async function runMixedLoad(server: Child, o: MixedOptions, log: (m: string) => void): Promise<ItemResult[]> {
  const times = new Map<Action, number[]>();
  const errors: string[] = [];
  let requests = 0;
  const record = (a: Action, ms: number) => {
    requests++;
    const list = times.get(a) ?? [];
    list.push(ms);
    times.set(a, list);
  };
  const rss = sampleRss(server.pid, 500);
  const until = Date.now() + o.seconds * 1000;
  let seed = 1;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

  async function user(i: number) {
    const acct = o.accounts[i % o.accounts.length]!;
    let cookie = '';
    let csrf = '';
    const call = async (a: Action, method: string, path: string, body?: unknown, expect409 = false) => {
      const t = performance.now();
      try {
        const res = await fetch(server.url + path, {
          method,
          headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        record(a, performance.now() - t);
        if (res.status >= 500 || (res.status >= 400 && !(expect409 && res.status === 409)))
          errors.push(`${a} ${method} ${path} → ${res.status} ${text.slice(0, 120)}`);
        return { res, text };
      } catch (e) {
        record(a, performance.now() - t);
        errors.push(`${a} ${method} ${path} → ${(e as Error).message}`);
        return null;
      }
    };
    const signIn = async () => {
      // People arrive over a few seconds, not in the same millisecond; a sign-in refused as busy
      // (too many of one account at once) is tried again, as the login page lets a person do.
      await new Promise((r) => setTimeout(r, i * 25));
      let r = null;
      for (let attempt = 0; attempt < 6; attempt++) {
        const t = performance.now();
        const res = await fetch(server.url + '/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: acct.username, password: acct.password }),
        }).catch(() => null);
        const text = res ? await res.text() : '';
        if (res?.status === 429) {
          await new Promise((w) => setTimeout(w, 200 * (attempt + 1)));
          continue;
        }
        record('signin', performance.now() - t);
        if (!res || !res.ok) errors.push(`signin → ${res?.status ?? 'network'} ${text.slice(0, 120)}`);
        else r = { res, text };
        break;
      }
      if (!r) return false;
      cookie = (r.res.headers.get('set-cookie') ?? '').split(';')[0]!;
      csrf = (JSON.parse(r.text) as { csrfToken?: string }).csrfToken ?? '';
      return !!cookie;
    };
    if (!(await signIn())) return;
    const mine = o.editable[i % o.editable.length]!;
    while (Date.now() < until) {
      let pick = rand() * 100;
      const action = MIX.find(([, w]) => (pick -= w) < 0)![0];
      if (action === 'search') await call('search', 'GET', `/api/members?q=${encodeURIComponent(o.terms[Math.floor(rand() * o.terms.length)]!)}&pageSize=20`);
      else if (action === 'list') await call('list', 'GET', `/api/members?page=${1 + Math.floor(rand() * 5)}&pageSize=20`);
      else if (action === 'detail') await call('detail', 'GET', `/api/members/${mine}`);
      else if (action === 'dashboard') await call('dashboard', 'GET', rand() < 0.5 ? '/api/dashboard/members' : '/api/dashboard/orgs');
      else {
        const d = await call('detail', 'GET', `/api/members/${mine}`);
        if (d?.res.ok) {
          const m = JSON.parse(d.text) as { version: number; joinDate: string; name: string };
          await call(
            'edit',
            'PUT',
            `/api/members/${mine}`,
            { fields: { name: m.name, joinDate: m.joinDate, occupation: `岗位${Math.floor(rand() * 100)}` }, version: m.version },
            true,
          );
        }
      }
      await new Promise((r) => setTimeout(r, 50 + rand() * 200)); // think time
    }
  }

  const t0 = Date.now();
  await Promise.all(Array.from({ length: o.users }, (_, i) => user(i)));
  const secs = (Date.now() - t0) / 1000;
  const mem = rss.stop();
  const by: Record<string, Summary> = {};
  for (const [a, list] of times) by[a] = summarise(list);
  log(
    `  mixed load: ${o.users} users, ${secs.toFixed(0)} s, ${requests} requests (${(requests / secs).toFixed(0)}/s), ${errors.length} errors, peak RSS ${mem.peakMiB.toFixed(0)} MiB`,
  );
  for (const [a, s] of Object.entries(by)) log(`    ${a}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})`);
  if (errors.length) log(`    first errors: ${errors.slice(0, 5).join(' | ')}`);
  const what = `mixed workload: ${o.users} users for ${Math.round(secs)} s (sign-in, search, list, detail, dashboard, edits)`;
  return [
    {
      id: 'load.mixed',
      what,
      ours: `${errors.length} errors of ${requests} requests (${(requests / secs).toFixed(0)} req/s); server peak RSS ${mem.peakMiB.toFixed(0)} MiB`,
      limit: '—',
      ratio: null,
      ratioLabel: '—',
      target: '0 errors',
      met: errors.length === 0,
      data: { users: o.users, seconds: secs, requests, errors: errors.slice(0, 50), errorCount: errors.length, peakRssMiB: mem.peakMiB, byAction: by },
    },
    ...Object.entries(by).map(([a, s]) => ({
      id: `load.mixed.${a}`,
      what: `mixed workload — ${a}`,
      ours: `p50 ${fmtMs(s.p50)}, p95 ${fmtMs(s.p95)} (n=${s.n})`,
      limit: '—',
      ratio: null,
      ratioLabel: '—',
      target: '—',
      met: null,
    })),
  ];
}
