import { bilingual } from '../../i18n/bilingual';

export const rulesMessages = bilingual({
  'rules.title': ['规则与依据', 'Rules and sources'],
  'rules.intro': ['平台执行的各项规则均为带生效日期和依据的数据。新版本自生效日起适用，之前办理的事项不受影响。标为“工作惯例”的数值不是法定要求，可按本地规定调整。', 'Every rule the platform applies is dated data with its source. A new version applies from its date; what was done before is not changed. Values marked as practice are not statutory and may follow local rules.'],
  'rules.addVersion': ['新增版本', 'Add a version'],
  'rules.addVersionOf': ['新增规则版本：{name}', 'New version: {name}'],
  'rules.effectiveFrom': ['生效日期', 'In force from'],
  'rules.value': ['取值', 'Value'],
  'rules.valueHint': ['按 JSON 格式填写，字段与现行版本相同', 'As JSON, with the same fields as the version in force'],
  'rules.source': ['依据', 'Source'],
  'rules.sourceHint': ['文件名称、文号和条款，例如：某省总工会关于……的规定 第五条', 'The document, its number and article'],
  'rules.weak': ['工作惯例，可调整', 'practice, adjustable'],
  'rules.inForce': ['现行', 'in force'],
  'rules.future': ['待生效', 'scheduled'],
  'rules.origin': ['来源', 'Entered by'],
  'rules.origin.default': ['系统预置', 'shipped'],
  'rules.origin.entered': ['管理员录入', 'entered'],
  'rules.badJson': ['取值不是有效的 JSON', 'The value is not valid JSON'],
});
