/**
 * Aid caps (帮扶标准上限), checked before an aid record is saved. Caps are dated rule data an
 * administrator keeps; the defaults are the figures docs/rules.md quotes from one province (2025) and
 * are marked *weak* (local practice):
 *   - one-off hardship (living) payment ≤ 2,000 yuan;
 *   - festival gifts ≤ 2,200 yuan a person a year;
 *   - hospital visit (medical aid) for the same illness once a year.
 */
import { AID_KIND_LABELS, type AidKind, type CapRule } from './hardship-vocab.js';
import { formatYuan } from './hardship-tier.js';

export interface AidCap {
  id?: string;
  /** The aid kind it limits; null limits every kind together. */
  kind: AidKind | null;
  rule: CapRule;
  amountFen: number | null;
  maxCount: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  weak: boolean;
}

export interface AidLike {
  kind: AidKind;
  amountFen: number;
  paidOn: string;
  /** What the aid is for, e.g. the illness; "the same illness once a year" compares it. */
  causeKey: string | null;
}

export interface CapViolation {
  capId: string | null;
  rule: CapRule;
  kind: AidKind | null;
  message: string;
  messageEn: string;
  limitFen: number | null;
  maxCount: number | null;
  alreadyFen: number | null;
  alreadyCount: number | null;
}

const LOCAL_SOURCE = '某省2025年困难职工帮扶标准（地方规定的示例，请按本地现行标准核实修改）';
export const DEFAULT_CAPS: AidCap[] = [
  { kind: 'living', rule: 'per_payment', amountFen: 200_000, maxCount: null, effectiveFrom: '2025-01-01', effectiveTo: null, source: LOCAL_SOURCE, weak: true },
  {
    kind: 'festival',
    rule: 'per_person_year',
    amountFen: 220_000,
    maxCount: null,
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    source: LOCAL_SOURCE,
    weak: true,
  },
  {
    kind: 'medical',
    rule: 'same_cause_per_year',
    amountFen: null,
    maxCount: 1,
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    source: LOCAL_SOURCE,
    weak: true,
  },
];

/** Normalise a cause key so "肺癌 " and "肺 癌" are the same illness. */
export function normaliseCauseKey(s: string | null | undefined): string | null {
  const v = (s ?? '').replace(/\s+/g, '').toLowerCase();
  return v ? v : null;
}

const kindZh = (k: AidKind | null) => (k ? AID_KIND_LABELS[k].zh : '各类帮扶合计');

/** Whether a dated record runs on `date`: started, and not ended (its end day included). */
export function inForceOn(effectiveFrom: string, effectiveTo: string | null | undefined, date: string): boolean {
  return effectiveFrom <= date && (effectiveTo == null || date <= effectiveTo);
}

/** Caps in force on a date. */
export function capsInForce(caps: readonly AidCap[], date: string): AidCap[] {
  return caps.filter((c) => inForceOn(c.effectiveFrom, c.effectiveTo, date));
}

/**
 * Every cap the proposed payment would break, given the household's earlier aid (any years; only
 * the payment's calendar year counts). An empty list means it may be saved.
 */
export function checkCaps(caps: readonly AidCap[], proposed: AidLike, history: readonly AidLike[]): CapViolation[] {
  const year = proposed.paidOn.slice(0, 4);
  const out: CapViolation[] = [];
  for (const cap of capsInForce(caps, proposed.paidOn)) {
    if (cap.kind !== null && cap.kind !== proposed.kind) continue;
    const sameYear = history.filter((h) => h.paidOn.slice(0, 4) === year && (cap.kind === null || h.kind === cap.kind));
    const base = {
      capId: cap.id ?? null,
      rule: cap.rule,
      kind: cap.kind,
      limitFen: cap.amountFen,
      maxCount: cap.maxCount,
      alreadyFen: null,
      alreadyCount: null,
    };
    if (cap.rule === 'per_payment' && cap.amountFen !== null && proposed.amountFen > cap.amountFen) {
      out.push({
        ...base,
        message: `${kindZh(cap.kind)}单次金额不得超过 ${formatYuan(cap.amountFen)} 元，本次 ${formatYuan(proposed.amountFen)} 元（依据：${cap.source}）`,
        messageEn: `A single ${cap.kind ?? 'aid'} payment may not exceed ${formatYuan(cap.amountFen)} yuan`,
      });
    }
    if (cap.rule === 'per_person_year' && cap.amountFen !== null) {
      const already = sameYear.reduce((s, h) => s + h.amountFen, 0);
      if (already + proposed.amountFen > cap.amountFen) {
        out.push({
          ...base,
          alreadyFen: already,
          message: `${kindZh(cap.kind)}每人每年累计不得超过 ${formatYuan(cap.amountFen)} 元：${year} 年已发放 ${formatYuan(already)} 元，本次 ${formatYuan(proposed.amountFen)} 元，最多还可发放 ${formatYuan(Math.max(0, cap.amountFen - already))} 元（依据：${cap.source}）`,
          messageEn: `${cap.kind ?? 'Aid'} is capped at ${formatYuan(cap.amountFen)} yuan a person a year; ${formatYuan(already)} already paid in ${year}`,
        });
      }
    }
    if (cap.rule === 'same_cause_per_year' && cap.maxCount !== null) {
      const key = normaliseCauseKey(proposed.causeKey);
      if (!key) {
        out.push({
          ...base,
          message: `${kindZh(cap.kind)}须填写事由（如疾病名称），以核对“同一事由每年不超过 ${cap.maxCount} 次”的规定`,
          messageEn: 'State the cause (e.g. the illness) so the once-a-year rule can be checked',
        });
        continue;
      }
      const n = sameYear.filter((h) => normaliseCauseKey(h.causeKey) === key).length;
      if (n >= cap.maxCount) {
        out.push({
          ...base,
          alreadyCount: n,
          message: `同一事由“${proposed.causeKey}”的${kindZh(cap.kind)}每年不超过 ${cap.maxCount} 次，${year} 年已发放 ${n} 次（依据：${cap.source}）`,
          messageEn: `${cap.kind ?? 'Aid'} for the same cause is limited to ${cap.maxCount} a year; already ${n} in ${year}`,
        });
      }
    }
  }
  return out;
}
