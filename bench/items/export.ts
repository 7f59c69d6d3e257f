/**
 * Export of the whole city (city administrator, masked) through GET /api/members/export on the
 * server under test, csv and xlsx: rows/s and the server's peak RSS, beside the same rows written
 * by the library alone in a separate process (bench/child/export-baseline.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REPO, runChildJson, sampleRss, type Child } from '../lib/proc.js';
import { fmtInt, fmtRatio, notMeasured, type ItemResult } from '../lib/report.js';

interface Streamed {
  status: number;
  contentType: string;
  bytes: number;
  lines: number;
  ms: number;
  head: Buffer;
}

async function download(url: string, cookie: string): Promise<Streamed> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  const headParts: Buffer[] = [];
  let headLen = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      if (headLen < 1 << 20) {
        headParts.push(Buffer.from(chunk));
        headLen += chunk.length;
      }
    }
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes, lines, ms: performance.now() - t0, head: Buffer.concat(headParts) };
}

export async function runExport(server: Child, cookie: string, dir: string, expectedRows: number, log: (m: string) => void): Promise<ItemResult[]> {
  const out: ItemResult[] = [];
  let sampleFile: string | null = null;
  let csvRows = expectedRows;
  const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths?: Record<string, unknown> };
  if (!spec.paths?.['/api/members/export']) {
    return (['csv', 'xlsx'] as const).map((f) =>
      notMeasured(`export.${f}`, `export ${f}, whole city (masked)`, 'route GET /api/members/export does not exist yet'),
    );
  }
  for (const format of ['csv', 'xlsx'] as const) {
    const id = `export.${format}`;
    const what = `export ${format}, whole city (masked)`;
    const rss = sampleRss(server.pid);
    let r: Streamed;
    let mem: ReturnType<ReturnType<typeof sampleRss>['stop']>;
    try {
      r = await download(`${server.url}/api/members/export?format=${format}`, cookie);
    } finally {
      mem = rss.stop();
    }
    if (r.status !== 200) {
      out.push(notMeasured(id, what, `GET /api/members/export answered ${r.status} ${r.contentType}: ${r.head.toString('utf8').slice(0, 200)}`));
      continue;
    }
    if (format === 'csv') {
      // Sample rows for the baseline: the header and the first rows of our own output.
      const text = r.head.toString('utf8').replace(/^\uFEFF/, '');
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      const records = parse(complete, { relax_column_count: true }) as string[][];
      const header = records[0] ?? [];
      sampleFile = path.join(dir, 'export-sample.json');
      fs.writeFileSync(sampleFile, JSON.stringify({ header, rows: records.slice(1, 2001) }));
      csvRows = Math.max(0, r.lines - 1);
    }
    const rows = format === 'csv' ? csvRows : expectedRows;
    if (!sampleFile) {
      out.push(notMeasured(id, what, 'no CSV sample rows to build the library-alone baseline'));
      continue;
    }
    const { result: base } = await runChildJson<{ ms: number; rows: number; bytes: number; peakRssMiB: number }>(
      path.join(REPO, 'bench/child/export-baseline.ts'),
      ['--format', format, '--rows', String(rows), '--sample', sampleFile, '--out', path.join(dir, `baseline.${format}`)],
    );
    fs.rmSync(path.join(dir, `baseline.${format}`), { force: true });
    const oursRate = rows / (r.ms / 1000);
    const baseRate = base.rows / (base.ms / 1000);
    const ratio = oursRate / baseRate;
    log(
      `  export ${format}: ${fmtInt(oursRate)} rows/s, peak RSS ${mem.peakMiB.toFixed(0)} MiB; library alone ${fmtInt(baseRate)} rows/s, ${base.peakRssMiB.toFixed(0)} MiB`,
    );
    out.push({
      id,
      what: `${what} — ${rows.toLocaleString('en')} rows, ${(r.bytes / 1048576).toFixed(0)} MiB`,
      ours: `${fmtInt(oursRate)} rows/s (${(r.ms / 1000).toFixed(1)} s), server peak RSS ${mem.peakMiB.toFixed(0)} MiB`,
      limit: `library alone ${fmtInt(baseRate)} rows/s (${(base.ms / 1000).toFixed(1)} s), RSS ${base.peakRssMiB.toFixed(0)} MiB`,
      ratio,
      ratioLabel: `${fmtRatio(ratio)} of library rows/s`,
      target: '— (streamed: RSS flat)',
      met: null,
      data: { ours: { rows, ms: r.ms, bytes: r.bytes, peakRssMiB: mem.peakMiB, contentType: r.contentType }, library: base },
    });
  }
  return out;
}
