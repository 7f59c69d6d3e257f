import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chineseNumber, clausesOf, extractPlan, planJson } from './plan-extract.js';

describe('numbers', () => {
  it('reads Chinese numerals as people write them', () => {
    expect([
      chineseNumber('一千'),
      chineseNumber('两万'),
      chineseNumber('十五'),
      chineseNumber('三百零五'),
      chineseNumber('百万'),
      chineseNumber('二十'),
      chineseNumber('一亿二千万'),
    ]).toEqual([1000, 20000, 15, 305, 1_000_000, 20, 120_000_000]);
    expect(chineseNumber('XX')).toBeNull();
  });
});

describe('one pattern at a time', () => {
  const one = (text: string) => extractPlan(`一、重点工作\n${text}`).sections[0]!.items;
  it('a target in Arabic numerals with its unit and bound', () => {
    expect(one('要新建50个户外劳动者服务站点。')[0]).toMatchObject({ kind: 'target', quantity: { value: 50, unit: '个' }, modules: ['station'] });
    expect(one('全市入会率达到95%以上。')[0]).toMatchObject({
      kind: 'target',
      quantity: { value: 95, unit: '%', bound: 'atLeast' },
      modules: ['member'],
      kpi: { metric: 'member.coverage', phrase: '入会' },
    });
  });
  it('a target in Chinese numerals, and 万 as a multiplier', () => {
    expect(one('开展一千场职工文体活动。')[0]).toMatchObject({ quantity: { value: 1000, unit: '场' } });
    expect(one('年内培训职工两万人次。')[0]).toMatchObject({ quantity: { value: 20000, unit: '人次' }, deadline: '年内' });
    expect(one('筹集帮扶资金3000余万元。')[0]).toMatchObject({ quantity: { value: 30_000_000, unit: '元', bound: 'moreThan' }, modules: ['hardship'] });
    expect(one('团结动员百万职工建功立业。')[0]).toMatchObject({ quantity: { value: 1_000_000, unit: '人' } });
  });
  it('placeholders of an anonymised text are never numbers', () => {
    const it = one('开展各类培训XX万人次，帮扶困难职工***户。')[0]!;
    expect(it.quantity).toMatchObject({ value: null, placeholder: true, unit: '人次', raw: 'XX万人次' });
  });
  it('dates, meetings, plan periods and enumeration counts are not targets', () => {
    for (const t of ['要深入学习贯彻党的二十大精神。', '要落实“十四五”发展规划。', '要围绕三项重点工作谋划实事。', '2022年3月11日要召开会议。']) {
      expect(one(t)[0]?.quantity, t).toBeUndefined();
    }
  });
  it('deadlines', () => {
    expect(one('年底前建成20个职工驿站。')[0]!.deadline).toBe('年底前');
    expect(one('三季度完成工会换届工作。')[0]!.deadline).toBe('三季度');
    expect(one('2023年6月底前完成集体协商要约工作。')[0]).toMatchObject({
      deadline: '2023年6月底前',
      modules: ['collective_contract'],
      kpi: { metric: 'collective_contract.coverage' },
    });
  });
  it('named campaigns, projects and brands, with the phrase that maps them to a module', () => {
    expect(one('持续开展“五赛一争”主题劳动和技能竞赛。')[0]).toMatchObject({
      kind: 'campaign',
      name: '五赛一争主题劳动和技能竞赛',
      modules: ['competition'],
      triggers: [{ module: 'competition', phrase: '五赛一争' }],
    });
    expect(one('实施产业工人技能提升工程。')[0]).toMatchObject({ kind: 'campaign', name: '产业工人技能提升工程', modules: ['training'] });
    expect(one('擦亮“中原大工匠”品牌。')[0]).toMatchObject({ name: '中原大工匠品牌', modules: ['honor'] });
    // A slogan in quotes is not a campaign.
    expect(one('切实做到“党有号召、工会有行动”。')[0]?.kind).toBe('directive');
  });
  it('enumerations split into directives', () => {
    expect(clausesOf('一要加强党的领导，二要服务大局，三要维护职工权益。')).toEqual(['一要加强党的领导，', '二要服务大局，', '三要维护职工权益。']);
    expect(clausesOf('一方面要做好帮扶，另一方面要防止返困。')).toEqual(['一方面要做好帮扶，', '另一方面要防止返困。']);
    expect(one('一是实施职工思想政治引领行动。二是开展集体协商要约活动。').map((i) => [i.kind, i.modules[0]])).toEqual([
      ['campaign', undefined],
      ['directive', 'collective_contract'],
    ]);
  });
});

// Two anonymised plenary speeches of the kind federations write, kept with the demo data.
const speech = (f: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../server/src/seed/texts', f), 'utf8');

describe('the two reference speeches', () => {
  it('the city federation’s: four sections, the named actions, the 20 practical projects and the targets', () => {
    const p = extractPlan(speech('speech-city-federation-plenary-2022.txt'));
    expect(p.title).toBe('在重振XX辉煌的伟大实践中建功立业');
    expect(p.sections.map((s) => `${s.no}、${s.heading}`)).toEqual([
      '一、坚定正确政治方向',
      '二、牢牢把握国之大者',
      '三、突出重点工作任务',
      '四、加强能力作风建设',
    ]);
    const items = p.sections.flatMap((s) => s.items);
    const names = items.filter((i) => i.kind === 'campaign').map((i) => i.name);
    expect(names).toEqual(
      expect.arrayContaining(['职工思想政治引领行动', '建功新时代主力军行动', '乡村振兴劳模出彩行动', '五赛一争主题劳动和技能竞赛', '二十件实事']),
    );
    const targets = items.filter((i) => i.kind === 'target').map((i) => i.quantity);
    expect(targets).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 1000, unit: '场' }),
        expect.objectContaining({ value: 1000, unit: '名', bound: 'atLeast' }),
        expect.objectContaining({ value: 70_000_000, unit: '元' }),
      ]),
    );
    expect(items.find((i) => i.name === '二十件实事')!.modules).toContain('project');
    // "XX" stands for the city's name or an unknown number: never a number.
    expect(items.every((i) => !i.quantity || i.quantity.placeholder || i.quantity.value !== null)).toBe(true);
  });

  it('the provincial federation’s: four sections with their headings, the brands and the practical projects', () => {
    const p = extractPlan(speech('speech-provincial-federation-plenary-2022.txt'));
    expect(p.sections).toHaveLength(4);
    expect(p.sections[2]!.heading).toBe('切实履行维权服务基本职责，着力维护职工队伍与社会大局和谐稳定');
    const items = p.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['中原大工匠品牌', '十件实事']));
    expect(items.some((i) => i.modules.includes('dispute'))).toBe(true);
    expect(items.some((i) => i.modules.includes('studio'))).toBe(true);
  });

  it('reads a 30,000-character report in well under a second, and prints the documented JSON', () => {
    const text = speech('speech-city-federation-plenary-2022.txt');
    const t0 = performance.now();
    const p = extractPlan(text + '\n' + text.split('\n').slice(8).join('\n'));
    expect(performance.now() - t0).toBeLessThan(1000);
    const j = planJson(p);
    expect(Object.keys(j.sections[0]!)).toEqual(['no', 'heading', 'items']);
    expect(Object.keys(j.sections[2]!.items.find((i) => i.kind === 'target')!)).toEqual(expect.arrayContaining(['text', 'kind', 'modules', 'quantity']));
  });
});
