import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Rule } from '../../../../common/src/contracts/rules';
import { renderApp, signedIn } from '../../test/render';
import RulesPage from './RulesPage';

const rule = (canEdit: boolean): Rule => ({
  key: 'join.answer_days', zh: '入会申请答复期限', en: 'Join answer deadline', fields: { days: { zh: '工作日数', en: 'Working days' }, notify: { zh: '提醒对象', en: 'Notify' } },
  inForce: { effectiveFrom: '2024-01-01', value: { days: 15, notify: ['基层工会', '上级工会'] }, source: '《中国工会章程》第三条；本平台 docs/rules.md', weak: ['notify'], origin: 'default', enteredBy: null },
  versions: [
    { effectiveFrom: '2020-01-01', value: { days: 30, notify: ['基层工会'] }, source: '旧办法', weak: [], origin: 'default', enteredBy: null },
    { effectiveFrom: '2024-01-01', value: { days: 15, notify: ['基层工会', '上级工会'] }, source: '《中国工会章程》第三条；本平台 docs/rules.md', weak: ['notify'], origin: 'default', enteredBy: null },
    { effectiveFrom: '2099-01-01', value: { days: 10, notify: ['基层工会'] }, source: '市总工会2098年12号文', weak: [], origin: 'entered', enteredBy: '管理员' },
  ],
  canEdit,
});

describe('rules and their sources', () => {
  it('shows each rule’s values in force with their source, marks practice that may be adjusted, and tells the version in force from a scheduled one', async () => {
    renderApp(<RulesPage />, { me: signedIn({}, []), routes: { 'GET /api/rules': () => [rule(false)] } });
    const card = await screen.findByTestId('rule-join.answer_days');
    expect(card.textContent).toContain('入会申请答复期限');
    expect(card.textContent).toContain('依据：《中国工会章程》第三条；本平台 docs/rules.md');
    expect(card.textContent).toContain('基层工会、上级工会工作惯例，可调整');
    const rows = [...card.querySelectorAll('.ant-table-tbody tr.ant-table-row')].map((r) => r.textContent); // newest first
    expect(rows[0]).toContain('2099-01-01待生效');
    expect(rows[0]).toContain('管理员录入 · 管理员');
    expect(rows[1]).toContain('2024-01-01现行');
    expect(rows[1]).toContain('工作日数：15');
    expect(rows[2]).not.toMatch(/现行|待生效/);
    expect(screen.queryByTestId('rules-add-join.answer_days')).toBeNull();
  });

  it('takes a new version only as valid JSON with a source', async () => {
    const { sent } = renderApp(<RulesPage />, { me: signedIn({}, ['rule.manage']), routes: { 'GET /api/rules': () => [rule(true)], 'POST /api/rules/join.answer_days/versions': () => ({ status: 201, body: rule(true) }) } });
    fireEvent.click(await screen.findByTestId('rules-add-join.answer_days'));
    const value = (await screen.findByTestId('rule-form-value')) as HTMLTextAreaElement;
    await waitFor(() => expect(JSON.parse(value.value)).toEqual({ days: 15, notify: ['基层工会', '上级工会'] }));
    fireEvent.change(value, { target: { value: '{ days: 12 }' } });
    fireEvent.change(screen.getByTestId('rule-form-source'), { target: { value: '市总工会2026年3号文' } });
    await act(async () => fireEvent.click(screen.getByTestId('rule-form-submit')));
    expect(await screen.findByText('取值不是有效的 JSON')).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
    fireEvent.change(value, { target: { value: '{ "days": 12, "notify": ["基层工会"] }' } });
    await act(async () => fireEvent.click(screen.getByTestId('rule-form-submit')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ value: { days: 12, notify: ['基层工会'] }, source: '市总工会2026年3号文' }));
  });
});
