/**
 * Proof of aid (签领凭证), docs/rules.md "Hardship assistance": every payment is real-name and needs
 * proof that it reached the household — for cash and goods the recipient's signature or a photo of
 * the signed receipt or roster, for a bank transfer the bank's record. Which proof each way of
 * paying needs, and after how many days a payment still without it raises a warning, is dated rule
 * data with its source (common/src/rules.ts). A payment without its proof is 待补签领 (`pending`).
 */
import { z } from 'zod';
import { defineRule } from './rules.js';
import { AID_METHODS, PROOF_KINDS, RELATIONSHIP_LABELS, type AidMethod, type ProofKind, type ProofStatus } from './hardship-vocab.js';

export interface AidProofRule {
  cash: ProofKind[];
  goods: ProofKind[];
  transfer: ProofKind[];
  /** Days after the payment date when a payment still without its proof raises a warning. */
  followUpDays: number;
}

const kinds = z.array(z.enum(PROOF_KINDS)).min(1).max(PROOF_KINDS.length);

export const AID_PROOF_RULE = defineRule<AidProofRule>({
  key: 'hardship.aid_proof',
  zh: '帮扶发放签领凭证',
  en: 'Proof of aid payments',
  fields: {
    cash: { zh: '现金发放须有（任一）', en: 'Cash: any of' },
    goods: { zh: '实物发放须有（任一）', en: 'Goods: any of' },
    transfer: { zh: '银行转账须有（任一）', en: 'Bank transfer: any of' },
    followUpDays: { zh: '缺凭证多少天后预警', en: 'Warn after (days without proof)' },
  },
  schema: z.strictObject({ cash: kinds, goods: kinds, transfer: kinds, followUpDays: z.number().int().min(1).max(365) }),
  defaults: [
    {
      effectiveFrom: '2025-01-01',
      value: { cash: ['signature', 'signed_roster', 'upload'], goods: ['signature', 'signed_roster', 'upload'], transfer: ['bank_record'], followUpDays: 30 },
      source:
        '困难职工帮扶资金实名发放、签字领取的要求（某省2025年困难职工帮扶标准：每笔发放须实名并有签收凭证，地方规定，待核实后按本地规定修改）；现金和实物以领取人签名或已签字的签领单、名册为凭，银行转账以银行转账记录为凭；缺凭证30天后预警为本系统默认做法',
      weak: ['followUpDays'],
    },
  ],
});

/** The proof kinds a way of paying accepts under a rule version. */
export function proofsFor(rule: AidProofRule, method: AidMethod): ProofKind[] {
  return rule[method];
}

/** Whether a payment by `method` with the proof `kind` (null: none yet) is complete, or 待补签领. */
export function proofStatus(rule: AidProofRule, method: AidMethod, kind: ProofKind | null): ProofStatus {
  return kind !== null && proofsFor(rule, method).includes(kind) ? 'complete' : 'pending';
}

/**
 * Who received a payment, as the record and the roster show it (zh): 本人; a household member with
 * the relationship; or 代领 with the proxy's relation and the reason.
 */
export function recipientText(r: { recipientKind: string; recipientName: string; recipientRelation: string; proxyReason: string | null }): string {
  if (r.recipientKind === 'proxy') return `代领：${r.recipientName}（${r.recipientRelation}；${r.proxyReason ?? ''}）`;
  if (r.recipientKind === 'member')
    return `${r.recipientName}（${RELATIONSHIP_LABELS[r.recipientRelation as keyof typeof RELATIONSHIP_LABELS]?.zh ?? r.recipientRelation}）`;
  return `${r.recipientName}（本人）`;
}

export { AID_METHODS };
