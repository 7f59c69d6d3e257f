import { cjkDocument, ymd } from './agreement-pdf.js';
import { formatYuan } from '../../../../common/src/hardship-tier.js';
import { DISPUTE_TYPE_LABELS, type DisputeType } from '../../../../common/src/dispute-vocab.js';
import { EVIDENCE_KIND_LABELS, REFERRAL_GROUND_LABELS, type EvidenceKind } from '../../../../common/src/dispute-records.js';

export interface ReferralBundleData {
  caseNo: string;
  centreName: string;
  mediatorName: string | null;
  receivedOn: string;
  applicants: { name: string; idMasked: string | null; representative: boolean }[];
  workerCount: number;
  employerName: string;
  employerUscc: string | null;
  type: string;
  amountClaimedFen: number | null;
  facts: string;
  outcomeSought: string;
  agreement: { agreedOn: string; terms: string; amountFen: number } | null;
  failReason: string | null;
  referral: { ground: string; referredOn: string; commission: string; note: string | null };
  instalments: { seq: number; dueOn: string; amountFen: number; paidFen: number; paidOn: string | null; payments: { amountFen: number; paidOn: string }[] }[];
  missedSeqs: number[];
  evidence: { kind: string; fileName: string; sha256: string | null; present: boolean }[];
}

/**
 * The file sent with a referral to arbitration (仲裁移送卷宗), one PDF: the case summary, the
 * parties, the mediation agreement, the payment record (each instalment with what was paid and what
 * is outstanding; a missed one is the breach, 劳动争议调解仲裁法 Art. 15) and the list of evidence with
 * each file's SHA-256 (the files themselves are downloaded from the case). Built with pdfkit and the
 * server's CJK font, like the agreement (503 with advice when the server has none).
 */
export async function referralBundlePdf(a: ReferralBundleData): Promise<Buffer> {
  const { doc, width, heading, para, end } = cjkDocument(`仲裁移送卷宗 ${a.caseNo}`);

  doc.fontSize(18).text('劳动争议仲裁移送卷宗', { align: 'center', width });
  doc.fontSize(10).text(`案件编号：${a.caseNo}    移送单位：${a.centreName}`, { align: 'center', width }).moveDown(0.5);

  heading('一、移送情况');
  para(`移送事由：${REFERRAL_GROUND_LABELS[a.referral.ground as 'breach']?.zh ?? a.referral.ground}`);
  para(`接收机构：${a.referral.commission}    移送日期：${ymd(a.referral.referredOn)}`);
  if (a.referral.note) para(`说明：${a.referral.note}`);

  heading('二、案情摘要');
  para(`受理日期：${ymd(a.receivedOn)}    争议类型：${DISPUTE_TYPE_LABELS[a.type as DisputeType]?.zh ?? a.type}    调解员：${a.mediatorName ?? '—'}`);
  if (a.amountClaimedFen !== null) para(`请求金额：人民币 ${formatYuan(a.amountClaimedFen)} 元`);
  para(`事实与理由：${a.facts}`);
  para(`请求事项：${a.outcomeSought}`);
  if (a.failReason) para(`调解不成的原因：${a.failReason}`);

  heading('三、当事人');
  a.applicants.forEach((p) => para(`申请人${p.representative ? '（代表人）' : ''}：${p.name}${p.idMasked ? `，身份证号 ${p.idMasked}` : ''}`));
  if (a.workerCount > a.applicants.length) para(`本案涉及劳动者共 ${a.workerCount} 人。`);
  para(`被申请人（用人单位）：${a.employerName}${a.employerUscc ? `，统一社会信用代码 ${a.employerUscc}` : ''}`);

  heading('四、调解协议');
  if (a.agreement) {
    para(`协议于${ymd(a.agreement.agreedOn)}生效，协议金额人民币 ${formatYuan(a.agreement.amountFen)} 元。`);
    para(`协议内容：${a.agreement.terms}`);
  } else para('未达成调解协议。');

  heading('五、履行记录');
  if (!a.instalments.length) para('无履行计划。');
  for (const i of a.instalments) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    const state = i.paidOn ? `已于${ymd(i.paidOn)}付清` : a.missedSeqs.includes(i.seq) ? '逾期未付清（违约）' : '未到期';
    para(
      `第${i.seq}期：履行期限${ymd(i.dueOn)}，应付 ${formatYuan(i.amountFen)} 元，已付 ${formatYuan(i.paidFen)} 元，未付 ${formatYuan(i.amountFen - i.paidFen)} 元；${state}`,
    );
    i.payments.forEach((p) => para(`    ${ymd(p.paidOn)} 支付 ${formatYuan(p.amountFen)} 元`));
  }

  heading('六、证据目录');
  if (!a.evidence.length) para('无。');
  a.evidence.forEach((e, n) => {
    if (doc.y > doc.page.height - 100) doc.addPage();
    para(
      `${n + 1}. ${EVIDENCE_KIND_LABELS[e.kind as EvidenceKind]?.zh ?? e.kind}：${e.fileName}${e.present ? '' : '（已删除）'}${e.sha256 ? `  SHA-256 ${e.sha256.slice(0, 16)}…` : ''}`,
    );
  });
  doc.moveDown(1).fontSize(10.5).text(`${a.centreName}（印章）`, { align: 'right', width });
  doc.text(ymd(a.referral.referredOn), { align: 'right', width });
  return end();
}
