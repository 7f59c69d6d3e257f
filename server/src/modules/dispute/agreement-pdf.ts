import PDFDocument from 'pdfkit';
import { findCjkFont, noCjkFont } from '../hardship/roster.js';
import { formatYuan } from '../../../../common/src/hardship-tier.js';
import { DISPUTE_TYPE_LABELS, type DisputeType } from '../../../../common/src/dispute-vocab.js';
import { SIGNATORY_ROLE_LABELS, SIGNATURE_METHOD_LABELS, type SignatoryRole } from '../../../../common/src/dispute-records.js';

export interface AgreementData {
  caseNo: string;
  centreName: string;
  mediatorName: string | null;
  applicants: { name: string; idMasked: string | null; representative: boolean }[];
  workerCount: number;
  employerName: string;
  employerUscc: string | null;
  type: string;
  facts: string;
  outcomeSought: string;
  terms: string;
  amountFen: number;
  agreedOn: string;
  confirmationDue: string | null;
  instalments: { seq: number; dueOn: string; amountFen: number; paidOn: string | null; paidFen?: number }[];
  signatures: { role: string; signerName: string; signedOn: string; method: string; mime: string | null; image: Buffer | null }[];
}

export const ymd = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The mediation agreement (调解协议书) in Chinese, A4: the parties, the matters in dispute, the
 * agreed terms and amount, the payment schedule, and each signature with its date and how it was
 * given (a drawn signature is embedded). The text that follows the statutes: the agreement binds
 * the parties (劳动争议调解仲裁法 Art. 14); if it is not performed, the other party may apply for
 * arbitration (Art. 15); both may apply to the court for judicial confirmation within 30 days
 * (人民调解法 Art. 33). Needs a CJK font on the server, like the hardship roster.
 */
/**
 * A Chinese A4 document with pdfkit and the server's CJK font (503 with advice when it has none):
 * the document, its text width, heading and paragraph writers, and `end()` for the bytes. The
 * agreement and the referral file are written on it.
 */
export function cjkDocument(title: string) {
  const font = findCjkFont();
  if (!font) throw noCjkFont();
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Producer: 'Gonghui' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const width = doc.page.width - 112;
  const heading = (t: string) => doc.moveDown(0.6).fontSize(12).text(t, { width }).moveDown(0.2);
  const para = (t: string) => doc.fontSize(10.5).text(t, { width, lineGap: 3 });
  const end = async () => {
    doc.end();
    await done;
    return Buffer.concat(chunks);
  };
  return { doc, width, heading, para, end };
}

export async function agreementPdf(a: AgreementData): Promise<Buffer> {
  const { doc, width, heading, para, end } = cjkDocument(`调解协议书 ${a.caseNo}`);

  doc.fontSize(18).text('劳动争议调解协议书', { align: 'center', width });
  doc.fontSize(10).text(`案件编号：${a.caseNo}    调解组织：${a.centreName}`, { align: 'center', width }).moveDown(0.5);

  heading('一、当事人');
  a.applicants.forEach((p) => para(`申请人${p.representative ? '（代表人）' : ''}：${p.name}${p.idMasked ? `，身份证号 ${p.idMasked}` : ''}`));
  if (a.workerCount > a.applicants.length) para(`本案涉及劳动者共 ${a.workerCount} 人。`);
  para(`被申请人（用人单位）：${a.employerName}${a.employerUscc ? `，统一社会信用代码 ${a.employerUscc}` : ''}`);
  para(`调解员：${a.mediatorName ?? '—'}`);

  heading('二、争议事项');
  para(`争议类型：${DISPUTE_TYPE_LABELS[a.type as DisputeType]?.zh ?? a.type}`);
  para(`事实与理由：${a.facts}`);
  para(`请求事项：${a.outcomeSought}`);

  heading('三、协议内容');
  para(a.terms);
  para(`协议金额：人民币 ${formatYuan(a.amountFen)} 元。协议于${ymd(a.agreedOn)}生效。`);

  if (a.instalments.length) {
    heading('四、履行计划');
    const cols = [60, 140, 140, width - 340];
    const row = (cells: string[]) => {
      let x = doc.page.margins.left;
      const y = doc.y;
      cells.forEach((t, i) => {
        doc.rect(x, y, cols[i]!, 20).stroke();
        doc.fontSize(10).text(t, x + 4, y + 5, { width: cols[i]! - 8, lineBreak: false });
        x += cols[i]!;
      });
      doc.x = doc.page.margins.left;
      doc.y = y + 20;
    };
    row(['期次', '履行期限', '金额（元）', '履行情况']);
    a.instalments.forEach((i) =>
      row([`第${i.seq}期`, ymd(i.dueOn), formatYuan(i.amountFen), i.paidOn ? `已于${ymd(i.paidOn)}付清` : i.paidFen ? `已付 ${formatYuan(i.paidFen)} 元` : '']),
    );
    doc.moveDown(0.5);
  }

  heading(a.instalments.length ? '五、其他约定' : '四、其他约定');
  para('本协议经双方当事人签名或盖章、调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，当事人应当履行（《劳动争议调解仲裁法》第十四条）。');
  para('达成调解协议后，一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法申请仲裁（《劳动争议调解仲裁法》第十五条）。');
  para(
    `双方当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认${a.confirmationDue ? `（截止${ymd(a.confirmationDue)}）` : ''}（《人民调解法》第三十三条）。`,
  );

  heading('签署');
  for (const role of ['applicant', 'employer', 'mediator'] as SignatoryRole[]) {
    const s = a.signatures.find((x) => x.role === role);
    if (doc.y > doc.page.height - 140) doc.addPage();
    const y = doc.y;
    const label = SIGNATORY_ROLE_LABELS[role].zh;
    if (!s) {
      para(`${label}（签名）：________________    日期：________________`);
      continue;
    }
    para(`${label}：${s.signerName}    签署日期：${ymd(s.signedOn)}    方式：${SIGNATURE_METHOD_LABELS[s.method as 'on_screen']?.zh ?? s.method}`);
    if (s.image && (s.mime === 'image/png' || s.mime === 'image/jpeg')) {
      try {
        doc.image(s.image, doc.page.margins.left + 20, doc.y + 2, { fit: [160, 50] });
        doc.y = Math.max(doc.y, y) + 58;
      } catch {
        para('（签名图像无法显示，原件存档）');
      }
    } else if (s.image) para('（签字页扫描件存档）');
  }
  doc.moveDown(1).fontSize(10.5).text(`${a.centreName}（印章）`, { align: 'right', width });
  doc.text(ymd(a.agreedOn), { align: 'right', width });
  return end();
}
