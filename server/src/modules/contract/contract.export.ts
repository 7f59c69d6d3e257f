import ExcelJS from 'exceljs';
import { BARGAINING_MACHINE, BARGAINING_SCOPE_LABELS, CONTRACT_KIND_LABELS } from '../../../../common/src/contract-vocab.js';
import type { ContractListParams } from '../../../../common/src/contracts/contract.js';
import { appendAuditStandalone } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { listContracts } from './contract.service.js';
import { coverage } from './coverage.service.js';

/** The most rows one ledger holds; a wider request is narrowed with the list's filters (docs/contracts.md, "Exports"). */
export const LEDGER_MAX_ROWS = 5000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function book(sheet: string, header: { header: string; width: number }[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.columns = header;
  rows.forEach((r) => ws.addRow(r));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The contract ledger (集体合同台账): the list as filtered, in scope (the same query as the list
 * page), one row a bargaining or contract. Audited with the filters and the row count.
 */
export async function contractLedger(c: Ctx, q: ContractListParams) {
  const page = await listContracts(c, { ...q, page: 1, pageSize: LEDGER_MAX_ROWS });
  const status = (s: string) => BARGAINING_MACHINE.states[s as keyof typeof BARGAINING_MACHINE.states]?.zh ?? s;
  const bytes = await book(
    '集体合同台账',
    [
      { header: '序号', width: 6 },
      { header: '名称', width: 40 },
      { header: '类型', width: 22 },
      { header: '范围', width: 10 },
      { header: '承办工会', width: 28 },
      { header: '状态', width: 12 },
      { header: '即将到期', width: 10 },
      { header: '覆盖单位', width: 10 },
      { header: '覆盖职工', width: 10 },
      { header: '要约日期', width: 12 },
      { header: '生效日期', width: 12 },
      { header: '期满日期', width: 12 },
      { header: '当前时限', width: 12 },
    ],
    page.items.map((k, i) => [
      i + 1,
      k.title,
      CONTRACT_KIND_LABELS[k.kind as keyof typeof CONTRACT_KIND_LABELS]?.zh ?? k.kind,
      BARGAINING_SCOPE_LABELS[k.scope as keyof typeof BARGAINING_SCOPE_LABELS]?.zh ?? k.scope,
      k.orgName,
      status(k.status),
      k.expiring ? '是' : '',
      k.parties,
      k.workers,
      k.requestOn,
      k.effectiveOn ?? '',
      k.expiresOn ?? '',
      k.clock ? `${k.clock.due}${k.clock.overdue ? '（已逾期）' : ''}` : '',
    ]),
  );
  await appendAuditStandalone(c.db, {
    actorId: c.actor.userId,
    actorName: c.actor.username,
    ip: c.ip,
    orgId: c.actor.orgId,
    action: 'contract.ledger.export',
    entity: 'bargaining',
    entityId: q.under ?? '-',
    changes: { rows: page.items.length, total: page.total, filters: q },
    detail: null,
  });
  return { fileName: '集体合同台账.xlsx', mime: XLSX, bytes };
}

/** The coverage table (建制率与覆盖) for the asked area and its children, as the page shows it. */
export async function coverageSheet(c: Ctx, under?: string) {
  const cov = await coverage(c, under);
  const row = (r: typeof cov.total) => [r.name, r.employers, r.covered, r.rate ?? '', r.workers, r.workersCovered, r.expiring];
  const bytes = await book(
    '建制率与覆盖',
    [
      { header: '地区/单位', width: 30 },
      { header: '建会单位', width: 10 },
      { header: '已签合同单位', width: 12 },
      { header: '建制率%', width: 10 },
      { header: '职工', width: 10 },
      { header: '覆盖职工', width: 10 },
      { header: '90天内到期', width: 12 },
    ],
    [row(cov.total), ...cov.children.map(row)],
  );
  await appendAuditStandalone(c.db, {
    actorId: c.actor.userId,
    actorName: c.actor.username,
    ip: c.ip,
    orgId: c.actor.orgId,
    action: 'contract.coverage.export',
    entity: 'org',
    entityId: cov.total.orgId,
    changes: { rows: cov.children.length + 1 },
    detail: null,
  });
  return { fileName: '建制率与覆盖.xlsx', mime: XLSX, bytes };
}
