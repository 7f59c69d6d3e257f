/**
 * Summarise V8 .cpuprofile files (from BENCH_CPU_PROF=<dir> or node --cpu-prof): the functions and
 * the files with the most self time. Usage: tsx bench/tools/cpuprofile-top.ts FILE… [--top N]
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

const args = process.argv.slice(2);
const topIdx = args.indexOf('--top');
const top = topIdx >= 0 ? Number(args[topIdx + 1]) : 25;
const files = args.filter((a, i) => !a.startsWith('--') && (topIdx < 0 || i !== topIdx + 1));

for (const f of files) {
  const p = JSON.parse(fs.readFileSync(f, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // Attribute each sample's time delta to the node sampled.
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const url = n.callFrame.url.replace(/^file:\/\/\/work\/main\//, '').replace(/.*node_modules\//, 'nm:');
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    const file = url.split(':')[0] === 'nm' ? 'nm:' + url.slice(3).split('/')[0] : url || '(native)';
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const show = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`\n${f}: ${(total / 1e6).toFixed(1)} s sampled (${((p.endTime - p.startTime) / 1e6).toFixed(1)} s wall)`);
  console.log(' by function (self):\n' + show(byFn));
  console.log(' by file / package (self):\n' + show(byFile));
}
