import { describe, expect, it } from 'vitest';
import { detectHeader, matchHeader, normaliseHeader, ROSTER_COLUMNS, type HeaderRow } from './roster-headers.js';

const rows = (...r: unknown[][]): HeaderRow[] => r.map((cells, i) => ({ rowNo: i + 1, cells }));

describe('header cells', () => {
  it('recognises the synonyms offices use for the roster’s headers', () => {
    expect(matchHeader('名字')).toBe('name');
    expect(matchHeader('会员姓名')).toBe('name');
    for (const h of ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证']) expect(matchHeader(h)).toBe('idNumber');
    for (const h of ['手机', '手机号', '手机号码', '联系电话', '电话']) expect(matchHeader(h)).toBe('mobile');
    expect(matchHeader('文化程度')).toBe('education');
    expect(matchHeader('就业形态')).toBe('employmentForm');
    expect(matchHeader('职工类型')).toBe('employmentForm');
    expect(matchHeader('农民工')).toBe('migrantWorker');
    expect(matchHeader('工种')).toBe('occupation');
    expect(matchHeader('用人单位')).toBe('employerName');
    expect(matchHeader('入会日期')).toBe('joinDate');
    expect(matchHeader('会员卡号')).toBe('cardNo');
    expect(matchHeader('备注')).toBe('remark');
  });

  it('ignores full-width spaces, required markers, bracketed notes and trailing colons', () => {
    expect(normaliseHeader('姓\u3000名')).toBe('姓名');
    expect(matchHeader(' *身份证号码（18位）')).toBe('idNumber');
    expect(matchHeader('手机号码(选填)')).toBe('mobile');
    expect(matchHeader('出生日期：')).toBe('birthDate');
    expect(matchHeader('【必填】姓名')).toBe('name');
  });

  it('does not match titles or values', () => {
    expect(matchHeader('XX公司工会会员花名册')).toBeNull();
    expect(matchHeader('张三')).toBeNull();
    expect(matchHeader('')).toBeNull();
  });

  it('every template label is one of its own synonyms', () => {
    for (const c of ROSTER_COLUMNS) expect(matchHeader(c.label)).toBe(c.field);
  });
});

describe('detectHeader', () => {
  it('finds the header below title rows and blank rows, with columns in any order', () => {
    const d = detectHeader(
      rows(
        ['XX公司工会会员花名册'],
        ['填报日期：2024年1月5日', null, '填报人：李四'],
        [],
        ['序号', '公民身份号码', '联系电话', '名字', '民族'],
        ['1', '110105199003070013', '13800138000', '张三', '汉'],
      ),
    );
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.rowNo).toBe(4);
    expect(d.columns.map((c) => [c.index, c.field, c.header])).toEqual([
      [1, 'idNumber', '公民身份号码'],
      [2, 'mobile', '联系电话'],
      [3, 'name', '名字'],
      [4, 'ethnicity', '民族'],
    ]);
    expect(d.unknown).toEqual([{ index: 0, header: '序号' }]);
  });

  it('keeps the first of two columns meaning the same and reports the second', () => {
    const d = detectHeader(rows(['姓名', '身份证号', '手机', '联系电话', '备注']));
    expect(d.ok && d.duplicates).toEqual([{ index: 3, header: '联系电话', field: 'mobile' }]);
    expect(d.ok && d.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'mobile']);
    expect(d.ok && d.unknown).toEqual([]); // 备注 is known and ignored, not reported
  });

  it('reports a missing required column by name, at the header row', () => {
    const d = detectHeader(rows(['会员花名册'], ['姓名', '性别', '手机号码', '民族']));
    expect(d).toMatchObject({ ok: false, problem: 'missing_required', rowNo: 2, missing: ['idNumber'] });
    expect(!d.ok && d.zh).toContain('“身份证号”');
    expect(!d.ok && d.zh).toContain('公民身份号码');
  });

  it('fails clearly when no header is in the first 10 non-blank rows', () => {
    const many = Array.from({ length: 10 }, (_, i) => [`说明第${i + 1}行`]);
    const d = detectHeader(rows(...many, ['姓名', '身份证号']));
    expect(d).toMatchObject({ ok: false, problem: 'no_header' });
    expect(!d.ok && d.zh).toContain('前10行');
  });

  it('counts only non-blank rows towards the 10', () => {
    const blanks = Array.from({ length: 15 }, () => [null, '  ', '\u3000']);
    const d = detectHeader(rows(...blanks, ['姓名', '身份证号']));
    expect(d.ok && d.rowNo).toBe(16);
  });
});
