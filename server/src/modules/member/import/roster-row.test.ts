import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectHeader, type DetectedColumn } from '../../../../../common/src/roster-headers.js';
import { excelSerialToIso, normaliseRow, parseDateCell } from './roster-row.js';
import { readRoster, detectFormat, detectCsvEncoding, type RosterRow } from './roster-reader.js';
import { runParse } from './roster-host.js';
import { rowData, type SealedChunk } from './roster-seal.js';
import { makeKeyRing } from '../../../platform/crypto.js';
import { csvOf, makeId, xlsxOf } from './roster-fixtures.js';

const TODAY = '2026-01-10';
const header = (...cells: string[]): DetectedColumn[] => {
  const d = detectHeader([{ rowNo: 1, cells }]);
  if (!d.ok) throw new Error(d.zh);
  return d.columns;
};
const COLS = header('姓名', '身份证号', '性别', '出生日期', '手机号码', '民族', '学历', '政治面貌', '用工形式', '是否农民工', '入会时间', '会员证号');
const ID = makeId('1990-03-07', 13, 'M'); // 110105199003070xx, male
const row = (over: Partial<Record<string, unknown>> = {}) => {
  const base: Record<string, unknown> = {
    姓名: '张三',
    身份证号: ID,
    性别: '男',
    出生日期: '1990-03-07',
    手机号码: '13800138000',
    民族: '汉族',
    学历: '本科',
    政治面貌: '群众',
    用工形式: '',
    是否农民工: '否',
    入会时间: '2021-03-05',
    会员证号: '',
  };
  const v = { ...base, ...over };
  return COLS.map((c) => (v[c.header] ?? null) as never);
};

describe('dates as offices write them', () => {
  it('reads Excel serials, including the 1900 leap-year bug boundary', () => {
    expect(excelSerialToIso(44260)).toBe('2021-03-05');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(parseDateCell(44260)).toEqual({ ok: true, value: '2021-03-05', precision: 'day' });
    expect(parseDateCell('44260')).toMatchObject({ value: '2021-03-05' });
  });

  it.each([['2021-03-05'], ['2021/3/5'], ['2021.3.5'], ['2021年3月5日'], ['20210305'], ['２０２１．３．５'], ['2021-03-05 00:00:00'], [' 2021 年 3 月 5 日 ']])(
    '%s → 2021-03-05',
    (s) => {
      expect(parseDateCell(s)).toEqual({ ok: true, value: '2021-03-05', precision: 'day' });
    },
  );

  it('reads Date cells by their UTC day, months, and refuses impossible dates', () => {
    expect(parseDateCell(new Date(Date.UTC(2021, 2, 5)))).toMatchObject({ value: '2021-03-05' });
    expect(parseDateCell('2021.3')).toEqual({ ok: true, value: '2021-03-01', precision: 'month' });
    expect(parseDateCell('2021年3月')).toMatchObject({ precision: 'month' });
    expect(parseDateCell('2021-02-30')).toEqual({ ok: false });
    expect(parseDateCell('去年')).toEqual({ ok: false });
    expect(parseDateCell(null)).toBeNull();
    expect(parseDateCell('  ')).toBeNull();
  });
});

describe('normaliseRow', () => {
  it('normalises a clean row', () => {
    const r = normaliseRow(5, row(), COLS, TODAY);
    expect(r).toMatchObject({ kind: 'valid', rowNo: 5, cardNo: null });
    if (r.kind !== 'valid') return;
    expect(r.fields).toMatchObject({
      name: '张三',
      idNumber: ID,
      sex: 'M',
      birthDate: '1990-03-07',
      mobile: '13800138000',
      ethnicity: '汉族',
      education: 'bachelor',
      politicalStatus: 'masses',
      employmentForm: 'unknown',
      migrantWorker: false,
      joinDate: '2021-03-05',
    });
    expect(r.raw['身份证号']).toBe(ID.slice(0, 6) + '********' + ID.slice(-4));
    expect(r.raw['手机号码']).toBe('138****8000');
  });

  it('folds full-width digits and spaces, and reads synonyms of the vocabularies', () => {
    const fw = ID.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const r = normaliseRow(
      5,
      row({ 姓名: '张\u3000三', 身份证号: fw, 手机号码: '＋86 138-0013-8000', 民族: '汉', 用工形式: '外卖骑手', 是否农民工: '是', 入会时间: '2021年3月5日' }),
      COLS,
      TODAY,
    );
    expect(r.kind === 'valid' && r.fields).toMatchObject({
      name: '张三',
      idNumber: ID,
      mobile: '13800138000',
      ethnicity: '汉族',
      employmentForm: 'food_delivery_rider',
      migrantWorker: true,
      joinDate: '2021-03-05',
    });
  });

  it('skips a blank row', () => {
    expect(
      normaliseRow(
        7,
        COLS.map(() => null),
        COLS,
        TODAY,
      ),
    ).toEqual({ kind: 'blank' });
    expect(
      normaliseRow(
        7,
        COLS.map(() => '\u3000 '),
        COLS,
        TODAY,
      ),
    ).toEqual({ kind: 'blank' });
  });

  it('rejects an ID that Excel turned into a number, saying why and how to fix the column', () => {
    for (const v of [110105199003070000, '1.10105E+17', '110105199003070000']) {
      const r = normaliseRow(9, row({ 身份证号: v }), COLS, TODAY);
      expect(r.kind).toBe('invalid');
      if (r.kind !== 'invalid') continue;
      expect(r.errors[0]).toMatchObject({ row: 9, column: '身份证号', code: 'ID_NUMERIC' });
      expect(r.errors[0]!.message).toContain('文本');
      expect(r.errors[0]!.messageEn).toContain('Text');
    }
  });

  it('checks sex and birth date against the ID number', () => {
    const r = normaliseRow(3, row({ 性别: '女', 出生日期: '1990.3.8' }), COLS, TODAY);
    expect(r.kind === 'invalid' && r.errors.map((e) => [e.column, e.code])).toEqual([
      ['性别', 'SEX_MISMATCH'],
      ['出生日期', 'BIRTH_MISMATCH'],
    ]);
    expect(normaliseRow(3, row({ 出生日期: '1990年3月' }), COLS, TODAY).kind).toBe('valid');
  });

  it('names the column and the allowed values for an unknown vocabulary value', () => {
    const r = normaliseRow(4, row({ 民族: '火星族', 用工形式: '宇航员' }), COLS, TODAY);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    const eth = r.errors.find((e) => e.code === 'ETHNICITY_INVALID')!;
    expect(eth.column).toBe('民族');
    expect(eth.message).toContain('汉族、蒙古族');
    expect(r.errors.find((e) => e.code === 'EMPLOYMENT_FORM_INVALID')!.message).toContain('网约送餐员');
  });

  it('reports every problem of a row, with the ID kept for duplicate detection', () => {
    const r = normaliseRow(6, row({ 姓名: '', 手机号码: '12345', 入会时间: '2099-01-01', 是否农民工: '也许' }), COLS, TODAY);
    expect(r.kind === 'invalid' && r.errors.map((e) => e.code).sort()).toEqual([
      'JOIN_DATE_FUTURE',
      'MIGRANT_WORKER_INVALID',
      'MOBILE_INVALID',
      'NAME_REQUIRED',
    ]);
    expect(r.kind === 'invalid' && r.idNumber).toBe(ID);
  });

  it('leaves optional fields blank, the employment form 未填 (never standard by default), and the join date open', () => {
    const cols = header('名字', '证件号码');
    const r = normaliseRow(2, ['李四', ID], cols, TODAY);
    expect(r.kind === 'valid' && r.fields).toMatchObject({ mobile: null, ethnicity: null, employmentForm: 'unknown', joinDate: '' });
    const blankCell = normaliseRow(3, row({ 用工形式: '' }), COLS, TODAY);
    expect(blankCell.kind === 'valid' && blankCell.fields.employmentForm).toBe('unknown');
  });

  it.each([
    ['劳动合同制', 'standard'],
    ['合同制', 'standard'],
    ['劳务派遣', 'dispatched'],
    ['非全日制', 'part_time'],
    ['退休返聘', 'retiree_rehired'],
    ['外卖骑手', 'food_delivery_rider'],
  ])('reads the HR term %s as %s and keeps the row’s own text', (cell, form) => {
    const r = normaliseRow(4, row({ 用工形式: cell }), COLS, TODAY);
    expect(r.kind === 'valid' && r.fields).toMatchObject({ employmentForm: form, employmentFormText: cell });
  });

  it('refuses a worker under 16 and an age over 100 with the row, the column and the reason', () => {
    const young = normaliseRow(7, row({ 身份证号: makeId('2015-04-02', 21, 'F'), 性别: '女', 出生日期: '2015-04-02' }), COLS, TODAY);
    expect(young.kind).toBe('invalid');
    expect(young.kind === 'invalid' && young.errors).toEqual([expect.objectContaining({ row: 7, column: '身份证号', code: 'UNDER_MIN_AGE' })]);
    expect(young.kind === 'invalid' && young.errors[0]!.message).toContain('未满16周岁');
    const old = normaliseRow(8, row({ 身份证号: makeId('1920-08-15', 33, 'M'), 出生日期: '1920-08-15' }), COLS, TODAY);
    expect(old.kind === 'invalid' && old.errors).toEqual([expect.objectContaining({ row: 8, column: '身份证号', code: 'OVER_MAX_AGE' })]);
    expect(old.kind === 'invalid' && old.errors[0]!.message).toContain('105岁');
    // The edges: 16 on the import date is accepted.
    expect(normaliseRow(9, row({ 身份证号: makeId('2010-01-10', 41, 'M'), 出生日期: '2010-01-10', 入会时间: '2026-01-10' }), COLS, TODAY).kind).toBe('valid');
  });

  it('refuses what the member form refuses (shared schema)', () => {
    const r = normaliseRow(2, row({ 姓名: '张三3' }), COLS, TODAY);
    expect(r.kind === 'invalid' && r.errors[0]).toMatchObject({ code: 'NAME_INVALID', column: '姓名' });
  });
});

async function collect(src: Parameters<typeof readRoster>[0], name: string): Promise<RosterRow[]> {
  const out: RosterRow[] = [];
  for await (const r of readRoster(src, await detectFormat(src, name))) out.push(r);
  return out;
}

describe('reading files', () => {
  const table = [['会员花名册'], ['姓名', '身份证号', '手机'], [], ['张三', ID, '13800138000'], ['“李四”', makeId('1985-12-01', 2), '']];

  it('reads GBK, UTF-8 and UTF-8-with-BOM CSV alike, keeping blank rows in the numbering', async () => {
    const gbk = csvOf(table, 'gbk');
    expect(await detectCsvEncoding({ bytes: gbk })).toBe('gb18030');
    expect(await detectCsvEncoding({ bytes: csvOf(table, 'utf8bom') })).toBe('utf8');
    for (const enc of ['gbk', 'utf8', 'utf8bom'] as const) {
      const rows = await collect({ bytes: csvOf(table, enc) }, 'a.csv');
      expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3, 4, 5]);
      expect(rows[1]!.cells).toEqual(['姓名', '身份证号', '手机']);
      expect(rows[4]!.cells[0]).toBe('“李四”');
    }
  });

  it('reads xlsx cells: rich text, formula results, numbers and dates', async () => {
    const buf = await xlsxOf([
      ['姓名', '身份证号', '入会时间'],
      [{ richText: [{ text: '王' }, { text: '五' }] }, { formula: 'B3', result: ID }, new Date(Date.UTC(2021, 2, 5))],
      [],
      ['赵六', 110105199003070000, 44260],
    ]);
    const rows = await collect({ bytes: buf }, 'x.xlsx');
    expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 4]);
    expect(rows[1]!.cells[0]).toBe('王五');
    expect(rows[1]!.cells[1]).toBe(ID);
    expect(rows[1]!.cells[2]).toBeInstanceOf(Date);
    expect(rows[2]!.cells).toEqual(['赵六', 110105199003070000, 44260]);
  });

  it('refuses old .xls and binary files with a file-level message', async () => {
    await expect(detectFormat({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) }, 'a.xls')).rejects.toMatchObject({ code: 'FILE_XLS' });
    await expect(detectFormat({ bytes: Buffer.from([1, 2, 0, 3]) }, 'a.bin')).rejects.toMatchObject({ code: 'FILE_TYPE' });
  });

  const hex = crypto.randomBytes(32).toString('hex');
  const keys = { ring: makeKeyRing(Buffer.from(hex, 'hex')), secretKeyHex: hex, dataDir: '/nonexistent' };

  it('parses and seals in a worker thread under the test runner too (tsx registered inside the worker)', async () => {
    const chunks: SealedChunk[] = [];
    const rows: unknown[][] = [['XX公司工会会员花名册'], ['名字', '公民身份号码']];
    for (let i = 0; i < 25; i++) rows.push([`职工${'甲乙丙丁戊己庚辛壬癸'[i % 10]}`, makeId('1992-05-01', i)]);
    rows.push(['重复', makeId('1992-05-01', 0)]);
    const r = await runParse(
      { source: { bytes: await xlsxOf(rows, { textColumns: [2] }) }, fileName: 'w.xlsx', today: TODAY, chunkSize: 10 },
      {
        onHeader: (h) => expect(h.rowNo).toBe(2),
        onChunk: async (c) => void chunks.push(c),
      },
      keys,
    );
    expect(r).toEqual({ total: 26, mode: 'worker' });
    expect(chunks.map((c) => c.rowsDone)).toEqual([10, 20, 26]);
    const first = chunks[0]!.valid[0]!;
    expect(first.rowNo).toBe(3);
    // Sealed in the worker: the main thread receives ciphertext and blind indexes only.
    expect(first.idIndex).toBe(keys.ring.blindIndex(makeId('1992-05-01', 0), 'id'));
    expect(JSON.stringify(chunks)).not.toContain(makeId('1992-05-01', 0));
    expect(keys.ring.decrypt(JSON.parse(first.data).idCipher as string)).toBe(makeId('1992-05-01', 0));
  });

  it('for PostgreSQL staging, hands the rows over as ready COPY lines in one transferred buffer', async () => {
    const chunks: SealedChunk[] = [];
    // A backslash, a quote and a tab-like note in the cells: the lines must stay valid COPY text.
    const rows: unknown[][] = [
      ['姓名', '身份证号', '工作单位'],
      ['张三', makeId('1990-01-01', 1), '江城"一厂"\\分厂'],
      ['李四', makeId('1990-01-01', 2), '二厂'],
    ];
    await runParse(
      { source: { bytes: await xlsxOf(rows, { textColumns: [2] }) }, fileName: 'c.xlsx', today: TODAY, chunkSize: 10, copyBatchId: 'B1' },
      {
        onHeader: () => undefined,
        onChunk: async (c) => void chunks.push(c),
      },
      keys,
    );
    const c = chunks[0]!;
    expect(c.copy?.ends.length).toBe(2);
    expect(c.valid.every((v) => v.data === '')).toBe(true);
    const lines = Buffer.from(c.copy!.bytes).toString('utf8').split('\n');
    expect(lines[0]!.split('\t').map((f, i) => (i === 3 ? 'data' : f))).toEqual([
      'B1',
      String(c.valid[0]!.rowNo),
      c.valid[0]!.idIndex,
      'data',
      c.valid[0]!.rowHash,
    ]);
    const data = JSON.parse(rowData(c, 0)) as { name: string; employerName: string; raw: Record<string, string> };
    expect(data.name).toBe('张三');
    expect(data.employerName).toBe('江城"一厂"\\分厂');
    expect(JSON.parse(rowData(c, 1)).name).toBe('李四');
    expect(Buffer.from(c.copy!.bytes).toString('utf8')).not.toContain(makeId('1990-01-01', 1));
  });

  it('seals in-process when the worker cannot derive the same key', async () => {
    const other = { ...keys, secretKeyHex: crypto.randomBytes(32).toString('hex') };
    const r = await runParse(
      {
        source: {
          bytes: csvOf(
            [
              ['姓名', '身份证号'],
              ['张三', ID],
            ],
            'utf8',
          ),
        },
        fileName: 'a.csv',
        today: TODAY,
        chunkSize: 10,
      },
      {
        onHeader: () => undefined,
        onChunk: async (c) => expect(c.valid[0]!.idIndex).toBe(keys.ring.blindIndex(ID, 'id')),
      },
      other,
    );
    expect(r.mode).toBe('inline');
  });

  it('a file without the required header fails as a whole', async () => {
    const h = { onHeader: () => undefined, onChunk: async () => undefined };
    await expect(
      runParse(
        {
          source: {
            bytes: csvOf(
              [
                ['姓名', '手机'],
                ['张三', '13800138000'],
              ],
              'utf8',
            ),
          },
          fileName: 'a.csv',
          today: TODAY,
          chunkSize: 10,
        },
        h,
        keys,
      ),
    ).rejects.toMatchObject({ code: 'HEADER_MISSING_REQUIRED' });
    await expect(
      runParse(
        {
          source: {
            bytes: csvOf(
              [
                ['a', 'b'],
                ['1', '2'],
              ],
              'utf8',
            ),
          },
          fileName: 'a.csv',
          today: TODAY,
          chunkSize: 10,
        },
        h,
        keys,
        'inline',
      ),
    ).rejects.toMatchObject({ code: 'HEADER_NOT_FOUND' });
  });
});
