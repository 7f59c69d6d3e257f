import path from 'node:path';
import { parseArgs } from 'node:util';
import { archivableBefore, archiveAuditLog, verifyAuditLog, writeCheckpoint } from '../platform/audit-tail.js';
import { todayInChina } from '../../../common/src/dates.js';
import type { CliCommand } from './commands.js';

/** `audit verify | checkpoint | archive`: the audit log's chain, its signed checkpoints and its retention (docs/operations.md). */
export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage: 'audit verify',
    help: '校验审计日志哈希链和签名检查点（可发现篡改、中间删除和末尾删除）/ verify the hash chain and the signed checkpoints',
    async run(s) {
      const r = await verifyAuditLog(s.db, s.auditSigner);
      if (r.ok) {
        const cp = r.checkpoint
          ? `；与 ${r.checkpoint.at} 的签名检查点（第 ${r.checkpoint.seq} 条）一致 / matches the signed checkpoint of ${r.checkpoint.at}`
          : '';
        const archived = r.archivedUpTo ? `；第 1–${r.archivedUpTo} 条已归档 / entries 1–${r.archivedUpTo} archived` : '';
        console.log(`审计链完整 / audit chain intact: ${r.checked} 条 entries${archived}${cp}`);
        return 0;
      }
      console.error(
        `审计日志在第 ${r.firstBroken!.seq} 条处不完整 / the log is broken at entry ${r.firstBroken!.seq}: ${r.firstBroken!.reason} (${r.checked} entries verified before it)`,
      );
      return 1;
    },
  },
  {
    name: 'audit checkpoint',
    usage: 'audit checkpoint',
    help: '立即为审计日志末尾写入签名检查点（服务运行时每5分钟自动写入）/ sign the log head now (the server does it every 5 minutes)',
    async run(s) {
      const cp = await writeCheckpoint(s.db, s.auditSigner);
      console.log(
        cp
          ? `已写入检查点 / checkpoint written: entry ${cp.seq} (${s.auditSigner.file ?? 'database only'})`
          : '末尾无新记录 / nothing new since the last checkpoint',
      );
      return 0;
    },
  },
  {
    name: 'audit archive',
    usage: 'audit archive --before YYYY-MM-DD [--out FILE]',
    help: `把早于该日期的审计记录归档到签名文件（须至少保留6个月，网络安全法第二十一条）/ archive entries before a date (kept at least 6 months) to a signed file`,
    async run(s, args) {
      const { values } = parseArgs({ args, options: { before: { type: 'string' }, out: { type: 'string' } } });
      if (!values.before || !/^\d{4}-\d{2}-\d{2}$/.test(values.before)) {
        console.error(`需要 --before YYYY-MM-DD，最晚 ${archivableBefore()} / --before is required, at the latest ${archivableBefore()}`);
        return 2;
      }
      const out = path.resolve(values.out ?? path.join(s.config.dataDir, `audit-archive-${values.before}-${todayInChina()}.jsonl`));
      const r = await archiveAuditLog(s.db, s.auditSigner, values.before, out);
      console.log(
        r.archived
          ? `已归档 ${r.archived} 条（第 1–${r.uptoSeq} 条）到 ${r.file} / archived ${r.archived} entries`
          : `没有早于 ${values.before} 的记录 / nothing before ${values.before}`,
      );
      return 0;
    },
  },
];
