import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/render';
import AssessmentDetailPage from './AssessmentDetailPage';
import AssessmentEntryPage from './AssessmentEntryPage';
import { parseIndicators } from './assessments';

const A = '00000000-0000-7000-8000-000000000001';
const E = '00000000-0000-7000-8000-000000000002';
const P = '00000000-0000-7000-8000-000000000003';
const I1 = '00000000-0000-7000-8000-000000000011';
const I2 = '00000000-0000-7000-8000-000000000012';
const indicators = [
  { id: I1, name: '职工入会率', weight: 60, kind: 'auto', metric: 'member.coverage', target: 90, unit: '%', description: null },
  { id: I2, name: '集体协商建制', weight: 40, kind: 'manual', metric: null, target: null, unit: null, description: null },
];
const items = [
  { indicatorId: I1, value: 81, self: 54, evidence: null, review: 54, note: null },
  { indicatorId: I2, value: null, self: 38, evidence: '合同文本', review: 35, note: '现场检查' },
];
const entry = { id: E, assessmentId: A, assessmentTitle: '2025年度县区工会工作考核', year: 2025, orgId: 'o1', orgName: '上城区总工会', status: 'reviewed', selfTotal: 92, total: 89, rank: 1, items, version: 4 };
const appeal = { id: P, entryId: E, orgName: '上城区总工会', status: 'open', filedOn: '2026-02-03', reason: '漏计一份合同', answer: null, outcome: null, answeredOn: null, version: 1 };
const detail = {
  id: A, orgId: 'city', orgName: '江城市总工会', year: 2025, title: '2025年度县区工会工作考核', status: 'published', entries: 1, submitted: 1,
  publishedOn: '2026-02-01', appealDue: '2026-02-06', openAppeals: 1, version: 5, indicators, ranking: [entry], appeals: [appeal], appealOpen: true, actions: [],
};

describe('yearly assessment pages', () => {
  it('reads indicators typed one a line, automatic ones bound to a live metric', () => {
    expect(parseIndicators('30 职工入会率 @member.coverage 90\n\n70 集体协商建制')).toEqual([
      { weight: 30, name: '职工入会率', kind: 'auto', metric: 'member.coverage', target: 90 },
      { weight: 70, name: '集体协商建制', kind: 'manual' },
    ]);
  });

  it('shows the ranking and the open appeal, and answers it with the appeal’s version', async () => {
    const { sent } = renderApp(<AssessmentDetailPage />, {
      me: signedIn({}, ['plan.read', 'plan.write']), url: `/plans/assessments/${A}`, path: '/plans/assessments/:id',
      routes: {
        [`GET /api/assessments/${A}`]: () => detail,
        [`GET /api/assessments/${A}/history`]: () => [],
        [`POST /api/assessment-appeals/${P}/answer`]: () => ({ ...detail, appeals: [{ ...appeal, status: 'answered', answer: '维持', outcome: 'dismissed', answeredOn: '2026-02-04' }] }),
      },
    });
    expect((await screen.findByTestId('assessment-ranking')).textContent).toContain('上城区总工会');
    expect(screen.getByTestId('assessment-appeal-open').textContent).toContain('2026-02-06');
    expect(screen.getByTestId('assessment-indicators').textContent).toContain('职工入会率');
    fireEvent.click(screen.getByTestId(`assessment-answer-${P}`));
    fireEvent.change(await screen.findByTestId('assessment-answer-form-answer'), { target: { value: '经复核，维持原评定' } });
    await act(async () => fireEvent.click(screen.getByTestId('assessment-answer-form-submit')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ answer: '经复核，维持原评定', outcome: 'dismissed', version: 1 }));
  });

  it('an entry shows each indicator’s scores and offers the appeal within the period', async () => {
    renderApp(<AssessmentEntryPage />, {
      me: signedIn({}, ['plan.read', 'plan.report']), url: `/plans/assessment-entries/${E}`, path: '/plans/assessment-entries/:id',
      routes: {
        [`GET /api/assessment-entries/${E}`]: () => ({ ...entry, assessmentStatus: 'published', indicators, appealDue: '2026-02-06', appealOpen: true, appeals: [], can: { selfAssess: false, review: false, appeal: true } }),
      },
    });
    const table = await screen.findByTestId('entry-items');
    expect(table.textContent).toContain('81% / 90%');
    expect(table.textContent).toContain('合同文本');
    expect(screen.getByTestId('entry-total').textContent).toContain('89');
    expect(screen.getByTestId('entry-appeal')).toBeTruthy();
    expect(screen.queryByTestId('entry-self')).toBeNull();
  });
});
