import { PassThrough, type Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from '../../../platform/exceljs.js';
import { matchHeader, ROSTER_COLUMNS } from '../../../../../common/src/roster-headers.js';
import {
  CHOSEN_EMPLOYMENT_FORMS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  EMPLOYMENT_FORM_LABELS,
  ETHNICITIES,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
} from '../../../../../common/src/member-vocab.js';
import { appendAudit } from '../../../platform/audit.js';
import * as repo from './import.repo.js';
import { presentError } from './import.query.js';
import { actorIdOf, requireBatchInScope } from './import.service.js';
import type { Ctx } from '../../../platform/context.js';

/** The spreadsheets of the import: the error report (streamed) and the template with instructions. */

/** A cell a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutralise(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * All errors of a batch as xlsx, streamed: original row number, column, message, and the row's
 * values (ID number and mobile masked). Reading them is an export, so it is audited.
 */
export async function errorsWorkbook(c: Ctx, id: string): Promise<{ stream: Readable; fileName: string }> {
  const b = await requireBatchInScope(c, c.db, id);
  const keys = await repo.rows<{ k: string }>(
    c.db,
    sql`SELECT DISTINCT jsonb_object_keys(raw->'values') AS k FROM import_error WHERE batch_id = ${id} AND raw ? 'values'`,
  );
  const order = (k: string) => {
    const f = matchHeader(k);
    const i = ROSTER_COLUMNS.findIndex((x) => x.field === f);
    return i < 0 ? 99 : i;
  };
  const valueCols = keys.map((k) => k.k).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  await c.db.transaction((tx) =>
    appendAudit(tx, {
      actorId: actorIdOf(c),
      actorName: c.actor.username,
      ip: c.ip,
      orgId: b.batch.orgId,
      action: 'member.import_errors_export',
      entity: 'import_batch',
      entityId: id,
    }),
  );

  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误清单');
  ws.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 14 },
    { header: '错误代码', key: 'code', width: 22 },
    { header: '问题说明', key: 'message', width: 60 },
    { header: 'Problem', key: 'messageEn', width: 50 },
    ...valueCols.map((k, i) => ({ header: `原值：${k}`, key: `v${i}`, width: 18 })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const fileName = `导入错误-${b.batch.fileName.replace(/\.[^.]+$/, '')}.xlsx`;
  void (async () => {
    try {
      const maxRow = await repo.maxErrorRow(c.db, id);
      for (let after = -1; after < maxRow; after += 5000) {
        const page = await repo.errorsPage(c.db, id, after, 5000);
        for (const e of page) {
          const p = presentError(e);
          const values = ((e.raw ?? {}) as unknown as repo.ErrorRaw).values ?? {};
          const row: Record<string, unknown> = {
            row: p.row || null,
            column: p.column ?? '',
            code: p.code,
            message: neutralise(p.message),
            messageEn: neutralise(p.messageEn),
          };
          valueCols.forEach((k, i) => (row[`v${i}`] = values[k] === undefined ? null : neutralise(values[k]!)));
          ws.addRow(row).commit();
        }
        // Backpressure: a slow download must not make the whole report pile up in memory.
        while (out.readableLength > 4 * 1024 * 1024 && !out.destroyed) await new Promise((r) => setTimeout(r, 20));
        if (out.destroyed) return;
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return { stream: out, fileName };
}

const TEXT_FIELDS = new Set(['idNumber', 'mobile', 'cardNo']);
const DATE_FIELDS = new Set(['birthDate', 'joinDate']);
const TEMPLATE_ROWS = 5000;

/** The import template: the expected columns (ID column formatted as text), drop-down lists, and a 填写说明 sheet. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gonghui 智慧工会';
  const ws = wb.addWorksheet('会员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  const guide = wb.addWorksheet('填写说明');

  ws.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.label,
    key: c.field,
    width: c.field === 'idNumber' ? 22 : c.field === 'employerName' ? 28 : 14,
    style: TEXT_FIELDS.has(c.field) ? { numFmt: '@' } : DATE_FIELDS.has(c.field) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  ws.getRow(1).eachCell((cell, col) => {
    const def = ROSTER_COLUMNS[col - 1]!;
    cell.font = { bold: true, color: def.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.note = def.required ? '必填 / required' : '选填 / optional';
  });

  const vocab: [string, readonly string[]][] = [
    ['ethnicity', ETHNICITIES],
    ['employmentForm', CHOSEN_EMPLOYMENT_FORMS.map((f) => EMPLOYMENT_FORM_LABELS[f].zh)],
    ['education', EDUCATION_LEVELS.map((e) => EDUCATION_LABELS[e].zh)],
    ['politicalStatus', POLITICAL_STATUSES.map((p) => POLITICAL_STATUS_LABELS[p].zh)],
  ];
  vocab.forEach(([field, values], i) => {
    const col = String.fromCharCode(65 + i);
    lists.getCell(`${col}1`).value = ROSTER_COLUMNS.find((c) => c.field === field)!.label;
    values.forEach((v, j) => (lists.getCell(`${col}${j + 2}`).value = v));
    addList(ws, field, [`选项!$${col}$2:$${col}$${values.length + 1}`]);
  });
  addList(ws, 'sex', ['"男,女"']);
  addList(ws, 'migrantWorker', ['"是,否"']);

  guide.columns = [{ width: 16 }, { width: 12 }, { width: 90 }];
  guide.addRow(['会员名册导入说明']).font = { bold: true, size: 14 };
  guide.addRow([]);
  for (const line of [
    '1. 在“会员名册”工作表中从第2行起逐行填写，每人一行；表头上方可以有标题行，列的顺序可以调整，多余的列会被忽略。',
    '2. “身份证号”列已设为文本格式，请勿改为数字或常规格式：Excel 会把18位号码变成科学计数法并丢失后三位，这样的行会被拒绝。',
    '3. 日期可写作 2021-03-05、2021/3/5、2021.3.5、2021年3月5日 或 20210305；出生日期和性别可不填，系统从身份证号中读取，填写时须与身份证号一致。',
    '4. 同一身份证号在文件中出现多次时只导入第一次出现的行；已在其他工会登记会籍的人员会被拒绝，请办理会员关系接转。',
    '5. 导入前会先显示预览和逐行错误，可下载错误清单（含原表行号）修改后重新上传；同一文件重复导入不会产生重复数据，修改后的文件会更新已有会员信息。',
    '6. 会员证号可不填，系统自动分配；已在册会员的会员证号不会被修改。入会时间不填时，新会员按导入当天登记。',
    '7. 也支持 CSV 文件（UTF-8 或 Excel 默认的 GBK 编码）。',
  ])
    guide.addRow(['', '', line]);
  guide.addRow([]);
  guide.addRow(['列名', '是否必填', '说明（可识别的其他列名）']).font = { bold: true };
  for (const c of ROSTER_COLUMNS)
    guide.addRow([c.label, c.required ? '必填' : '选填', `${c.en}；也可写作：${c.synonyms.filter((s) => s !== c.label).join('、') || '—'}`]);
  guide.addRow([]);
  guide.addRow(['示例', '', '张三 | 11010519491231002X | 13800138000 | 女 | … | 标准劳动关系职工 | 否 | 2021.3.5']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addList(ws: ExcelJS.Worksheet, field: string, formulae: string[]) {
  const idx = ROSTER_COLUMNS.findIndex((c) => c.field === field);
  const col = String.fromCharCode(65 + idx);
  (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}2:${col}${TEMPLATE_ROWS}`, {
    type: 'list',
    allowBlank: true,
    formulae,
    showErrorMessage: field !== 'employmentForm' && field !== 'education' && field !== 'politicalStatus',
    errorTitle: '请从下拉列表中选择',
    error: '请从下拉列表中选择一个值',
  });
}
