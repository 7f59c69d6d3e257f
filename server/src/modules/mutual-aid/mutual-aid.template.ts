import ExcelJS from '../../platform/exceljs.js';

/**
 * The roster template for enrolling from xlsx (POST /api/mutual-aid/plans/:id/enrolments/import):
 * the column 身份证号 (formatted as text, so Excel keeps all 18 digits), an optional 姓名 for the
 * cadre's own checking, and a 填写说明 sheet.
 */
export async function enrolTemplateWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gonghui 智慧工会';
  const ws = wb.addWorksheet('参保名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '身份证号', key: 'idNumber', width: 24, style: { numFmt: '@' } },
    { header: '姓名', key: 'name', width: 14 },
  ];
  ws.getRow(1).eachCell((cell, col) => {
    cell.font = { bold: true, color: col === 1 ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.note = col === 1 ? '必填 / required' : '选填，仅供核对 / optional, for your own checking';
  });
  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 100 }];
  guide.addRow(['互助保障参保名单填写说明']).font = { bold: true, size: 14 };
  for (const line of [
    '1. 在“参保名单”工作表中从第2行起每人一行，填写会员的18位身份证号；姓名列选填，仅供核对，系统按身份证号查找会员。',
    '2. “身份证号”列已设为文本格式，请勿改为数字格式，否则 Excel 会丢失后三位。',
    '3. 只能为本工会及下级工会的在册会员参保；女职工特殊疾病保障只接受女职工；已参加同一计划的会员不会重复参保。',
    '4. 缴费日期在页面上填写：在计划统一生效日之前缴费的，自统一生效日起保障；当天或之后缴费的，自缴费次月1日起保障。',
    '5. 导入后页面列出成功参保人数和未能参保的行（原表行号和原因），可修改后重新上传。一次最多5000行。',
  ])
    guide.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
