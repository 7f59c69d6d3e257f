/**
 * Wage arrears (欠薪, docs/rights.md "Wage arrears"): cases with the workers affected and the amounts
 * owed, recovered and outstanding; the project and site for construction; the employer flagged
 * while it has open cases; the board by district and the winter campaign list.
 */
import { z } from 'zod';
import { UsccInput } from './org.js';
import { cappedPageOf, endpoints, fen, flag, HistoryEntrySchema, IdParams, isoDate, optionalText, order, PageQuery, requiredText } from './kit.js';

export const WageArrearsBody = z.strictObject({
  orgId: z.uuid('请选择跟进的工会 / choose the union'),
  disputeId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  employerName: requiredText(100, '请填写用人单位名称', 'employer name is required'),
  employerUscc: UsccInput.nullish().transform((v) => v ?? null),
  construction: z.boolean().default(false),
  projectName: optionalText(100),
  siteAddress: optionalText(200),
  workersAffected: z.number({ error: '请填写涉及人数 / number of workers' }).int().min(1, '涉及人数至少为1 / at least 1').max(100_000),
  migrantWorkers: z.number().int().min(0).max(100_000).default(0),
  owedFen: fen.refine((v) => v > 0, '欠薪金额应大于0 / the amount owed must be positive'),
  reportedOn: isoDate.optional(),
  note: optionalText(1000),
});
export const RecoveryBody = z.strictObject({
  paidOn: isoDate,
  amountFen: fen.refine((v) => v > 0, '追回金额应大于0 / the amount must be positive'),
  note: optionalText(500),
});

export const WageArrearsListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(60).optional(),
  status: z.enum(['open', 'cleared']).optional(),
  under: z.uuid().optional(),
  construction: flag,
  /** The winter campaign list: open cases, the largest outstanding first. */
  campaign: flag,
  sort: z.enum(['reportedOn', 'outstanding']).default('reportedOn'),
  order: order('desc'),
});
export const WageArrearsItem = z.object({
  id: z.string(),
  caseNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  disputeId: z.string().nullable(),
  employerName: z.string(),
  employerUscc: z.string().nullable(),
  construction: z.boolean(),
  projectName: z.string().nullable(),
  siteAddress: z.string().nullable(),
  workersAffected: z.number(),
  migrantWorkers: z.number(),
  owedFen: z.number(),
  recoveredFen: z.number(),
  outstandingFen: z.number(),
  status: z.string(),
  reportedOn: z.string(),
  clearedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** The employer's open cases in the caller's scope (this one included): flagged from 1. */
  employerOpenCases: z.number(),
  version: z.number(),
});
export const WageArrearsPage = cappedPageOf(WageArrearsItem).extend({
  /** Over every matching case, not only this page. */
  totals: z.object({ owedFen: z.number(), recoveredFen: z.number(), workers: z.number() }),
  campaign: z.object({ from: z.string(), festival: z.string(), running: z.boolean() }).nullable(),
});
export const WageArrearsBoard = z.object({
  areas: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      open: z.number(),
      cleared: z.number(),
      workers: z.number(),
      owedFen: z.number(),
      recoveredFen: z.number(),
      outstandingFen: z.number(),
    }),
  ),
  flaggedEmployers: z.array(z.object({ employerName: z.string(), employerUscc: z.string().nullable(), openCases: z.number(), outstandingFen: z.number() })),
});

const CASE = '/api/wage-arrears/:id';
export const wageArrearsApi = endpoints('欠薪 wage arrears', {
  list: {
    method: 'GET',
    path: '/api/wage-arrears',
    access: 'dispute.read',
    summary: '欠薪案件（campaign=true 为冬季行动清单）/ wage-arrears cases in scope',
    query: WageArrearsListQuery,
    response: WageArrearsPage,
  },
  board: {
    method: 'GET',
    path: '/api/wage-arrears/board',
    access: 'dispute.read',
    summary: '欠薪分区看板与预警单位 / the board by area and the flagged employers',
    response: WageArrearsBoard,
  },
  get: {
    method: 'GET',
    path: CASE,
    access: 'dispute.read',
    summary: '欠薪案件 / one case',
    params: IdParams,
    response: WageArrearsItem.extend({
      recoveries: z.array(z.object({ id: z.string(), paidOn: z.string(), amountFen: z.number(), note: z.string().nullable() })),
    }),
  },
  history: {
    method: 'GET',
    path: `${CASE}/history`,
    access: 'dispute.read',
    summary: '办理记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/wage-arrears',
    access: 'dispute.write',
    summary: '登记欠薪案件 / record a case',
    body: WageArrearsBody,
    response: WageArrearsItem,
    status: 201,
  },
  recover: {
    method: 'POST',
    path: `${CASE}/recoveries`,
    access: 'dispute.write',
    summary: '登记追回工资（追回完毕即清欠）/ record money recovered',
    params: IdParams,
    body: RecoveryBody,
    response: WageArrearsItem,
    status: 201,
  },
});

export type WageArrearsInput = z.infer<typeof WageArrearsBody>;
export type WageArrearsListParams = z.infer<typeof WageArrearsListQuery>;
