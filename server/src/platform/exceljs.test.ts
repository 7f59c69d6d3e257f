import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import ExcelJS from './exceljs.js';

it('reads Chinese text intact across stream chunk boundaries (upstream exceljs #2063)', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-xl-')), 'roster.xlsx');
  const names = ['张莉晶', '王小明', '欧阳娜娜', '买买提·艾力', '赵钱孙李'];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('名册');
  for (let i = 0; i < 20000; i++) ws.addRow([names[i % 5] + i, '江城宏达机械制造有限公司' + i]).commit();
  await wb.commit();
  let rows = 0;
  let garbled = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, {})) {
    for await (const row of sheet) {
      rows++;
      const values = (row.values as unknown[]).slice(1).map(String);
      if (values.some((v) => v.includes('\uFFFD'))) garbled++;
      if (rows === 1) expect(values[0]).toBe('张莉晶0');
    }
  }
  expect(rows).toBe(20000);
  expect(garbled).toBe(0);
});
