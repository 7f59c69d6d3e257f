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
