import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { FileDetail, TierSnapshot } from '../../../../../common/src/contracts/hardship-files';
import { renderApp, signedIn } from '../../../test/render';
import FileDetailPage from './FileDetailPage';

const ID = '00000000-0000-7000-8000-0000000000f1';
const snap: TierSnapshot = {
  tier: 'deep', status: 'ok', evaluatedOn: '2026-11-02', ruleVersion: 'ZJ-2025-1', ruleSetEffectiveFrom: '2025-07-01',
  line: { id: 'l1', regionCode: '330108', effectiveFrom: '2025-07-01', monthlyFen: 132_500, source: '杭政办函〔2025〕12号', weak: false },
  netAnnualFen: 2_400_000, householdSize: 3, perCapitaMonthlyFen: 66_667, ratioPermille: 503,
  lineTests: { deep: { multiplePermille: 1000, monthlyFen: 132_500, met: true }, relative: { multiplePermille: 1500, monthlyFen: 198_750, met: true } },
  accident: { disaster: false, workAccident: false, costFen: 0, costSharePermille: null, costRuleMet: false, met: false },
  migrant: { applies: false, monthsInCity: null, required: 6, ok: true },
  explanation: '人均月收入 666.67 元，低于低保标准 1 倍（1,325.00 元），认定为深度困难。',
};
const file = (over: Partial<FileDetail> = {}): FileDetail => ({
  id: ID, fileNo: 'KN2026000001', name: '陈红', idMasked: '330106********002X', sex: 'F', orgId: 'o1', orgName: '顺达快递有限公司工会', status: 'reviewing', tier: 'deep',
  mainCause: 'illness', householdSize: 3, perCapitaMonthlyFen: 66_667, appliedOn: '2026-11-01', filedOn: null, nextReviewDue: null, reviewOverdue: false, exitOn: null,
  monitoringUntil: null, relapseCount: 0, migrantWorker: false, version: 4,
  memberId: null, birthDate: '1980-05-01', mobileMasked: '138****5678', regionCode: '330108', address: null, employerName: null, cityWorkSince: null, health: 'serious_illness',
  disability: 'none', employmentStatus: 'employed', housing: null, industry: null, maritalStatus: null, hukouType: 'urban', singleParent: false, zeroEmployment: false,
  monthlyIncomeFen: 300_000, annualIncomeFen: 3_600_000, rigidMedicalFen: 1_000_000, rigidSchoolingFen: 200_000, accidentCostFen: 0, disaster: false, disasterOn: null,
  workAccident: false, seriousIllnessSince: null, jobLostOn: null, otherCauses: [], origin: 'application', tierSnapshot: snap, reviewLevelsRequired: 2, reviewLevelsDone: 1,
  exitReason: null, exitNote: null, exitSnapshot: null, lastRelapseOn: null, rejectReason: null, createdAt: '2026-11-01T02:00:00Z', updatedAt: '2026-11-02T02:00:00Z',
  household: [], attachments: [], events: [], visits: [], aid: [], openWarnings: [], nextReviewLevelOrg: { id: 'o9', name: '杭州市总工会', level: 2 },
  actions: ['review', 'reject'], can: { edit: false, visit: false, attach: false, unmask: false, aid: true },
  ...over,
});
const open = (f: FileDetail, permissions = ['hardship.read', 'hardship.review'], routes = {}) =>
  renderApp(<FileDetailPage />, { me: signedIn({}, permissions), url: `/hardship/files/${ID}`, path: '/hardship/files/:id', routes: { [`GET /api/hardship/files/${ID}`]: () => f, [`GET /api/hardship/files/${ID}/history`]: () => [], ...routes } });

describe('hardship file detail', () => {
  it('shows the tier as the server computed and stored it: the figures, the line and its source, both tests, the rule version and the explanation', async () => {
    open(file());
    const panel = await screen.findByTestId('tier-panel');
    expect(panel.dataset.tier).toBe('deep');
    expect(screen.getByTestId('tier-per-capita').textContent).toBe('（¥36,000.00 − ¥10,000.00 − ¥2,000.00） ÷ 12 ÷ 3 = ¥666.67');
    expect(screen.getByTestId('tier-line').textContent).toContain('¥1,325.00/人·月（地区 330108，2025-07-01 起执行）');
    expect(panel.textContent).toContain('杭政办函〔2025〕12号');
    expect(screen.getByTestId('tier-multiples').textContent).toContain('0.50 倍');
    expect(screen.getByTestId('tier-rule-deep').dataset.met).toBe('true');
    expect(screen.getByTestId('tier-rule-version').textContent).toBe('ZJ-2025-1（2025-07-01 起）');
    expect(screen.getByTestId('tier-explanation').textContent).toBe(snap.explanation);
  });

  it('shows the stored net income alone when the file’s figures have changed since the computation', async () => {
    open(file({ annualIncomeFen: 4_000_000 }));
    expect((await screen.findByTestId('tier-per-capita')).textContent).toBe('¥24,000.00 ÷ 12 ÷ 3 = ¥666.67');
  });

  it('offers the steps the server allows, naming the review level, and asks the reason of a refusal before an irreversible confirmation', async () => {
    const { sent } = open(file(), ['hardship.read', 'hardship.review'], { [`POST /api/hardship/files/${ID}/review`]: () => ({ id: ID, fileNo: 'KN2026000001', status: 'rejected', tier: 'deep', version: 5 }) });
    const review = await screen.findByTestId('hs-action-review');
    expect(review.textContent).toBe('上级审核（第 2 级）');
    for (const a of ['check', 'reassess', 'exit', 'relapse']) expect(screen.queryByTestId(`hs-action-${a}`)).toBeNull();
    expect(screen.queryByTestId('hs-file-edit')).toBeNull();
    expect(screen.queryByTestId('hs-aid-new')).toBeNull(); // the server would allow aid, but the user may not record it
    expect(screen.getByTestId('hs-file-workflow').textContent).toContain('已完成 1/2 级审核');
    fireEvent.click(review);
    fireEvent.click(await screen.findByText('不予通过'));
    // Refusing makes the reason required (the `reject` step requires a note).
    await waitFor(() => expect(screen.getByTestId('hs-action-note').closest('.ant-form-item')!.querySelector('.ant-form-item-required')).not.toBeNull());
    await act(async () => fireEvent.click(screen.getByTestId('hs-action-submit')));
    expect(await screen.findByText('不予通过时请填写理由')).toBeTruthy();
    fireEvent.change(screen.getByTestId('hs-action-note'), { target: { value: '收入材料不全' } });
    await act(async () => fireEvent.click(screen.getByTestId('hs-action-submit')));
    expect(await screen.findByText('此操作会改变档案状态并记入档案时间线，提交后不能撤销。')).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
    await act(async () => fireEvent.click(screen.getByTestId('hs-action-confirm')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toEqual({ approve: false, note: '收入材料不全' }));
  });

  it('says when no step is open to the user', async () => {
    open(file({ status: 'filed', actions: [], can: { edit: false, visit: false, attach: false, unmask: false, aid: false } }), ['hardship.read']);
    expect((await screen.findByTestId('hs-file-workflow')).textContent).toContain('当前状态下您没有可办理的流程操作');
    expect(screen.queryByTestId('hs-action-review')).toBeNull();
  });
});
