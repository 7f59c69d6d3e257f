/**
 * Labour and skills competitions and innovation studios (docs/achievement.md): the vocabularies.
 * Levels are those of common/src/honor-rules.ts ACHIEVEMENT_LEVELS (a national contest's winners may
 * be put forward for an honour outside the quota, rule `honor.outside_quota`).
 */
type Label = { zh: string; en: string };

export const COMPETITION_KINDS = ['labour', 'skills'] as const;
export const COMPETITION_KIND_LABELS: Record<(typeof COMPETITION_KINDS)[number], Label> = {
  labour: { zh: '劳动竞赛', en: 'Labour contest' },
  skills: { zh: '职业技能竞赛', en: 'Skills contest' },
};

export const SECTORS = ['manufacturing', 'construction', 'transport', 'energy', 'it', 'services', 'education', 'health', 'public', 'other'] as const;
export const SECTOR_LABELS: Record<(typeof SECTORS)[number], Label> = {
  manufacturing: { zh: '制造业', en: 'Manufacturing' },
  construction: { zh: '建筑业', en: 'Construction' },
  transport: { zh: '交通运输和物流', en: 'Transport and logistics' },
  energy: { zh: '能源', en: 'Energy' },
  it: { zh: '信息技术', en: 'IT' },
  services: { zh: '服务业', en: 'Services' },
  education: { zh: '教育', en: 'Education' },
  health: { zh: '卫生健康', en: 'Health' },
  public: { zh: '机关事业', en: 'Public sector' },
  other: { zh: '其他', en: 'Other' },
};

export const STUDIO_KINDS = ['model_worker', 'craftsman'] as const;
export const STUDIO_KIND_LABELS: Record<(typeof STUDIO_KINDS)[number], Label> = {
  model_worker: { zh: '劳模创新工作室', en: 'Model worker studio' },
  craftsman: { zh: '工匠人才创新工作室', en: 'Craftsman studio' },
};
export const ALLIANCE_KINDS = ['cross_region', 'cross_sector', 'cross_employer'] as const;
export const ALLIANCE_KIND_LABELS: Record<(typeof ALLIANCE_KINDS)[number], Label> = {
  cross_region: { zh: '跨区域', en: 'Across regions' },
  cross_sector: { zh: '跨行业', en: 'Across sectors' },
  cross_employer: { zh: '跨企业', en: 'Across employers' },
};
export const RESULT_KINDS = ['patent', 'process', 'saving', 'award', 'exchange'] as const;
export const RESULT_KIND_LABELS: Record<(typeof RESULT_KINDS)[number], Label> = {
  patent: { zh: '专利', en: 'Patent' },
  process: { zh: '工艺改进', en: 'Process improvement' },
  saving: { zh: '节约增效', en: 'Savings' },
  award: { zh: '获奖', en: 'Award' },
  exchange: { zh: '观摩交流', en: 'Exchange visit' },
};
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export const GRADE_LABELS: Record<(typeof GRADES)[number], Label> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};
