import fs from 'node:fs';
import path from 'node:path';
import { extractPlan, planJson } from '../../../common/src/plan-extract.js';
import type { CliCommand } from './commands.js';

/** Read a speech or report as text: UTF-8 text (GBK tolerated), or a .docx through mammoth. */
export async function readSpeech(file: string): Promise<string> {
  const buf = fs.readFileSync(file);
  if (/\.docx$/i.test(file) || buf.subarray(0, 2).toString('latin1') === 'PK') {
    const mammoth = (await import('mammoth')).default;
    return (await mammoth.extractRawText({ buffer: buf })).value;
  }
  const utf8 = buf.toString('utf8');
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  const iconv = (await import('iconv-lite')).default;
  return iconv.decode(buf, 'gbk');
}

/** `plans extract FILE [--json]`: the plan a speech proposes (common/src/plan-extract.ts, docs/plans.md). */
export const plansCommands: CliCommand[] = [
  {
    name: 'plans extract',
    usage: 'plans extract FILE [--json]',
    help: '从讲话或工作报告（txt、docx）提取工作计划：章节、部署、数量目标、活动和时限 / propose a plan from a speech or report',
    noDatabase: true,
    async run(_s, args) {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) {
        console.error('请指定讲话或报告文件 / name the file');
        return 2;
      }
      if (!fs.existsSync(file)) {
        console.error(`找不到文件：${path.resolve(file)} / no such file`);
        return 1;
      }
      const plan = extractPlan(await readSpeech(file));
      if (args.includes('--json')) {
        console.log(JSON.stringify(planJson(plan)));
        return 0;
      }
      if (plan.title) console.log(plan.title);
      for (const s of plan.sections) {
        console.log(`\n${s.no}、${s.heading}`);
        for (const i of s.items) {
          if (i.kind === 'directive' && !i.modules.length) continue;
          const q = i.quantity ? ` [${i.quantity.value ?? '?'}${i.quantity.unit}]` : '';
          console.log(
            `  ${{ directive: '部署', target: '目标', campaign: '活动' }[i.kind]}${q}${i.deadline ? ` (${i.deadline})` : ''} ${i.modules.join(',')}: ${i.name ?? i.text.slice(0, 60)}`,
          );
        }
      }
      return 0;
    },
  },
];
