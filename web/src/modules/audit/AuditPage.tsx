import { useState } from 'react';
import { App, AutoComplete, Button, Card, DatePicker, Descriptions, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { systemApi, type AuditListParams } from '../../api/system';
import type { AuditEntry } from '../../api/types';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';

const RESULT_COLOR: Record<string, string> = { ok: 'success', denied: 'warning', failed: 'error' };
const ACTION_PREFIXES = ['auth.', 'org.', 'user.', 'role.', 'settings.', 'security.', 'system.'];
const ENTITIES = ['org', 'user', 'role', 'setting'];

/** 审计日志: entries in the caller's scope, newest first; the hash-chain check for whole-platform admins. */
export default function AuditPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { modal } = App.useApp();
  const { showError } = useApiError();
  const [params, setParams] = useState<AuditListParams>({ page: 1, pageSize: 20 });
  const [draft, setDraft] = useState<{ actor?: string; action?: string; entity?: string; result?: AuditListParams['result']; range?: [Dayjs | null, Dayjs | null] | null }>({});
  const { data, loading, reload } = useRequest(() => systemApi.audit(params), [JSON.stringify(params)], showError);
  const [verifying, setVerifying] = useState(false);

  const apply = () =>
    setParams((p) => ({
      page: 1,
      pageSize: p.pageSize,
      actor: draft.actor?.trim() || undefined,
      action: draft.action?.trim() || undefined,
      entity: draft.entity,
      result: draft.result,
      from: draft.range?.[0]?.format('YYYY-MM-DD'),
      to: draft.range?.[1]?.format('YYYY-MM-DD'),
    }));
  const reset = () => {
    setDraft({});
    setParams((p) => ({ page: 1, pageSize: p.pageSize }));
  };

  const verify = async () => {
    setVerifying(true);
    try {
      const r = await systemApi.verifyAudit();
      modal[r.ok ? 'success' : 'error']({
        title: r.ok ? t('audit.verify.ok') : t('audit.verify.broken'),
        content: (
          <div data-testid="audit-verify-result" data-ok={String(r.ok)}>
            <p>{t('audit.verify.checked', { n: r.checked })}</p>
            {r.firstBroken && <p>{t('audit.verify.firstBroken', { seq: r.firstBroken.seq, reason: r.firstBroken.reason })}</p>}
          </div>
        ),
        okText: t('action.close'),
      });
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  const resultLabel = (r: string) => (r === 'ok' ? t('audit.result.ok') : r === 'denied' ? t('audit.result.denied') : r === 'failed' ? t('audit.result.failed') : r);

  const columns: TableProps<AuditEntry>['columns'] = [
    { title: '#', dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('audit.field.at'), dataIndex: 'at', key: 'at', width: 180, render: (s: string) => new Date(s).toLocaleString() },
    { title: t('audit.field.actor'), dataIndex: 'actorName', key: 'actor', width: 120, render: (a: string | null) => a ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
    { title: t('audit.field.org'), dataIndex: 'orgName', key: 'org', ellipsis: true, render: (o: string | null) => o ?? '—' },
    { title: t('audit.field.action'), dataIndex: 'action', key: 'action', width: 200, render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
    { title: t('audit.field.entity'), dataIndex: 'entity', key: 'entity', width: 90, render: (e: string | null) => e ?? '—' },
    { title: t('audit.field.result'), dataIndex: 'result', key: 'result', width: 90, render: (r: string) => <Tag color={RESULT_COLOR[r] ?? 'default'}>{resultLabel(r)}</Tag> },
    { title: 'IP', dataIndex: 'ip', key: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <div data-testid="audit-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.audit')}</Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('action.refresh')}
          </Button>
          {access.canVerifyAudit && (
            <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify-btn">
              {t('audit.verify')}
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <div className="gh-filters">
          <Input
            placeholder={t('audit.filter.actor')}
            aria-label={t('audit.filter.actor')}
            allowClear
            value={draft.actor}
            onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))}
            onPressEnter={apply}
            style={{ width: 160 }}
            data-testid="audit-filter-actor"
          />
          <AutoComplete
            placeholder={t('audit.filter.action')}
            allowClear
            value={draft.action}
            options={ACTION_PREFIXES.map((p) => ({ value: p }))}
            onChange={(v: string) => setDraft((d) => ({ ...d, action: v }))}
            style={{ width: 180 }}
            data-testid="audit-filter-action"
          />
          <Select
            placeholder={t('audit.filter.entity')}
            allowClear
            value={draft.entity}
            onChange={(v: string | undefined) => setDraft((d) => ({ ...d, entity: v }))}
            options={ENTITIES.map((e) => ({ value: e, label: e }))}
            style={{ width: 130 }}
            data-testid="audit-filter-entity"
          />
          <Select
            placeholder={t('audit.filter.result')}
            allowClear
            value={draft.result}
            onChange={(v: AuditListParams['result']) => setDraft((d) => ({ ...d, result: v }))}
            options={(['ok', 'denied', 'failed'] as const).map((r) => ({ value: r, label: resultLabel(r) }))}
            style={{ width: 120 }}
            data-testid="audit-filter-result"
          />
          <DatePicker.RangePicker
            value={draft.range ?? null}
            onChange={(range) => setDraft((d) => ({ ...d, range }))}
            format="YYYY-MM-DD"
            data-testid="audit-filter-range"
          />
          <Button type="primary" onClick={apply} data-testid="audit-filter-apply">
            {t('action.search')}
          </Button>
          <Button onClick={reset} data-testid="audit-filter-reset">
            {t('action.reset')}
          </Button>
        </div>
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          scroll={{ x: 1000 }}
          data-testid="audit-table"
          onRow={(e) => testId(`audit-row-${e.seq}`)}
          locale={{ emptyText: t('common.noData') }}
          expandable={{
            rowExpandable: (e) => e.changes != null || !!e.detail || !!e.entityId,
            expandedRowRender: (e) => (
              <Descriptions size="small" column={1} bordered data-testid={`audit-detail-${e.seq}`}>
                {e.entityId && <Descriptions.Item label={t('audit.field.entityId')}>{e.entityId}</Descriptions.Item>}
                {e.detail && <Descriptions.Item label={t('audit.field.detail')}>{e.detail}</Descriptions.Item>}
                {e.changes != null && (
                  <Descriptions.Item label={t('audit.field.changes')}>
                    <pre className="gh-json">{JSON.stringify(e.changes, null, 2)}</pre>
                  </Descriptions.Item>
                )}
              </Descriptions>
            ),
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
        />
      </Card>
    </div>
  );
}
