import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DisputeDetail } from '../../../../common/src/contracts/dispute';
import type { DisputeRecordsT } from '../../../../common/src/contracts/dispute-records';
import { renderApp, signedIn } from '../../test/render';
import { CaseRecords } from './CaseRecords';

const ID = '00000000-0000-7000-8000-000000000201';
const dispute = { id: ID, caseNo: 'TJ2026000123', version: 3, status: 'agreed' } as DisputeDetail;
const records = (over: Partial<DisputeRecordsT> = {}): DisputeRecordsT => ({
  evidence: [{ id: 'e1', kind: 'payslip', fileName: '工资条.pdf', mime: 'application/pdf', size: 2048, createdAt: '2026-11-01T02:00:00Z' }],
  agreement: {
    agreedOn: '2026-10-20', amountFen: 900_000, signedByAll: false,
    signatures: [{ role: 'applicant', signerName: '王五', signedOn: '2026-10-20', method: 'on_screen', hasImage: true }],
  },
  instalments: [
    { seq: 1, dueOn: '2026-11-01', amountFen: 400_000, paidOn: '2026-11-01', paidFen: 400_000, outstandingFen: 0, note: null, missed: false, payments: [{ amountFen: 400_000, paidOn: '2026-11-01', note: null }] },
    { seq: 2, dueOn: '2026-11-20', amountFen: 500_000, paidOn: null, paidFen: 0, outstandingFen: 500_000, note: null, missed: true, payments: [] },
  ],
  paidFen: 400_000, outstandingFen: 500_000, breachSince: '2026-11-20', referral: null, milestones: [],
  dues: { acceptanceDue: null, awardDue: null, suitDue: null },
  can: { evidence: true, sign: true, schedule: false, pay: true, refer: true, milestone: false, bundle: false },
  ...over,
});
const open = (r: DisputeRecordsT, routes = {}) =>
  renderApp(<CaseRecords dispute={dispute} />, { me: signedIn({}, ['dispute.read', 'dispute.write']), routes: { [`GET /api/disputes/${ID}/records`]: () => r, ...routes } });

describe('a case’s evidence and agreement', () => {
  it('shows the evidence, who has signed, the missed instalment as a breach, and refers the case to arbitration', async () => {
    const { sent } = open(records(), { [`POST /api/disputes/${ID}/referral`]: () => ({ status: 201, body: { ok: true } }) });
    expect((await screen.findByTestId('dispute-ev-table')).textContent).toContain('工资条.pdf');
    expect(screen.getByTestId('dispute-signed-missing')).toBeTruthy();
    expect(screen.getByTestId('dispute-signatures').textContent).toContain('王五');
    expect(within(screen.getByTestId('dispute-instalment-2')).getByText('逾期未付')).toBeTruthy();
    expect(screen.getByTestId('dispute-breach').textContent).toContain('劳动争议调解仲裁法第十五条');
    expect(screen.getByTestId('dispute-paid').textContent).toContain('4,000.00');
    fireEvent.click(screen.getByTestId('dispute-refer'));
    await act(async () => fireEvent.click(await screen.findByTestId('dispute-rec-refer-submit')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ commission: '劳动人事争议仲裁委员会' }));
  });

  it('records the next unpaid instalment as paid', async () => {
    const { sent } = open(records(), { [`POST /api/disputes/${ID}/payments`]: () => ({ ok: true }) });
    fireEvent.click(await screen.findByTestId('dispute-pay'));
    await act(async () => fireEvent.click(await screen.findByTestId('dispute-rec-pay-submit')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ seq: 2 }));
  });

  it('shows the server’s refusal of a signature in Chinese in the form', async () => {
    open(records(), { [`POST /api/disputes/${ID}/signatures`]: () => ({ status: 400, body: { code: 'VALIDATION_FAILED', message: '请上传签字页', messageEn: 'Upload the signed page' } }) });
    fireEvent.click(await screen.findByTestId('dispute-sign'));
    const dialog = await screen.findByTestId('dispute-rec-sign');
    fireEvent.mouseDown(within(dialog).getByTestId('dispute-rec-sign-role').querySelector('.ant-select-selector') ?? within(dialog).getByTestId('dispute-rec-sign-role'));
    fireEvent.click(await screen.findByText('被申请人（用人单位）'));
    fireEvent.change(within(dialog).getByTestId('dispute-rec-sign-signerName'), { target: { value: '张经理' } });
    await act(async () => fireEvent.click(screen.getByTestId('dispute-rec-sign-submit')));
    expect(await screen.findByText('请上传签字页')).toBeTruthy();
  });

  it('a case without agreement shows its arbitration milestones with the award’s day', async () => {
    open(records({
      agreement: null, instalments: [], paidFen: 0, outstandingFen: 0, breachSince: null,
      referral: { ground: 'no_agreement', referredOn: '2026-10-01', commission: '江城市劳动人事争议仲裁委员会', note: null, missed: 0, evidence: 1 },
      milestones: [{ id: 'm1', kind: 'application', onDate: '2026-10-02', reference: '江劳人仲案字〔2026〕1号', note: null }, { id: 'm2', kind: 'acceptance', onDate: '2026-10-05', reference: null, note: null }],
      dues: { acceptanceDue: '2026-10-07', awardDue: '2026-11-19', suitDue: null },
      can: { evidence: false, sign: false, schedule: false, pay: false, refer: false, milestone: true, bundle: true },
    }));
    expect((await screen.findByTestId('dispute-milestone-application')).textContent).toContain('江劳人仲案字〔2026〕1号');
    expect(screen.getByTestId('dispute-referral').textContent).toContain('江城市劳动人事争议仲裁委员会');
    expect(screen.getByTestId('dispute-arb-dues').textContent).toContain('裁决期限');
    expect(screen.queryByTestId('dispute-ev-upload')).toBeNull();
    expect(screen.queryByTestId('dispute-agreement-card')).toBeNull();
    expect(screen.getByTestId('dispute-milestone')).toBeTruthy();
  });
});
