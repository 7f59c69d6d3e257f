import { ORG_KINDS, ORG_KIND_LABELS, ORG_LEVELS, ORG_LEVEL_LABELS } from '../../../../common/src/org';
import { vocabOf } from '../../kit';

export const LEVELS = vocabOf(ORG_LEVELS, ORG_LEVEL_LABELS);
export const KINDS = vocabOf(ORG_KINDS, ORG_KIND_LABELS);
/** 换届 status: red 已到期, orange 即将到期 (within 90 days), green 正常, grey 未填写. */
export const TERM = {
  expired: { zh: '已到期', en: 'Expired', color: 'red' },
  expiring: { zh: '即将到期', en: 'Expiring', color: 'orange' },
  ok: { zh: '正常', en: 'In term', color: 'green' },
  unknown: { zh: '未填写', en: 'Not recorded', color: 'default' },
  due: { zh: '已到期或即将到期', en: 'Expired or expiring' },
};
export const ACTIVE = { true: { zh: '启用', en: 'Active', color: 'success' }, false: { zh: '已停用', en: 'Deactivated', color: 'default' } };
