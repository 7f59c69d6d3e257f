import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { orgApi } from '../../../common/src/contracts/org';
import { ApiError } from '../api/client';
import { renderApp, where } from '../test/render';
import { Actions, DetailPage } from './DetailPage';
import { ListPage } from './ListPage';
import { HistoryDrawer } from './HistoryDrawer';
import { PublicForm } from './PublicForm';
import { ConsentNotice } from './ConsentNotice';

describe('Actions and DetailPage', () => {
  it('shows only the actions the server allows, asks first where declared, and adds the record’s history as a tab', async () => {
    const edit = vi.fn();
    const remove = vi.fn();
    renderApp(
      <DetailPage<{ name: string; can: { edit: boolean; remove: boolean; archive: boolean } }>
        testId="rec"
        load={async () => ({ name: '滨江区总工会', can: { edit: true, remove: true, archive: false } })}
        deps={[]}
        back={{ path: '/orgs', label: 'menu.orgList' }}
        crumbs={(r) => [{ title: '组织', path: '/orgs' }, ...(r ? [{ title: r.name }] : [])]}
        title={(r) => r.name}
        actions={(r) => (
          <Actions actions={[
            { key: 'edit', label: 'action.edit', show: r.can.edit, onClick: edit, testId: 'rec-edit' },
            { key: 'archive', label: { zh: '归档', en: 'Archive' }, show: r.can.archive, onClick: () => undefined, testId: 'rec-archive' },
            { key: 'remove', label: 'action.delete', danger: true, show: r.can.remove, confirm: { zh: '删除后不能恢复。', en: 'Cannot be undone.' }, onClick: remove, testId: 'rec-remove' },
          ]} />
        )}
        tabs={() => [{ key: 'basic', label: { zh: '基本信息', en: 'Basic' }, children: <div>正文</div> }]}
        history={{ endpoint: orgApi.history, id: 'o1' }}
      />,
      { routes: { 'GET /api/orgs/o1/history': () => [{ seq: 1, at: '2026-12-04T01:00:00Z', actorName: null, action: 'org.update', changes: null, detail: '名称' }] } },
    );
    expect((await screen.findByTestId('rec-name')).textContent).toBe('滨江区总工会');
    expect(screen.queryByTestId('rec-archive')).toBeNull();
    fireEvent.click(screen.getByTestId('rec-edit'));
    expect(edit).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('rec-remove'));
    expect(await screen.findByText('删除后不能恢复。')).toBeTruthy();
    expect(remove).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByTestId('rec-remove-ok')));
    expect(remove).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('tab', { name: '变更记录' }));
    await waitFor(() => expect(screen.getByTestId('history-org.update').textContent).toContain('修改组织'));
    expect(screen.getByTestId('history-org.update').textContent).toContain('系统'); // no actor: the system did it
  });
});

describe('HistoryDrawer', () => {
  it('opens for a record with its title, lists its entries in the UI language, and says when there are none', async () => {
    function Two() {
      const [target, setTarget] = useState({ id: 'o1', title: '滨江区总工会' });
      return (
        <>
          <button type="button" onClick={() => setTarget({ id: 'o2', title: '长河街道总工会' })}>next</button>
          <HistoryDrawer endpoint={orgApi.history} target={target} onClose={() => undefined} />
        </>
      );
    }
    renderApp(<Two />, {
      routes: { 'GET /api/orgs/o1/history': () => [{ seq: 2, at: '2026-12-04T01:00:00Z', actorName: '王五', action: 'org.update', changes: null, detail: null }], 'GET /api/orgs/o2/history': () => [] },
    });
    await waitFor(() => expect(screen.getByTestId('history-drawer').textContent).toContain('王五'));
    expect(document.querySelector('.ant-drawer-title')!.textContent).toBe('变更记录 · 滨江区总工会');
    expect(screen.getByTestId('history-drawer').textContent).toContain('2026-12-04 09:00:00');
    fireEvent.click(screen.getByText('next'));
    await waitFor(() => expect(screen.getByTestId('history-drawer').textContent).toContain('暂无变更记录'));
  });
});

describe('PublicForm and ConsentNotice', () => {
  function Apply({ onSubmit }: { onSubmit: (v: { name: string; agreed: boolean }) => Promise<unknown> }) {
    const [form] = Form.useForm<{ name: string; agreed: boolean }>();
    return (
      <PublicForm form={form} testId="pf" onSubmit={onSubmit} submitText="提交" rateLimitedHint="请稍后再试，或致电工会">
        <Form.Item name="name" label="姓名"><Input data-testid="pf-name" /></Form.Item>
        <ConsentNotice name="agreed" testId="pf" title="个人信息处理告知书" body={'一、处理目的\n二、处理方式'} agree="我已阅读并同意" required="须同意告知书才能提交" />
      </PublicForm>
    );
  }

  it('will not send without the consent ticked, places the server’s field errors, and after a rate limit says what to do', async () => {
    let calls = 0;
    const onSubmit = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new ApiError(400, 'VALIDATION_FAILED', '输入有误', 'Invalid', { fields: [{ path: 'body.name', message: '姓名只能包含文字 / letters only' }] });
      throw new ApiError(429, 'RATE_LIMITED', '提交过于频繁', 'Too many requests');
    });
    renderApp(<Apply onSubmit={onSubmit} />);
    expect(screen.getByTestId('pf-notice').textContent).toBe('一、处理目的\n二、处理方式');
    fireEvent.change(screen.getByTestId('pf-name'), { target: { value: '张三3' } });
    await act(async () => fireEvent.click(screen.getByTestId('pf-submit')));
    expect(await screen.findByText('须同意告知书才能提交')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('pf-consent'));
    await act(async () => fireEvent.click(screen.getByTestId('pf-submit')));
    expect(await screen.findByText('姓名只能包含文字')).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledWith({ name: '张三3', agreed: true });
    await act(async () => fireEvent.click(screen.getByTestId('pf-submit')));
    const error = await screen.findByTestId('pf-error');
    await waitFor(() => expect(error.textContent).toContain('提交过于频繁'));
    expect(error.textContent).toContain('请稍后再试，或致电工会');
  });
});

describe('the menu gives a page its name, its breadcrumbs and its way back', () => {
  const ORG = '00000000-0000-7000-8000-0000000000aa';
  it('a record page loads the record of its route, and names its place in the menu', async () => {
    renderApp(<DetailPage<{ name: string }> testId="org" get={orgApi.get} title={(o) => o.name} />, {
      url: `/orgs/${ORG}`, path: '/orgs/:id',
      routes: { [`GET /api/orgs/${ORG}`]: () => ({ name: '滨江区总工会' }) },
    });
    expect((await screen.findByTestId('org-name')).textContent).toBe('滨江区总工会');
    expect(screen.getByTestId('page-breadcrumb').textContent).toBe('组织管理/组织列表/滨江区总工会');
  });

  it('a record outside the caller’s scope answers 404: the page says so and offers the list it sits under', async () => {
    renderApp(<DetailPage<{ name: string }> testId="org" get={orgApi.get} title={(o) => o.name} />, { url: `/orgs/${ORG}`, path: '/orgs/:id' });
    await screen.findByTestId('org-error');
    expect(screen.getAllByRole('link', { name: '组织列表' }).map((a) => a.getAttribute('href'))).toEqual(['/orgs', '/orgs']); // the breadcrumb and the way back
  });

  it('a list is titled by its menu entry; its "new" button opens the declared form and then the new record', async () => {
    const { sent } = renderApp(
      <ListPage testId="orgs" endpoint={orgApi.list} columns={[{ key: 'name', title: 'org.field.name', dataIndex: 'name' }]}
        create={{
          label: { zh: '新建组织', en: 'New' }, testId: 'orgs-new', to: (r) => `/orgs/${r.id}`,
          form: { testId: 'orgs-form', onSubmit: async (v: { name: string }) => ({ id: ORG, ...v }), fields: [{ name: 'name', label: 'org.field.name', required: true }] },
        }} />,
      { url: '/orgs', routes: { 'GET /api/orgs': () => ({ items: [], total: 0, page: 1, pageSize: 20 }) } },
    );
    expect((await screen.findByRole('heading', { level: 4 })).textContent).toBe('组织列表');
    fireEvent.click(screen.getByTestId('orgs-new'));
    fireEvent.change(await screen.findByTestId('orgs-form-name'), { target: { value: '新组织' } });
    await act(async () => fireEvent.click(screen.getByTestId('orgs-form-submit')));
    await waitFor(() => expect(where.current).toBe(`/orgs/${ORG}`));
    expect(sent.some((s) => s.method === 'POST')).toBe(false); // the page's own onSubmit sent it
  });

  it('a list offers no "new" button to who may not create', async () => {
    renderApp(<ListPage testId="orgs" endpoint={orgApi.list} columns={[]} create={{ label: { zh: '新建组织', en: 'New' }, show: false, testId: 'orgs-new', render: () => null }} />, {
      url: '/orgs', routes: { 'GET /api/orgs': () => ({ items: [], total: 0, page: 1, pageSize: 20 }) },
    });
    await screen.findByTestId('orgs-table');
    expect(screen.queryByTestId('orgs-new')).toBeNull();
  });
});
