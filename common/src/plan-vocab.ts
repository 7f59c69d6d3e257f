/**
 * Work supervision (重点工作 · 督办, docs/plans.md): the task workflow, the deadline profiles
 * (13710 工作法 and the ones a locality adds) as dated rule data, and the catalogue of live KPIs.
 */
import { z } from 'zod';
import { machine } from './workflow.js';
import { defineRule } from './rules.js';
import type { DeadlineRule } from './deadlines.js';

export const TASK_STATUSES = ['assigned', 'deployed', 'in_progress', 'closing', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * A task from assignment to closing (销号): the owner deploys it (the first deadline), reports
 * progress (the first report is due, then as often as needed), asks to close it with evidence, and
 * the supervising union approves the closing or sends it back.
 */
export const TASK_MACHINE = machine({
  entity: 'plan_task',
  states: {
    assigned: { zh: '已交办', en: 'Assigned', color: 'default' },
    deployed: { zh: '已部署', en: 'Deployed', color: 'blue' },
    in_progress: { zh: '推进中', en: 'In progress', color: 'processing' },
    closing: { zh: '待销号', en: 'Awaiting closing', color: 'orange' },
    closed: { zh: '已销号', en: 'Closed', color: 'green', final: true },
  },
  path: ['assigned', 'deployed', 'in_progress', 'closing', 'closed'],
  transitions: {
    deploy: {
      zh: '部署',
      en: 'Deploy',
      from: ['assigned'],
      to: ['deployed'],
      permission: 'plan.report',
      requires: ['note'],
      audit: 'plan.task.deploy',
      ends: ['deployDue'],
    },
    report: {
      zh: '报告进展',
      en: 'Report progress',
      from: ['deployed', 'in_progress'],
      to: ['in_progress'],
      permission: 'plan.report',
      requires: ['note'],
      audit: 'plan.task.report',
      ends: ['reportDue'],
    },
    requestClose: {
      zh: '申请销号',
      en: 'Ask to close',
      from: ['in_progress'],
      to: ['closing'],
      permission: 'plan.report',
      requires: ['note', 'evidence'],
      audit: 'plan.task.request_close',
      confirm: true,
    },
    approveClose: {
      zh: '批准销号',
      en: 'Approve closing',
      from: ['closing'],
      to: ['closed'],
      permission: 'plan.supervise',
      audit: 'plan.task.close',
      ends: ['closeDue'],
      confirm: true,
    },
    returnClose: {
      zh: '退回',
      en: 'Send back',
      from: ['closing'],
      to: ['in_progress'],
      permission: 'plan.supervise',
      requires: ['note'],
      audit: 'plan.task.return',
      danger: true,
    },
  },
});
export type TaskAction = keyof typeof TASK_MACHINE.transitions;

/** One deadline profile: the days of each step and which days they count. */
export const SlaProfileSchema = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,20}$/),
  name: z.string().trim().min(1).max(40),
  unit: z.enum(['working_days', 'calendar_days']),
  deployDays: z.number().int().min(1).max(60),
  firstReportDays: z.number().int().min(1).max(90),
  ordinaryDays: z.number().int().min(1).max(365),
  majorMonths: z.number().int().min(1).max(24),
});
export type SlaProfile = z.infer<typeof SlaProfileSchema>;

/**
 * Deadline profiles (督办时限). The default is the 13710 工作法: 1 day to deploy, a first report in 3,
 * ordinary matters closed in 7, major ones in 1 month, everything tracked to zero (事事马上办、
 * 人人钉钉子、件件抓落实). Days count working days by default; a locality edits them or adds
 * profiles (calendar days for matters that run over holidays). Practice, not statute: weak.
 */
export const SLA_RULE = defineRule<{ profiles: SlaProfile[] }>({
  key: 'plan.sla_profiles',
  zh: '督办时限（13710工作法等）',
  en: 'Supervision deadline profiles (13710 and others)',
  fields: { profiles: { zh: '时限方案', en: 'Profiles' } },
  schema: z.strictObject({ profiles: z.array(SlaProfileSchema).min(1).max(20) }),
  defaults: [
    {
      effectiveFrom: '2020-01-01',
      value: {
        profiles: [
          { key: '13710', name: '13710工作法', unit: 'working_days', deployDays: 1, firstReportDays: 3, ordinaryDays: 7, majorMonths: 1 },
          { key: 'calendar', name: '13710工作法（自然日）', unit: 'calendar_days', deployDays: 1, firstReportDays: 3, ordinaryDays: 7, majorMonths: 1 },
        ],
      },
      source: '“13710”工作法：1天内部署、3天内首次反馈、一般事项7天内办结、重大事项1个月内办结、所有事项跟踪到底（各地党政机关督办通行做法，可按本地规定修改）',
      weak: ['profiles'],
    },
  ],
});

/** The deadlines a task gets when it is assigned on a profile. */
export function taskRules(p: SlaProfile, major: boolean): { deploy: DeadlineRule; firstReport: DeadlineRule; close: DeadlineRule } {
  return {
    deploy: { n: p.deployDays, unit: p.unit },
    firstReport: { n: p.firstReportDays, unit: p.unit },
    close: major ? { n: p.majorMonths, unit: 'months' } : { n: p.ordinaryDays, unit: p.unit },
  };
}

/** Live KPIs: each computed for the owner's subtree from the module that holds the data. */
export const KPI_METRICS = {
  'member.count': { zh: '会员人数', en: 'Members', unit: '人', module: 'member' },
  'member.coverage': { zh: '职工入会率', en: 'Membership coverage', unit: '%', module: 'member' },
  'member.gig_joined': { zh: '新就业形态劳动者入会人数', en: 'Gig workers joined', unit: '人', module: 'member' },
  'join.answered_in_time': { zh: '入会申请按时答复率', en: 'Join applications answered in time', unit: '%', module: 'member' },
  'hardship.exited': { zh: '困难职工解困脱困户数（本年）', en: 'Households out of hardship this year', unit: '户', module: 'hardship' },
  'warning.closed_on_time': { zh: '预警按时处置率', en: 'Warnings closed in time', unit: '%', module: 'hardship' },
  'aid.paid': { zh: '帮扶资金发放额（本年）', en: 'Aid paid this year', unit: '万元', module: 'hardship' },
  'dispute.resolved': { zh: '劳动争议调解成功件数（本年）', en: 'Disputes settled by mediation this year', unit: '件', module: 'dispute' },
  'wage_arrears.recovered': { zh: '追回欠薪金额（本年）', en: 'Wage arrears recovered this year', unit: '万元', module: 'dispute' },
  'collective_contract.coverage': { zh: '集体合同建制率', en: 'Collective-contract coverage', unit: '%', module: 'collective_contract' },
  'competition.participants': { zh: '劳动和技能竞赛参赛人次（本年）', en: 'Competition entries this year', unit: '人次', module: 'competition' },
  'training.certified': { zh: '技能证书发证数（本年）', en: 'Skill certificates issued this year', unit: '张', module: 'training' },
  'event.held': { zh: '已举办活动场次（本年）', en: 'Events held this year', unit: '场', module: 'event' },
} as const;
export type KpiMetric = keyof typeof KPI_METRICS;
export const KPI_METRIC_KEYS = Object.keys(KPI_METRICS) as KpiMetric[];

/** The modules the extraction names for metrics this platform cannot measure yet (no live source). */
export function isLiveMetric(metric: string): metric is KpiMetric {
  return Object.prototype.hasOwnProperty.call(KPI_METRICS, metric);
}

/** Red: a deadline passed; yellow: one falls within two days; green otherwise; closed tasks are grey. */
export type Rag = 'red' | 'yellow' | 'green' | 'done';
export const RAG_LABELS: Record<Rag, { zh: string; en: string; color: string }> = {
  red: { zh: '逾期', en: 'Overdue', color: 'red' },
  yellow: { zh: '临期', en: 'Due soon', color: 'gold' },
  green: { zh: '正常', en: 'On track', color: 'green' },
  done: { zh: '已销号', en: 'Closed', color: 'default' },
};

/**
 * Progress-report cadence of a task (每周/每月报告进展, DOMAIN.md "Work supervision"): the next report
 * is due this long after the last one (or after the assignment), in calendar days or months,
 * computed by common/src/deadlines.ts.
 */
export const REPORT_CADENCES = {
  weekly: { zh: '每周', en: 'Weekly', rule: { n: 7, unit: 'calendar_days' } },
  monthly: { zh: '每月', en: 'Monthly', rule: { n: 1, unit: 'months' } },
} as const satisfies Record<string, { zh: string; en: string; rule: DeadlineRule }>;
export type ReportCadence = keyof typeof REPORT_CADENCES;
export const REPORT_CADENCE_KEYS = Object.keys(REPORT_CADENCES) as ReportCadence[];
