/**
 * Assistance vocabulary (困难职工帮扶, see docs/rules.md "Hardship assistance"): tiers, causes, the
 * archive form's lists (health, disability, employment, housing, marriage, household registration),
 * file statuses, aid kinds, warning levels and rules. Code names are the glossary's; the UI shows zh.
 */
type Label = { zh: string; en: string };
const labels = <K extends string>(m: Record<K, Label>) => m;

/** Hardship tiers (深度困难 / 相对困难 / 意外致困), docs/rules.md "Hardship assistance". */
export const TIERS = ['deep', 'relative', 'accident'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS = labels<Tier>({
  deep: { zh: '深度困难', en: 'Deep hardship' },
  relative: { zh: '相对困难', en: 'Relative hardship' },
  accident: { zh: '意外致困', en: 'Hardship by accident' },
});

/** Causes of hardship (致困原因) as listed on the archive form; a file has one main cause and any others. */
export const CAUSES = [
  'illness',
  'disability',
  'disaster',
  'schooling',
  'unemployment',
  'single_parent',
  'work_injury',
  'accident',
  'low_income',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];
export const CAUSE_LABELS = labels<Cause>({
  illness: { zh: '因病', en: 'Illness' },
  disability: { zh: '因残', en: 'Disability' },
  disaster: { zh: '因灾', en: 'Disaster' },
  schooling: { zh: '子女上学', en: "Children's schooling" },
  unemployment: { zh: '失业', en: 'Unemployment' },
  single_parent: { zh: '单亲', en: 'Single parent' },
  work_injury: { zh: '工伤', en: 'Work injury' },
  accident: { zh: '意外事故', en: 'Accident' },
  low_income: { zh: '收入低', en: 'Low income' },
  other: { zh: '其他', en: 'Other' },
});

/** Health (健康状况) as the archive form lists it. `serious_illness` drives the new-illness warning. */
export const HEALTH_STATUSES = ['healthy', 'chronic_illness', 'serious_illness', 'disabled', 'other'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];
export const HEALTH_LABELS = labels<HealthStatus>({
  healthy: { zh: '健康', en: 'Healthy' },
  chronic_illness: { zh: '慢性病', en: 'Chronic illness' },
  serious_illness: { zh: '大病', en: 'Serious illness' },
  disabled: { zh: '残疾', en: 'Disabled' },
  other: { zh: '其他', en: 'Other' },
});

/** Disability grade (残疾等级, 残疾人证 grades 1–4; 1 is the most severe). */
export const DISABILITY_GRADES = ['none', 'grade1', 'grade2', 'grade3', 'grade4'] as const;
export const DISABILITY_LABELS = labels<(typeof DISABILITY_GRADES)[number]>({
  none: { zh: '无', en: 'None' },
  grade1: { zh: '一级', en: 'Grade 1' },
  grade2: { zh: '二级', en: 'Grade 2' },
  grade3: { zh: '三级', en: 'Grade 3' },
  grade4: { zh: '四级', en: 'Grade 4' },
});

/** Employment status (就业状况) of the worker and of household members. */
export const EMPLOYMENT_STATUSES = ['employed', 'flexible', 'unemployed', 'retired', 'unable', 'student', 'none'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const EMPLOYMENT_STATUS_LABELS = labels<EmploymentStatus>({
  employed: { zh: '在岗', en: 'Employed' },
  flexible: { zh: '灵活就业', en: 'Flexible work' },
  unemployed: { zh: '失业', en: 'Unemployed' },
  retired: { zh: '退休', en: 'Retired' },
  unable: { zh: '无劳动能力', en: 'Unable to work' },
  student: { zh: '在校学生', en: 'Student' },
  none: { zh: '无业', en: 'Not working' },
});

/** Housing (住房状况). */
export const HOUSING_KINDS = ['own', 'rented', 'public_rental', 'dormitory', 'relatives', 'other'] as const;
export const HOUSING_LABELS = labels<(typeof HOUSING_KINDS)[number]>({
  own: { zh: '自有住房', en: 'Own home' },
  rented: { zh: '租房', en: 'Rented' },
  public_rental: { zh: '公租房/廉租房', en: 'Public rental' },
  dormitory: { zh: '单位宿舍', en: 'Dormitory' },
  relatives: { zh: '借住亲友', en: 'With relatives' },
  other: { zh: '其他', en: 'Other' },
});

/** Marital status (婚姻状况). */
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export const MARITAL_LABELS = labels<(typeof MARITAL_STATUSES)[number]>({
  single: { zh: '未婚', en: 'Single' },
  married: { zh: '已婚', en: 'Married' },
  divorced: { zh: '离异', en: 'Divorced' },
  widowed: { zh: '丧偶', en: 'Widowed' },
});

/** Household registration type (户籍类型). */
export const HUKOU_TYPES = ['urban', 'rural'] as const;
export const HUKOU_LABELS = labels<(typeof HUKOU_TYPES)[number]>({
  urban: { zh: '城镇户籍', en: 'Urban registration' },
  rural: { zh: '农村户籍', en: 'Rural registration' },
});

/** Relationship of a household member to the worker (与职工关系). */
export const RELATIONSHIPS = ['spouse', 'child', 'parent', 'parent_in_law', 'grandchild', 'sibling', 'other'] as const;
export const RELATIONSHIP_LABELS = labels<(typeof RELATIONSHIPS)[number]>({
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  parent_in_law: { zh: '岳父母/公婆', en: 'Parent-in-law' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
});

/**
 * File workflow (建档流程): applied (online by the worker, or opened by a cadre after a visit) →
 * checked by the grassroots union → reviewed by N levels above → filed → exited (解困脱困, then a
 * monitoring period) ; a relapse (返困) files it again. Rejected ends an application.
 */
export const FILE_STATUSES = ['applied', 'reviewing', 'filed', 'exited', 'rejected'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];
export const FILE_STATUS_LABELS = labels<FileStatus>({
  applied: { zh: '待基层工会核实', en: 'Awaiting check' },
  reviewing: { zh: '上级审核中', en: 'Under review' },
  filed: { zh: '已建档', en: 'Filed' },
  exited: { zh: '已解困脱困', en: 'Exited' },
  rejected: { zh: '未通过', en: 'Rejected' },
});
/** Statuses of a household that is (or is being made) a hardship household, or is monitored after exit. */
export const LIVE_STATUSES: FileStatus[] = ['applied', 'reviewing', 'filed', 'exited'];

export const FILE_ORIGINS = ['application', 'discovery'] as const;
export const FILE_ORIGIN_LABELS = labels<(typeof FILE_ORIGINS)[number]>({
  application: { zh: '职工网上申请', en: 'Applied online' },
  discovery: { zh: '走访主动发现', en: 'Found on a visit' },
});

/** Why a household left hardship (解困脱困原因). */
export const EXIT_REASONS = ['income_up', 'employment', 'recovered', 'schooling_done', 'moved_away', 'deceased', 'other'] as const;
export const EXIT_REASON_LABELS = labels<(typeof EXIT_REASONS)[number]>({
  income_up: { zh: '收入提高', en: 'Income rose' },
  employment: { zh: '实现就业', en: 'Found work' },
  recovered: { zh: '病愈/康复', en: 'Recovered' },
  schooling_done: { zh: '子女完成学业', en: 'Schooling finished' },
  moved_away: { zh: '迁出本地', en: 'Moved away' },
  deceased: { zh: '本人去世', en: 'Deceased' },
  other: { zh: '其他', en: 'Other' },
});

/** Aid kinds (帮扶类型); kinds can be stacked for one household. */
export const AID_KINDS = ['living', 'medical', 'education', 'employment', 'legal', 'festival'] as const;
export type AidKind = (typeof AID_KINDS)[number];
export const AID_KIND_LABELS = labels<AidKind>({
  living: { zh: '生活救助', en: 'Living aid' },
  medical: { zh: '医疗救助', en: 'Medical aid' },
  education: { zh: '子女助学', en: 'Education aid' },
  employment: { zh: '就业帮扶', en: 'Employment aid' },
  legal: { zh: '法律援助', en: 'Legal aid' },
  festival: { zh: '送温暖', en: 'Festival (warmth) aid' },
});

/** How aid is handed over (发放方式): the proof it needs follows from it (common/src/hardship-proof.ts). */
export const AID_METHODS = ['cash', 'goods', 'transfer'] as const;
export type AidMethod = (typeof AID_METHODS)[number];
export const AID_METHOD_LABELS = labels<AidMethod>({
  cash: { zh: '现金', en: 'Cash' },
  goods: { zh: '实物', en: 'Goods' },
  transfer: { zh: '银行转账', en: 'Bank transfer' },
});

/** Proof that aid reached the household (签领凭证). `upload` is the generic scan of records made before the kinds were told apart. */
export const PROOF_KINDS = ['signature', 'signed_roster', 'bank_record', 'upload'] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];
export const PROOF_KIND_LABELS = labels<ProofKind>({
  signature: { zh: '领取人当面签名', en: 'Signature of the recipient' },
  signed_roster: { zh: '已签字签领单/名册照片', en: 'Photo of the signed receipt or roster' },
  bank_record: { zh: '银行转账记录', en: 'Bank transfer record' },
  upload: { zh: '签收凭证扫描件', en: 'Scanned receipt' },
});

/** Whether a payment has the proof its method needs: 待补签领 until it has. */
export const PROOF_STATUSES = ['complete', 'pending'] as const;
export type ProofStatus = (typeof PROOF_STATUSES)[number];
export const PROOF_STATUS_LABELS = labels<ProofStatus>({
  complete: { zh: '凭证齐全', en: 'Proof complete' },
  pending: { zh: '待补签领', en: 'Proof missing' },
});

/** Who received the aid (领取人): the worker (户主), a listed household member, or a proxy (代领) with the relation and the reason. */
export const RECIPIENT_KINDS = ['head', 'member', 'proxy'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS = labels<RecipientKind>({
  head: { zh: '户主本人', en: 'Head of household' },
  member: { zh: '家庭成员', en: 'Household member' },
  proxy: { zh: '代领', en: 'Proxy' },
});

/** Attachment kinds (附件) of a file; only PDF, JPEG and PNG scans are accepted. */
export const ATTACHMENT_KINDS = ['id_card', 'income_proof', 'medical_record', 'disability_cert', 'hukou', 'visit_photo', 'other'] as const;
export const ATTACHMENT_LABELS = labels<(typeof ATTACHMENT_KINDS)[number]>({
  id_card: { zh: '身份证', en: 'ID card' },
  income_proof: { zh: '收入证明', en: 'Income proof' },
  medical_record: { zh: '病历/诊断证明', en: 'Medical record' },
  disability_cert: { zh: '残疾证', en: 'Disability certificate' },
  hukou: { zh: '户口簿', en: 'Household register' },
  visit_photo: { zh: '走访照片', en: 'Visit photo' },
  other: { zh: '其他', en: 'Other' },
});

export const VISIT_KINDS = ['discovery', 'follow_up', 'reassessment', 'condolence'] as const;
export const VISIT_KIND_LABELS = labels<(typeof VISIT_KINDS)[number]>({
  discovery: { zh: '走访发现', en: 'Discovery visit' },
  follow_up: { zh: '脱困后回访', en: 'Follow-up after exit' },
  reassessment: { zh: '年度复核走访', en: 'Re-assessment visit' },
  condolence: { zh: '慰问', en: 'Condolence visit' },
});

/** Warning levels (预警等级). */
export const WARNING_LEVELS = ['red', 'orange', 'yellow'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_LABELS = labels<WarningLevel>({
  red: { zh: '红色预警', en: 'Red' },
  orange: { zh: '橙色预警', en: 'Orange' },
  yellow: { zh: '黄色预警', en: 'Yellow' },
});

/** Monitoring rules (监测预警规则); each signal raises one warning with a unique key per cause. */
export const WARNING_RULES = [
  'near_line',
  'serious_illness',
  'job_loss',
  'disaster',
  'relapse_risk',
  'review_overdue',
  'visit_overdue',
  'area_relapse',
  'area_new_deep',
  'proof_missing',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];
export const WARNING_RULE_LABELS = labels<WarningRule>({
  near_line: { zh: '收入接近低保线', en: 'Income near the subsistence line' },
  serious_illness: { zh: '新发大病', en: 'New serious illness' },
  job_loss: { zh: '职工失业', en: 'Worker lost their job' },
  disaster: { zh: '遭受灾害', en: 'Disaster' },
  relapse_risk: { zh: '脱困户返困风险', en: 'Relapse risk of an exited household' },
  review_overdue: { zh: '年度复核逾期', en: 'Yearly re-assessment overdue' },
  visit_overdue: { zh: '回访逾期', en: 'Follow-up visit overdue' },
  area_relapse: { zh: '区域返困人数超阈值（规模性返困）', en: 'Relapses in an area above the threshold' },
  area_new_deep: { zh: '区域新增深度困难超阈值', en: 'New deep-hardship files in an area above the threshold' },
  proof_missing: { zh: '帮扶发放逾期未补签领凭证', en: 'Aid paid without its proof, overdue' },
});

/** Cap rules (帮扶标准上限) an administrator configures; see hardship-caps.ts. */
export const CAP_RULES = ['per_payment', 'per_person_year', 'same_cause_per_year'] as const;
export type CapRule = (typeof CAP_RULES)[number];
export const CAP_RULE_LABELS = labels<CapRule>({
  per_payment: { zh: '单次金额上限', en: 'Maximum per payment' },
  per_person_year: { zh: '每人每年累计上限', en: 'Maximum per person per year' },
  same_cause_per_year: { zh: '同一事由每年次数上限', en: 'Times per year for the same cause' },
});

export function labelList<K extends string>(codes: readonly K[], m: Record<K, Label>) {
  return codes.map((code) => ({ code, ...m[code] }));
}
