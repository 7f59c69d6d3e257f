import { APPEAL_MACHINE, ASSESSMENT_MACHINE, ENTRY_MACHINE } from '../../../../common/src/assessment-vocab';

/** Vocabularies of the assessment pages (docs/plans.md, "Yearly assessment"). */
export const ASSESSMENT_STATUS = ASSESSMENT_MACHINE.states;
export const ENTRY_STATUS = ENTRY_MACHINE.states;
export const APPEAL_STATUS = APPEAL_MACHINE.states;

/**
 * Indicators typed one a line: "权重 名称" for a manual indicator, "权重 名称 @指标 目标" for an
 * automatic one bound to a live KPI, e.g. "30 职工入会率 @member.coverage 90".
 */
export function parseIndicators(text: string | undefined) {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const auto = /^(\d+)\s+(.+?)\s+@([\w.]+)\s+(\d+(?:\.\d+)?)$/.exec(l);
      if (auto) return { weight: Number(auto[1]), name: auto[2]!, kind: 'auto' as const, metric: auto[3]!, target: Number(auto[4]) };
      const m = /^(\d+)\s+(.+)$/.exec(l);
      return m ? { weight: Number(m[1]), name: m[2]!, kind: 'manual' as const } : { weight: 0, name: l, kind: 'manual' as const };
    });
}
