import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, where } from '../../test/render';
import PortalTrainingPage from './PortalTrainingPage';
import CertificateVerifyPage from './CertificateVerifyPage';

const record = {
  linked: true,
  hours: 56,
  courses: [{ id: 'c1', title: '焊工技能提升培训班', mode: 'offline', startsOn: '2026-10-01', hours: 40, status: 'attended' }],
  certificates: [{ certNo: 'ZS20250000123', level: 'technician', trade: '焊工', issuedOn: '2025-06-30', issuer: '江城市职业技能鉴定中心' }],
  mentoring: [{ role: 'apprentice', other: '王师傅', trade: '焊工', startsOn: '2026-01-01', status: 'active', goals: '一年内取得高级工证书', result: null }],
};

describe('/m/training (phone)', () => {
  it('shows my hours, certificates, courses and mentor; submits a proposal and lists it', async () => {
    const mine: { proposalNo: string; kind: string; title: string; status: string; submittedOn: string; rewardFen: number }[] = [];
    const { sent } = renderApp(<PortalTrainingPage />, {
      url: '/m/training',
      routes: {
        'GET /api/portal/training': () => record,
        'GET /api/portal/proposals': () => mine,
        'POST /api/portal/proposals': (req) => {
          const b = req.body as { kind: string; title: string };
          const p = { proposalNo: 'JY2026ABCDEF12', kind: b.kind, title: b.title, status: 'submitted', submittedOn: '2026-12-04', rewardFen: 0 };
          mine.push(p);
          return { status: 201, body: p };
        },
      },
    });
    expect((await screen.findByTestId('portal-training-hours')).textContent).toContain('56');
    expect(screen.getByTestId('portal-certificate-ZS20250000123').textContent).toContain('技师');
    expect(screen.getByTestId('portal-courses').textContent).toContain('已参训');
    expect(screen.getByTestId('portal-mentoring').textContent).toContain('王师傅');
    fireEvent.change(screen.getByTestId('portal-proposal-title'), { target: { value: '焊接夹具快速定位' } });
    fireEvent.change(screen.getByTestId('portal-proposal-content'), { target: { value: '增加定位销，减少装夹时间。' } });
    fireEvent.click(screen.getByTestId('portal-proposal-submit'));
    await waitFor(() => expect(sent.some((s) => s.url.pathname === '/api/portal/proposals' && s.method === 'POST')).toBe(true));
    expect(sent.find((s) => s.method === 'POST')!.body).toMatchObject({ kind: 'rationalisation', title: '焊接夹具快速定位' });
    expect((await screen.findByTestId('portal-proposal-JY2026ABCDEF12')).textContent).toContain('已提交');
  });

  it('not linked: says to link first and offers no form', async () => {
    renderApp(<PortalTrainingPage />, {
      url: '/m/training',
      routes: { 'GET /api/portal/training': () => ({ linked: false, hours: 0, courses: [], certificates: [], mentoring: [] }), 'GET /api/portal/proposals': () => [] },
    });
    expect((await screen.findByTestId('portal-training-unlinked')).textContent).toContain('关联会员档案');
    expect(screen.queryByTestId('portal-proposal-form')).toBeNull();
  });

  it('signed out: goes to the sign-in page', async () => {
    const out = () => ({ status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'sign in' } });
    renderApp(<PortalTrainingPage />, { url: '/m/training', routes: { 'GET /api/portal/training': out, 'GET /api/portal/proposals': out } });
    await waitFor(() => expect(where.current).toBe('/m/login'));
  });
});

/** The public check's answers: one number on record, one not. */
const checks = {
  'GET /api/public/certificates/ZS20250000123': () => ({ valid: true, certNo: 'ZS20250000123', nameMasked: '欧*明', level: 'senior_technician', trade: '焊工', issuedOn: '2025-06-30' }),
  'GET /api/public/certificates/NOPE0001': () => ({ valid: false, certNo: 'NOPE0001', nameMasked: null, level: null, trade: null, issuedOn: null }),
};

describe('/certificates/verify (public)', () => {
  it('shows a masked name, the level, trade and date of a number on record, and says when one is not', async () => {
    renderApp(<CertificateVerifyPage />, { url: '/certificates/verify?no=ZS20250000123', routes: checks });
    const ok = await screen.findByTestId('certificate-verify-result');
    expect(ok.getAttribute('data-valid')).toBe('true');
    expect(ok.textContent).toContain('欧*明');
    expect(ok.textContent).toContain('高级技师');
    fireEvent.change(screen.getByTestId('certificate-verify-no'), { target: { value: 'NOPE0001' } });
    fireEvent.click(screen.getByTestId('certificate-verify-submit'));
    await waitFor(() => expect(screen.getByTestId('certificate-verify-result').getAttribute('data-valid')).toBe('false'));
  });
});
