import type { Machine } from './machine.js';

/** One measured item: our figure beside its limit, the ratio, and the issue-5 target when it has one. */
export interface ItemResult {
  id: string;
  what: string;
  ours: string;
  limit: string;
  /** The ratio in the direction the target is stated (e.g. our rows/s ÷ COPY rows/s). */
  ratio: number | null;
  ratioLabel: string;
  target: string;
  /** true/false against the target; null when there is no target or nothing was measured. */
  met: boolean | null;
  notMeasured?: string;
  data?: Record<string, unknown>;
}

export interface EngineReport {
  engine: 'pglite' | 'postgres';
  date: string;
  startedAt: string;
  finishedAt: string;
  members: number;
  grassrootsUnions: number;
  quick: boolean;
  machine: Machine;
  database: string;
  items: ItemResult[];
  notes: string[];
}

export function notMeasured(id: string, what: string, why: string, target = '—'): ItemResult {
  return { id, what, ours: '—', limit: '—', ratio: null, ratioLabel: '—', target, met: null, notMeasured: why };
}

const esc = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function markdown(r: EngineReport): string {
  const lines: string[] = [];
  lines.push(
    `### ${r.engine} — ${r.members.toLocaleString('en')} members, ${r.grassrootsUnions.toLocaleString('en')} grassroots unions${r.quick ? ' (quick run)' : ''}`,
  );
  lines.push('');
  lines.push(
    `Machine: ${r.machine.cores} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, load average at start ${r.machine.loadAverage.join(' / ')}. Database: ${r.database}.`,
  );
  lines.push('');
  lines.push('| item | ours | limit | ratio | target | met |');
  lines.push('|---|---|---|---|---|---|');
  for (const i of r.items) {
    if (i.notMeasured) {
      lines.push(`| ${esc(i.what)} | not measured: ${esc(i.notMeasured)} | — | — | ${esc(i.target)} | — |`);
      continue;
    }
    const met = i.met === null ? '—' : i.met ? '✓' : '✗';
    lines.push(`| ${esc(i.what)} | ${esc(i.ours)} | ${esc(i.limit)} | ${esc(i.ratioLabel)} | ${esc(i.target)} | ${met} |`);
  }
  if (r.notes.length) {
    lines.push('');
    for (const n of r.notes) lines.push(`- ${n}`);
  }
  return lines.join('\n');
}

export const fmtMs = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) + ' ms';
export const fmtInt = (v: number) => Math.round(v).toLocaleString('en');
export const fmtRatio = (v: number) => (v >= 10 ? v.toFixed(1) : v.toFixed(2));
