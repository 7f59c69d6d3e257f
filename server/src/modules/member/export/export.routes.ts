import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MemberExportQuery } from '../../../../../common/src/contracts/member.js';
import { startMemberExport } from './member-export.js';
import { ctx } from '../../../platform/guard.js';
import { errorResponses } from '../../../platform/contract.js';

export async function memberExportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/members/export', {
    config: { access: 'member.export' },
    schema: {
      tags: ['会员 member'],
      summary: '导出会员名册（当前查询条件，流式；unmask=true 需 member.unmask，记入审计）/ export the current search, streamed',
      description:
        'Same filters as GET /api/members. CSV is UTF-8 with a BOM; XLSX cells are text. ID numbers and mobiles are masked unless unmask=true ' +
        '(403 without member.unmask). Cells starting with = + - @, tab or CR get a leading apostrophe. X-Total-Count gives the row count.',
      querystring: MemberExportQuery,
      response: { 200: z.string().describe('the file: text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errorResponses },
    },
  }, async (req, reply) => {
    const x = await startMemberExport(ctx(app, req), req.query);
    return reply
      .header('content-type', x.contentType)
      .header('content-disposition', x.disposition)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('x-total-count', String(x.rows))
      .send(x.stream as unknown as string); // a stream: Fastify pipes it, no serialisation
  });
}
