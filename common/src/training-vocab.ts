/**
 * Training, skill certificates, mentoring and proposals (技能培训、人人持证、师带徒、合理化建议/五小),
 * docs/achievement.md. The five skill levels are those of the national occupational qualification
 * system (《国家职业技能标准编制技术规程》: 五级/初级工, 四级/中级工, 三级/高级工, 二级/技师, 一级/高级技师).
 */
type Label = { zh: string; en: string };

export const COURSE_MODES = ['online', 'offline'] as const;
export const COURSE_MODE_LABELS: Record<(typeof COURSE_MODES)[number], Label> = {
  online: { zh: '线上', en: 'Online' },
  offline: { zh: '线下', en: 'Offline' },
};

export const ENROLMENT_STATUSES = ['enrolled', 'attended', 'absent'] as const;
export const ENROLMENT_STATUS_LABELS: Record<(typeof ENROLMENT_STATUSES)[number], Label> = {
  enrolled: { zh: '已报名', en: 'Signed up' },
  attended: { zh: '已参训', en: 'Attended' },
  absent: { zh: '缺勤', en: 'Absent' },
};

/** 职业技能等级, lowest first. A level outside this list is refused (400). */
export const SKILL_LEVELS = ['junior', 'intermediate', 'senior', 'technician', 'senior_technician'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const SKILL_LEVEL_LABELS: Record<SkillLevel, Label> = {
  junior: { zh: '初级工', en: 'Junior worker (level 5)' },
  intermediate: { zh: '中级工', en: 'Intermediate worker (level 4)' },
  senior: { zh: '高级工', en: 'Senior worker (level 3)' },
  technician: { zh: '技师', en: 'Technician (level 2)' },
  senior_technician: { zh: '高级技师', en: 'Senior technician (level 1)' },
};

export const MENTORING_STATUSES = ['active', 'completed', 'ended'] as const;
export const MENTORING_STATUS_LABELS: Record<(typeof MENTORING_STATUSES)[number], Label> = {
  active: { zh: '带徒中', en: 'Active' },
  completed: { zh: '已出师', en: 'Completed' },
  ended: { zh: '已终止', en: 'Ended' },
};

/** 合理化建议 and the 五小 (小发明、小创造、小革新、小设计、小建议). */
export const PROPOSAL_KINDS = ['rationalisation', 'invention', 'creation', 'innovation', 'design', 'suggestion'] as const;
export const PROPOSAL_KIND_LABELS: Record<(typeof PROPOSAL_KINDS)[number], Label> = {
  rationalisation: { zh: '合理化建议', en: 'Rationalisation proposal' },
  invention: { zh: '小发明', en: 'Small invention' },
  creation: { zh: '小创造', en: 'Small creation' },
  innovation: { zh: '小革新', en: 'Small innovation' },
  design: { zh: '小设计', en: 'Small design' },
  suggestion: { zh: '小建议', en: 'Small suggestion' },
};
