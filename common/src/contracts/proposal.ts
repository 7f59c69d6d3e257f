/**
 * Proposals (合理化建议 / 五小, docs/achievement.md): a worker submits one on the portal (or a cadre
 * records it for the unit); the unit's union evaluates, adopts and implements it (PROPOSAL_FLOW),
 * recording the value created and the reward in fen; figures by unit.
 */
import { z } from 'zod';
import { PROPOSAL_KINDS } from '../training-vocab.js';
import { PROPOSAL_STATUSES } from '../proposal-workflow.js';
import { listQuery } from './training.js';
import { endpoints, fen, HistoryEntrySchema, IdParams, isoDate, optionalText, cappedPageOf, requiredText, version, type RateLimit } from './kit.js';

const content = {
  kind: z.enum(PROPOSAL_KINDS, { error: '建议类别不存在 / unknown kind' }),
  title: requiredText(120, '请填写建议标题', 'title is required'),
  content: requiredText(4000, '请填写建议内容', 'content is required'),
  expected: optionalText(1000),
};
export const ProposalBody = z.strictObject({
  orgId: z.uuid('请选择所在单位工会 / choose the unit'),
  proposerName: requiredText(60, '请填写建议人', 'proposer is required'),
  memberId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  ...content,
});
/** On the portal the unit is the worker's own union (from the linked member record). */
export const PortalProposalBody = z.strictObject(content);
export const ProposalStepBody = z.strictObject({ version, opinion: optionalText(1000) });
export const ProposalImplementBody = z.strictObject({
  version,
  valueFen: fen,
  rewardFen: fen,
  implementedOn: isoDate,
  opinion: optionalText(1000),
});
export const ProposalListQuery = listQuery({ kind: z.enum(PROPOSAL_KINDS).optional(), status: z.enum(PROPOSAL_STATUSES).optional() }, [
  'submittedOn',
  'valueFen',
]);
export const Proposal = z.object({
  id: z.string(),
  proposalNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  proposerName: z.string(),
  memberId: z.string().nullable(),
  viaPortal: z.boolean(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  submittedOn: z.string(),
  valueFen: z.number(),
  rewardFen: z.number(),
  version: z.number(),
});
export const ProposalDetail = Proposal.extend({
  content: z.string(),
  expected: z.string().nullable(),
  opinion: z.string().nullable(),
  implementedOn: z.string().nullable(),
  actions: z.array(z.string()),
});
export const ProposalFigures = z.object({
  total: z.number(),
  byStatus: z.array(z.object({ key: z.string(), n: z.number() })),
  valueFen: z.number(),
  rewardFen: z.number(),
  byUnit: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      total: z.number(),
      adopted: z.number(),
      implemented: z.number(),
      valueFen: z.number(),
      rewardFen: z.number(),
    }),
  ),
});
export const MyProposal = z.object({
  proposalNo: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  submittedOn: z.string(),
  rewardFen: z.number(),
});

const PORTAL_READ: RateLimit = { bucket: 'portal-read', limit: 300, windowMs: 60_000 };
const PORTAL_SUBMIT: RateLimit = { bucket: 'portal-proposal', limit: 20, windowMs: 3_600_000 };

export const proposalApi = endpoints('合理化建议 proposal', {
  list: {
    method: 'GET',
    path: '/api/proposals',
    access: 'proposal.read',
    summary: '合理化建议和五小（管辖范围内）/ proposals in scope',
    query: ProposalListQuery,
    response: cappedPageOf(Proposal),
  },
  figures: {
    method: 'GET',
    path: '/api/proposals/figures',
    access: 'proposal.read',
    summary: '按单位统计：件数、采纳、实施、效益和奖励 / figures by unit',
    response: ProposalFigures,
  },
  create: {
    method: 'POST',
    path: '/api/proposals',
    access: 'proposal.write',
    summary: '登记建议 / record a proposal',
    body: ProposalBody,
    response: ProposalDetail,
    status: 201,
  },
  get: { method: 'GET', path: '/api/proposals/:id', access: 'proposal.read', summary: '建议详情 / a proposal', params: IdParams, response: ProposalDetail },
  history: {
    method: 'GET',
    path: '/api/proposals/:id/history',
    access: 'proposal.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  evaluate: {
    method: 'POST',
    path: '/api/proposals/:id/evaluate',
    access: 'proposal.write',
    summary: '开始评估 / start evaluating',
    params: IdParams,
    body: ProposalStepBody,
    response: ProposalDetail,
  },
  adopt: {
    method: 'POST',
    path: '/api/proposals/:id/adopt',
    access: 'proposal.write',
    summary: '采纳（须填写评估意见）/ adopt',
    params: IdParams,
    body: ProposalStepBody,
    response: ProposalDetail,
  },
  reject: {
    method: 'POST',
    path: '/api/proposals/:id/reject',
    access: 'proposal.write',
    summary: '不予采纳（须填写理由）/ do not adopt',
    params: IdParams,
    body: ProposalStepBody,
    response: ProposalDetail,
  },
  implement: {
    method: 'POST',
    path: '/api/proposals/:id/implement',
    access: 'proposal.write',
    summary: '登记实施：创造价值（元）和奖励 / record the implementation, value and reward',
    params: IdParams,
    body: ProposalImplementBody,
    response: ProposalDetail,
  },
  submitMine: {
    method: 'POST',
    path: '/api/portal/proposals',
    access: 'public',
    summary: '职工提交合理化建议（须已关联会员）/ a worker submits a proposal',
    body: PortalProposalBody,
    response: MyProposal,
    status: 201,
    rateLimit: PORTAL_SUBMIT,
  },
  mine: {
    method: 'GET',
    path: '/api/portal/proposals',
    access: 'public',
    summary: '我的合理化建议 / my proposals (worker)',
    response: z.array(MyProposal),
    rateLimit: PORTAL_READ,
  },
});

export type ProposalInput = z.infer<typeof ProposalBody>;
export type ProposalListParams = z.infer<typeof ProposalListQuery>;
export type ProposalDetail = z.infer<typeof ProposalDetail>;
