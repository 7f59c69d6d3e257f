import fs from 'node:fs';
import ExcelJS from '../../platform/exceljs.js';
import PDFDocument from 'pdfkit';
import { formatYuan } from '../../../../common/src/hardship-tier.js';
import { AID_KIND_LABELS, PROOF_STATUS_LABELS, TIER_LABELS, type AidKind, type ProofStatus, type Tier } from '../../../../common/src/hardship-vocab.js';
import { recipientText } from '../../../../common/src/hardship-proof.js';
import { AppError } from '../../platform/errors.js';

/**
 * The signature roster of a campaign (送温暖签收名册): xlsx through ExcelJS, PDF through pdfkit with
 * an embedded (subsetted) CJK font. PDF needs a CJK font on the server: GONGHUI_CJK_FONT
 * ("path" or "path#PostScriptName" for a .ttc collection), else the usual system locations
 * (Debian's fonts-noto-cjk, WenQuanYi, Windows and macOS fonts). Without one the PDF is refused
 * with a clear message; the xlsx roster always works.
 */
export interface RosterData {
  campaign: { name: string; orgName: string; kind: string; paidOn: string; amountFen: number; households: number; totalFen: number };
  lines: {
    fileNo: string;
    head: string;
    name: string;
    idMasked: string;
    orgName: string;
    tier: string | null;
    amountFen: number;
    recipientKind: string;
    recipientRelation: string;
    proxyReason: string | null;
    proofStatus: string;
  }[];
}

/** The roster's columns: the head of the household, who received it (a proxy named as such) and whether its proof is still missing (待补签领). */
const HEAD = ['序号', '档案编号', '户主姓名', '身份证号', '所在工会', '困难类别', '金额（元）', '领取人', '签领凭证', '领取人签名', '日期'];
const received = (l: RosterData['lines'][number]) =>
  recipientText({ recipientKind: l.recipientKind, recipientName: l.name, recipientRelation: l.recipientRelation, proxyReason: l.proxyReason });
const proofZh = (l: RosterData['lines'][number]) => PROOF_STATUS_LABELS[l.proofStatus as ProofStatus]?.zh ?? l.proofStatus;
const cells = (l: RosterData['lines'][number], i: number) => [
  String(i + 1),
  l.fileNo,
  l.head,
  l.idMasked,
  l.orgName,
  tierZh(l.tier),
  formatYuan(l.amountFen),
  received(l),
  proofZh(l),
  '',
  '',
];
const summary = (r: RosterData) => {
  const pending = r.lines.filter((l) => l.proofStatus === 'pending').length;
  return `发放日期：${r.campaign.paidOn}    户数：${r.campaign.households}    合计：${formatYuan(r.campaign.totalFen)} 元    待补签领：${pending} 户`;
};
const tierZh = (t: string | null) => (t ? (TIER_LABELS[t as Tier]?.zh ?? t) : '');
const title = (r: RosterData) => `${r.campaign.orgName} ${r.campaign.name} 签收名册（${AID_KIND_LABELS[r.campaign.kind as AidKind]?.zh ?? r.campaign.kind}）`;

export async function rosterXlsx(r: RosterData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('签收名册', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title(r)]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, HEAD.length);
  ws.addRow([summary(r)]);
  ws.mergeCells(2, 1, 2, HEAD.length);
  const head = ws.addRow(HEAD);
  head.font = { bold: true };
  r.lines.forEach((l, i) => {
    const row = ws.addRow(cells(l, i).map((v, k) => (k === 0 ? i + 1 : k === 6 ? Number(formatYuan(l.amountFen).replace(/,/g, '')) : v)));
    if (l.proofStatus === 'pending') row.getCell(9).font = { color: { argb: 'FFD4380D' }, bold: true };
  });
  ws.columns.forEach((col, i) => (col.width = [6, 16, 10, 22, 28, 10, 12, 26, 12, 16, 12][i]));
  for (let i = 3; i <= ws.rowCount; i++) {
    const row = ws.getRow(i);
    row.height = i === 3 ? 20 : 28;
    row.eachCell(
      { includeEmpty: true },
      (cell) => (cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }),
    );
  }
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei',
  'C:\\Windows\\Fonts\\simhei.ttf',
  '/System/Library/Fonts/STHeiti Light.ttc#STHeitiSC-Light',
];

/** The CJK font to embed, or null when the server has none. */
export function findCjkFont(): { path: string; family?: string } | null {
  const list = process.env.GONGHUI_CJK_FONT ? [process.env.GONGHUI_CJK_FONT, ...FONT_CANDIDATES] : FONT_CANDIDATES;
  for (const c of list) {
    const [path, family] = c.split('#') as [string, string | undefined];
    if (fs.existsSync(path)) return { path, family };
  }
  return null;
}

export const noCjkFont = () =>
  new AppError(
    503,
    'PDF_FONT_MISSING',
    '服务器未安装中文字体，暂不能生成 PDF 名册，请先下载 xlsx 名册；管理员可安装 fonts-noto-cjk 或设置 GONGHUI_CJK_FONT',
    'No CJK font on the server: use the xlsx roster, or install fonts-noto-cjk / set GONGHUI_CJK_FONT',
  );

export async function rosterPdf(r: RosterData): Promise<Buffer> {
  const font = findCjkFont();
  if (!font) throw noCjkFont();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: title(r), Producer: 'Gonghui' } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const widths = [28, 84, 52, 112, 110, 52, 60, 110, 56, 54, 52];
  const x0 = doc.page.margins.left;
  const rowH = 26;
  const header = () => {
    doc.fontSize(15).text(title(r), x0, 36, { align: 'center', width: widths.reduce((a, b) => a + b) });
    doc.fontSize(10).text(summary(r), x0, 60);
    return 80;
  };
  const row = (y: number, cells: string[]) => {
    let x = x0;
    cells.forEach((t, i) => {
      doc.rect(x, y, widths[i]!, rowH).stroke();
      doc.fontSize(9).text(t, x + 3, y + 8, { width: widths[i]! - 6, height: rowH - 8, lineBreak: false, ellipsis: true });
      x += widths[i]!;
    });
  };
  let y = header();
  row(y, HEAD);
  y += rowH;
  r.lines.forEach((l, i) => {
    if (y + rowH > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = header();
      row(y, HEAD);
      y += rowH;
    }
    row(y, cells(l, i));
    y += rowH;
  });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
