/** UI strings of online joining: the public pages (入会申请, 申请进度, 会员卡核验) and the union's review. */
import { bilingual } from '../../i18n/bilingual';

const m = bilingual({
  'join.title': ['职工入会申请', 'Join the trade union'],
  'join.intro': ['凡在本市工作、以工资收入为主要生活来源的职工（含快递员、外卖送餐员、网约车司机、货车司机等新就业形态劳动者），都可以在线申请加入工会。申请直接提交给工会，不会通知您的用人单位。', 'Anyone working in the city who lives mainly on wages — couriers, delivery riders, ride-hailing and truck drivers included — can apply online. The application goes straight to the union; your employer is not told.'],
  'join.step.union': ['选择工会', 'Union'],
  'join.step.details': ['填写信息', 'Your details'],
  'join.step.done': ['提交完成', 'Done'],
  'join.find.employerMode': ['我的单位有工会', 'My employer has a union'],
  'join.find.territorialMode': ['单位没有工会', 'My employer has none'],
  'join.find.employerHint': ['输入单位名称、工会名称中的几个字，或统一社会信用代码，查找单位的工会。', 'Type part of your employer\'s or its union\'s name, or the Unified Social Credit Code.'],
  'join.find.territorialHint': ['单位没有建立工会的，可以加入工作地所在的乡镇（街道）或园区工会。输入街道、乡镇或园区名称查找。', 'If your employer has no union, join the union of the street, township or park where you work. Type its name.'],
  'join.find.employerPlaceholder': ['单位名称或统一社会信用代码', 'Employer name or credit code'],
  'join.find.territorialPlaceholder': ['街道、乡镇或园区名称', 'Street, township or park'],
  'join.find.min2': ['请至少输入2个字', 'Type at least 2 characters'],
  'join.find.results': ['查找结果', 'Results'],
  'join.find.noneEmployer': ['没有找到您单位的工会', 'No union found for your employer'],
  'join.find.useTerritorial': ['单位没有工会，加入所在地工会', 'My employer has no union: join the local one'],
  'join.find.noneTerritorial': ['没有找到，请换个名称再试', 'Nothing found; try another name'],
  'join.next': ['下一步', 'Next'],
  'join.nextWith': ['下一步：申请加入“{name}”', 'Next: apply to "{name}"'],
  'join.back': ['上一步', 'Back'],
  'join.submit': ['提交申请', 'Submit'],
  'join.viaTerritorial': ['属地工会', 'Local union'],
  'join.form.toUnion': ['申请加入：{name}', 'Applying to: {name}'],
  'join.form.employerNotTold': ['工会将在15个工作日内与您联系。我们不会通知您的用人单位。', 'The union will contact you within 15 working days. Your employer is not told.'],
  'join.form.territorialNote': ['您将作为所在地的会员加入乡镇（街道）、园区工会。工会将在15个工作日内与您联系，不会通知您的用人单位。', 'You join the street, township or park union of your workplace. It will contact you within 15 working days; your employer is not told.'],
  'join.form.idHint': ['居民身份证号，或港澳台居民居住证号码', 'Resident ID number, or HK/Macao/Taiwan residence permit number'],
  'join.form.mobileHint': ['工会通过此号码与您联系', 'The union contacts you on this number'],
  'join.form.mobileRequired': ['请填写手机号码', 'Enter your mobile number'],
  'join.form.migrant': ['是否农民工（农业户籍、在城镇务工）', 'Migrant worker (rural registration, working in town)'],
  'join.form.occupationPlaceholder': ['如：快递员、外卖骑手、车间操作工', 'e.g. courier, delivery rider, machine operator'],
  'join.form.employerPlaceholder': ['劳动合同或平台上的单位名称', 'As on your contract or platform'],
  'join.form.employerRequired': ['请填写工作单位（至少2个字）', 'Enter your employer (2+ characters)'],
  'join.form.uscc': ['单位统一社会信用代码（选填）', 'Employer\'s credit code (optional)'],
  'join.form.usccHint': ['18位，可在营业执照上找到', '18 characters, printed on the business licence'],
  'join.notice.title': ['个人信息处理告知书（{version}版）', 'Personal-information notice (version {version})'],
  'join.notice.body': [
    '为办理入会，工会需要处理您的以下个人信息：姓名、身份证号码、手机号码、民族、学历、政治面貌、用工形式、是否农民工、职业和工作单位。其中身份证号码和工会会员身份属于敏感个人信息。\n' +
    '一、处理目的：审核入会申请、建立会员实名档案、发放会员卡，以及向您提供工会服务和权益维护。\n' +
    '二、处理方式：身份证号码和手机号码加密存储，默认脱敏显示，只有经授权的工会工作人员因工作需要才能查看完整信息，每次查看都记入审计日志。\n' +
    '三、提供范围：您的申请只提交给您选择的工会及其上级工会，不会告知您的用人单位，也不会向其他第三方提供，法律法规另有规定的除外。\n' +
    '四、保存期限：在您的会籍存续期间及其后法律法规要求的期限内保存。\n' +
    '五、您的权利：您可以查阅、复制、更正您的个人信息，或撤回同意、申请退会，请联系所加入的工会办理。撤回同意不影响撤回前基于同意已进行的处理。\n' +
    '勾选下方“同意”即表示您已阅读本告知书，并单独同意工会处理上述敏感个人信息。',
    'To handle your application the union processes: name, ID number, mobile, ethnicity, education, political status, employment form, migrant-worker status, occupation and employer. Your ID number and union membership are sensitive personal information.\n' +
    '1. Purpose: reviewing the application, keeping the real-name member record, issuing the card, and providing union services and rights protection.\n' +
    '2. How: ID numbers and mobiles are stored encrypted and shown masked; only authorised union staff may see them in full when their work requires it, and every such view is audited.\n' +
    '3. Who receives it: only the union you choose and the unions above it. Your employer is not told, and nothing is given to other third parties unless the law requires it.\n' +
    '4. How long: while you are a member and afterwards for as long as the law requires.\n' +
    '5. Your rights: you may see, copy and correct your information, withdraw consent or leave the union — ask your union. Withdrawal does not affect processing done before it.\n' +
    'Ticking "agree" below means you have read this notice and separately consent to the processing of the sensitive information above.',
  ],
  'join.notice.agree': ['我已阅读并同意《个人信息处理告知书》（{version}版），同意工会处理我的敏感个人信息', 'I have read and agree to the personal-information notice (version {version}) and consent to the processing of my sensitive personal information'],
  'join.notice.required': ['须同意个人信息处理告知书才能提交申请', 'You must agree to the notice to apply'],
  'join.done.title': ['申请已提交', 'Application submitted'],
  'join.done.sub': ['工会将在 {due} 前与您联系。', 'The union will contact you by {due}.'],
  'join.done.keep': ['请记下申请编号。凭申请编号和身份证号可以随时查询办理进度。', 'Keep the application number. With it and your ID number you can check the progress at any time.'],
  'join.link.apply': ['职工入会申请', 'Apply to join'],
  'join.link.status': ['查询申请进度', 'Check my application'],
  'join.link.login': ['工作人员登录', 'Staff sign-in'],
  'join.field.appNo': ['申请编号', 'Application number'],
  'join.field.union': ['申请加入的工会', 'Union applied to'],
  'join.field.submittedOn': ['提交日期', 'Submitted'],
  'join.field.dueOn': ['答复期限', 'Answer due'],
  'join.field.decidedAt': ['办理时间', 'Decided'],
  'join.field.status': ['办理状态', 'Status'],
  'join.field.consentAt': ['告知书{version}版，{at} 在线同意', 'Notice version {version}, agreed online {at}'],
  'join.check.title': ['查询入会申请进度', 'Check an application'],
  'join.check.appNoRule': ['请填写申请编号', 'Enter the application number'],
  'join.check.privacy': ['须同时填写申请编号和申请人身份证号', 'Both the application number and the applicant\'s ID number are needed'],
  'join.check.submit': ['查询', 'Check'],
  'join.check.pending': ['审核中', 'Under review'],
  'join.check.pendingSub': ['工会将在 {due} 前答复。', 'The union will answer by {due}.'],
  'join.check.approved': ['已批准入会', 'Approved: you are a member'],
  'join.check.rejected': ['未予批准', 'Not approved'],
  'join.filter.overdueOnly': ['只看逾期', 'Overdue only'],
  'join.filter.q': ['申请人姓名', 'Applicant\'s name'],
  'join.summary.pending': ['待审核', 'Pending'],
  'join.summary.overdue': ['已逾期', 'Overdue'],
  'join.summary.dueSoon': ['3个工作日内到期', 'Due within 3 working days'],
  'join.summary.overdueBelow': ['下级工会逾期', 'Overdue at lower unions'],
  'join.review.detail': ['入会申请', 'Join application'],
  'join.review.handle': ['办理', 'Handle'],
  'join.review.approve': ['批准入会', 'Approve'],
  'join.review.reject': ['驳回', 'Reject'],
  'join.review.approveTitle': ['批准 {name} 入会？', 'Approve {name}?'],
  'join.review.approveConfirm': ['批准后将在“{org}”登记为会员并发放会员卡。', 'The applicant becomes a member of "{org}" and receives a card.'],
  'join.review.approved': ['已批准 {name} 入会，会员证号 {card}', '{name} approved; card number {card}'],
  'join.review.rejectTitle': ['驳回 {name} 的入会申请', 'Reject the application of {name}'],
  'join.review.reason': ['驳回理由', 'Reason'],
  'join.review.reasonHint': ['申请人查询进度时能看到此理由，请写清楚原因和可以怎么办', 'The applicant sees this when checking the application: say why and what they can do'],
  'join.review.reasonRule': ['请填写驳回理由（至少2个字）', 'Give a reason (2+ characters)'],
  'join.review.rejected': ['已驳回 {name} 的申请', 'Application of {name} rejected'],
  'join.review.overdueAlert': ['已超过答复期限（{due}），请尽快办理', 'The answer was due on {due}; please handle it now'],
  'join.review.approvedAlert': ['已批准入会，会员证号 {card}', 'Approved; card number {card}'],
  'join.review.rejectedAlert': ['已驳回：{reason}', 'Rejected: {reason}'],
  'join.review.openMember': ['查看会员', 'Open member'],

  'card.verify.title': ['会员卡核验', 'Card verification'],
  'card.verify.valid': ['会员卡有效', 'Valid membership card'],
  'card.verify.invalid': ['会员卡无效', 'Card not valid'],
  'card.verify.noToken': ['缺少核验码，请扫描会员卡上的二维码', 'No code given: scan the QR code on the card'],
  'card.verify.reason.signature': ['二维码不是本平台签发的，或已被篡改', 'The code was not issued by this platform or has been altered'],
  'card.verify.reason.unknown': ['未找到该会员卡', 'No such card'],
  'card.verify.reason.left': ['持卡人已退会，会员卡已失效', 'The holder has left the union; the card is no longer valid'],
});

export const joinZh = m.zh;
export const joinEn = m.en;
