/**
 * The vocabulary of labour disputes (劳动争议, docs/rights.md): case types, intake channels, states,
 * the mediator panel's kinds and the bodies a rejected case is sent to. Codes are English; the UI
 * shows the Chinese.
 */
export interface Label {
  zh: string;
  en: string;
}

export const DISPUTE_TYPES = ['wage_arrears', 'termination', 'social_insurance', 'work_injury', 'overtime', 'labour_relation', 'other'] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];
export const DISPUTE_TYPE_LABELS: Record<DisputeType, Label> = {
  wage_arrears: { zh: '拖欠工资', en: 'Wage arrears' },
  termination: { zh: '解除或终止劳动合同', en: 'Termination' },
  social_insurance: { zh: '社会保险', en: 'Social insurance' },
  work_injury: { zh: '工伤待遇', en: 'Work injury' },
  overtime: { zh: '加班费', en: 'Overtime pay' },
  labour_relation: { zh: '确认劳动关系', en: 'Confirm the labour relationship' },
  other: { zh: '其他', en: 'Other' },
};

/** How a case reached the centre. */
export const DISPUTE_CHANNELS = ['online', 'walk_in', 'hotline', 'court_delegated', 'arbitration_referral'] as const;
export type DisputeChannel = (typeof DISPUTE_CHANNELS)[number];
export const DISPUTE_CHANNEL_LABELS: Record<DisputeChannel, Label> = {
  online: { zh: '职工网上申请', en: 'Online by the worker' },
  walk_in: { zh: '来访登记', en: 'Walk-in' },
  hotline: { zh: '12351热线', en: '12351 hotline' },
  court_delegated: { zh: '法院诉前委派', en: 'Delegated by the court before trial' },
  arbitration_referral: { zh: '仲裁委移送', en: 'Referred by the arbitration commission' },
};

export const DISPUTE_STATUSES = ['received', 'mediating', 'agreed', 'failed', 'closed', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, Label> = {
  received: { zh: '已受理', en: 'Received' },
  mediating: { zh: '调解中', en: 'Mediating' },
  agreed: { zh: '达成调解协议', en: 'Agreement reached' },
  failed: { zh: '调解不成（可申请仲裁）', en: 'No agreement (arbitration open)' },
  closed: { zh: '已结案', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
};
/** States in which the mediation clock runs. */
export const OPEN_DISPUTE_STATUSES: readonly DisputeStatus[] = ['received', 'mediating'];

/** The joint mediation centre's panel (劳动纠纷联调中心): who mediates. */
export const MEDIATOR_KINDS = ['union', 'hr_bureau', 'court_appointed', 'lawyer'] as const;
export type MediatorKind = (typeof MEDIATOR_KINDS)[number];
export const MEDIATOR_KIND_LABELS: Record<MediatorKind, Label> = {
  union: { zh: '工会调解员', en: 'Union mediator' },
  hr_bureau: { zh: '人社部门调解员', en: 'HR bureau mediator' },
  court_appointed: { zh: '法院特邀调解员', en: 'Court-appointed mediator' },
  lawyer: { zh: '律师调解员', en: 'Lawyer' },
};

/** Where a case outside the centre's remit goes instead. */
export const REFER_TO = ['arbitration', 'court', 'labour_inspection', 'social_insurance_agency', 'petition_office', 'other'] as const;
export type ReferTo = (typeof REFER_TO)[number];
export const REFER_TO_LABELS: Record<ReferTo, Label> = {
  arbitration: { zh: '劳动人事争议仲裁委员会', en: 'Labour dispute arbitration commission' },
  court: { zh: '人民法院', en: 'People’s court' },
  labour_inspection: { zh: '劳动保障监察机构', en: 'Labour inspection' },
  social_insurance_agency: { zh: '社会保险经办机构', en: 'Social insurance agency' },
  petition_office: { zh: '信访部门', en: 'Petition office' },
  other: { zh: '其他机构', en: 'Another body' },
};

export function labelList<K extends string>(codes: readonly K[], m: Record<K, Label>) {
  return codes.map((code) => ({ code, zh: m[code].zh, en: m[code].en }));
}

/** Legal aid (法律援助): what the worker asks for. */
export const LEGAL_AID_KINDS = ['consultation', 'drafting', 'arbitration', 'litigation'] as const;
export type LegalAidKind = (typeof LEGAL_AID_KINDS)[number];
export const LEGAL_AID_KIND_LABELS: Record<LegalAidKind, Label> = {
  consultation: { zh: '法律咨询', en: 'Consultation' },
  drafting: { zh: '代写法律文书', en: 'Document drafting' },
  arbitration: { zh: '仲裁代理', en: 'Representation in arbitration' },
  litigation: { zh: '诉讼代理', en: 'Representation in court' },
};
export const LEGAL_AID_CHANNELS = ['hotline', 'walk_in', 'online', 'referral'] as const;
export const LEGAL_AID_CHANNEL_LABELS: Record<(typeof LEGAL_AID_CHANNELS)[number], Label> = {
  hotline: { zh: '12351热线', en: '12351 hotline' },
  walk_in: { zh: '来访', en: 'Walk-in' },
  online: { zh: '网上申请', en: 'Online' },
  referral: { zh: '调解中心转介', en: 'Referred by the mediation centre' },
};
export const LEGAL_AID_STATUSES = ['requested', 'assigned', 'closed', 'declined'] as const;
export const LEGAL_AID_STATUS_LABELS: Record<(typeof LEGAL_AID_STATUSES)[number], Label> = {
  requested: { zh: '待指派', en: 'Requested' },
  assigned: { zh: '律师承办中', en: 'With a lawyer' },
  closed: { zh: '已办结', en: 'Closed' },
  declined: { zh: '不予援助', en: 'Declined' },
};
export const LEGAL_AID_OUTCOMES = ['resolved', 'partly', 'not_resolved', 'referred'] as const;
export const LEGAL_AID_OUTCOME_LABELS: Record<(typeof LEGAL_AID_OUTCOMES)[number], Label> = {
  resolved: { zh: '诉求得到支持', en: 'Claim upheld' },
  partly: { zh: '部分支持', en: 'Partly upheld' },
  not_resolved: { zh: '未获支持', en: 'Not upheld' },
  referred: { zh: '已转其他渠道', en: 'Referred elsewhere' },
};
/** What came of a 12351 call. */
export const HOTLINE_RESULTS = ['answered', 'legal_aid', 'dispute', 'referred'] as const;
export const HOTLINE_RESULT_LABELS: Record<(typeof HOTLINE_RESULTS)[number], Label> = {
  answered: { zh: '当场解答', en: 'Answered' },
  legal_aid: { zh: '转法律援助', en: 'Legal aid opened' },
  dispute: { zh: '转调解', en: 'Sent to mediation' },
  referred: { zh: '转其他部门', en: 'Referred elsewhere' },
};
