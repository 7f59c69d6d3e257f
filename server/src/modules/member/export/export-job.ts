import { MemberExportQuery } from '../../../../../common/src/contracts/member.js';
import { registerExport } from '../../../platform/export-jobs.js';
import { startMemberExport } from './member-export.js';
import { errors } from '../../../platform/errors.js';

/** The roster export as a background job (the same filters, scope, masking and audit as GET /api/members/export). */
registerExport('members', {
  permission: 'member.export',
  async start(c, query, progress) {
    const parsed = MemberExportQuery.safeParse(query);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      throw errors.invalid(
        `导出条件有误：${i.path.join('.')} ${i.message.split(' / ')[0]}`,
        `Invalid export filter: ${i.path.join('.')} ${i.message.split(' / ').at(-1)}`,
      );
    }
    const p = parsed.data;
    const x = await startMemberExport(c, p, { onRows: progress });
    const fileName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(x.disposition)?.[1] ?? `members.${p.format}`);
    return { stream: x.stream, rows: x.rows, fileName, contentType: x.contentType };
  },
});
