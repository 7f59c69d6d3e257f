/**
 * The clause library (集体合同条款库): model clauses a draft starts from, one or more per chapter
 * of a collective contract (集体合同规定 Art. 8: pay, hours and rest, leave, safety and health,
 * supplementary insurance and welfare, women workers' and minors' special protection, training …).
 * Blanks are written as ＿＿ for the negotiators to fill in; the texts are models, not advice.
 */
import type { CLAUSE_CATEGORIES } from './contract-vocab.js';

export interface LibraryClause {
  key: string;
  category: (typeof CLAUSE_CATEGORIES)[number];
  title: string;
  text: string;
}

export const CLAUSE_LIBRARY: readonly LibraryClause[] = [
  {
    key: 'wages.minimum',
    category: 'wages',
    title: '工资水平与最低工资',
    text: '企业职工月工资不低于本市最低工资标准的＿＿%；试用期工资不低于本岗位约定工资的百分之八十。',
  },
  {
    key: 'wages.adjustment',
    category: 'wages',
    title: '年度工资调整',
    text: '企业根据经济效益、本市工资指导线和物价变动，每年＿＿月与职工方协商确定年度工资调整幅度，职工平均工资增长不低于＿＿%。',
  },
  { key: 'wages.payday', category: 'wages', title: '工资支付', text: '企业每月＿＿日前以货币形式足额支付上月工资，不得克扣或者无故拖欠；遇节假日提前支付。' },
  {
    key: 'hours.standard',
    category: 'hours',
    title: '工作时间',
    text: '实行标准工时制度，职工每日工作不超过八小时、每周不超过四十小时；因生产经营需要延长工作时间的，应与工会和职工协商，每月不超过三十六小时，并依法支付加班工资。',
  },
  { key: 'hours.leave', category: 'hours', title: '休息休假', text: '职工依法享受法定节假日、带薪年休假、婚丧假、探亲假；企业保证职工每周至少休息一日。' },
  {
    key: 'safety.conditions',
    category: 'safety',
    title: '劳动安全卫生',
    text: '企业执行国家劳动安全卫生规程和标准，为职工提供符合规定的劳动条件和劳动防护用品，对从事有职业危害作业的职工每年组织职业健康检查。',
  },
  {
    key: 'safety.union',
    category: 'safety',
    title: '工会劳动保护监督',
    text: '工会劳动保护监督检查员有权参加企业安全检查和事故调查；发现危及职工生命安全的情况，有权提出组织职工撤离危险现场。',
  },
  {
    key: 'women.protection',
    category: 'women',
    title: '女职工特殊保护',
    text: '企业不得在女职工经期、孕期、产期、哺乳期安排国家规定禁忌从事的劳动；女职工按规定享受产假、哺乳时间，每年组织一次妇科病、乳腺病检查。',
  },
  { key: 'women.equal', category: 'women', title: '男女同工同酬', text: '企业在录用、晋职、晋级、评定专业技术职称和工资分配上坚持男女平等、同工同酬。' },
  {
    key: 'training.plan',
    category: 'training',
    title: '职业技能培训',
    text: '企业按职工工资总额的＿＿%提取职工教育经费，每年组织职工技能培训不少于＿＿学时，支持职工参加技能等级评价。',
  },
  {
    key: 'welfare.benefits',
    category: 'welfare',
    title: '保险福利',
    text: '企业依法为职工缴纳社会保险；在传统节日为职工发放节日慰问，每年组织一次职工健康体检。',
  },
  {
    key: 'insurance.supplementary',
    category: 'insurance',
    title: '补充保险',
    text: '企业在效益允许时建立企业年金或补充医疗保险，具体办法经职工代表大会讨论通过。',
  },
  {
    key: 'other.disputes',
    category: 'other',
    title: '合同履行与争议处理',
    text: '双方每年至少一次共同检查合同履行情况并向职工代表大会报告；因履行本合同发生争议，双方协商解决，协商不成的依法申请仲裁。',
  },
];
