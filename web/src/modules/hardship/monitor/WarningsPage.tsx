import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Modal, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { AlertOutlined, ClockCircleOutlined, ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { hardshipMonitorApi, type ScanResult, type WarningItem, type WarningListParams } from '../../../api/hardship-monitor';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAccess } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { OrgSelect } from '../../org/components/OrgSelect';
import { useLabel, useOptions, V, WarningLevelTag } from '../shared/vocab';
import { daysBetween, todayIso } from './dates';

const STATUSES = ['open', 'closed', 'all'] as const;
type Status = (typeof STATUSES)[number];

/** Filters and page live in the URL (a dashboard link can open the page filtered). */
function paramsFrom(sp: URLSearchParams): WarningListParams & { page: number; pageSize: number; status: Status } {
  const get = (k: string) => sp.get(k) || undefined;
  const num = (k: string) => (get(k) !== undefined && Number.isFinite(Number(get(k))) ? Number(get(k)) : undefined);
  const status = get('status') as Status | undefined;
  const level = get('level') as WarningListParams['level'];
  const rule = get('rule') as WarningListParams['rule'];
  return {
    status: status && STATUSES.includes(status) ? status : 'open',
    level: level && (V.WARNING_LEVELS as readonly string[]).includes(level) ? level : undefined,
    rule: rule && (V.WARNING_RULES as readonly string[]).includes(rule) ? rule : undefined,
    overdue: get('overdue') === 'true' ? 'true' : undefined,
    under: get('under'),
    fileId: get('fileId'),
    page: num('page') || 1,
    pageSize: num('pageSize') || 20,
  };
}

/** The open warnings by level and the overdue ones, for the cards above the table (one small count query each). */
function useSummary(tick: number) {
  const count = (p: WarningListParams) => hardshipMonitorApi.warnings({ ...p, status: 'open', page: 1, pageSize: 1 }).then((r) => r.total);
  return useRequest(
    async () => {
      const [red, orange, yellow, overdue] = await Promise.all([count({ level: 'red' }), count({ level: 'orange' }), count({ level: 'yellow' }), count({ overdue: 'true' })]);
      return { red, orange, yellow, overdue };
    },
    [tick],
  );
}

/** 监测预警: the warnings in the user's scope; run the scan now; close with the action taken. */
export default function WarningsPage() {
  const { t, pick } = useI18n();
  const access = useAccess();
  const label = useLabel();
  const options = useOptions();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => paramsFrom(sp), [sp]);
  const [tick, setTick] = useState(0);
  const { data, loading } = useRequest(() => hardshipMonitorApi.warnings(params), [JSON.stringify(params), tick], showError);
  const summary = useSummary(tick);
  const [unionName, setUnionName] = useState<string | undefined>(undefined);
  const [scanning, setScanning] = useState(false);
  const [scan, setScan] = useState<(ScanResult & { at: string; run: number }) | null>(null);
  const [closing, setClosing] = useState<WarningItem | null>(null);
  const today = todayIso();

  const update = (patch: Record<string, string | number | undefined | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };
  const refresh = () => setTick((n) => n + 1);

  const runScan = async () => {
    setScanning(true);
    try {
      const r = await hardshipMonitorApi.scan();
      setScan((prev) => ({ ...r, at: new Date().toLocaleTimeString('zh-CN', { hour12: false }), run: (prev?.run ?? 0) + 1 }));
      refresh();
    } catch (e) {
      showError(e);
    } finally {
      setScanning(false);
    }
  };

  const columns: TableProps<WarningItem>['columns'] = [
    { title: t('hsMon.col.level'), dataIndex: 'level', key: 'level', width: 96, render: (l: string) => <WarningLevelTag level={l} /> },
    { title: t('hsMon.col.rule'), dataIndex: 'rule', key: 'rule', width: 140, render: (r: string) => label(V.WARNING_RULE_LABELS, r) },
    {
      title: t('hsMon.col.subject'),
      key: 'subject',
      width: 140,
      render: (_: unknown, w) =>
        w.fileId ? (
          <Space orientation="vertical" size={0}>
            <Link to={`/hardship/files/${w.fileId}`} data-testid={`hs-warning-file-${w.id}`}>
              {w.name ?? w.fileNo}
            </Link>
            {w.fileNo && (
              <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                {w.fileNo}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color="magenta">{t('hsMon.area')}</Tag>
            <span>{w.orgName}</span>
          </Space>
        ),
    },
    {
      title: t('hsMon.col.explanation'),
      dataIndex: 'explanation',
      key: 'explanation',
      render: (s: string, w) => (
        <div>
          <div style={{ whiteSpace: 'pre-line', fontSize: 13 }}>{s}</div>
          {w.status === 'closed' && (
            <div style={{ marginTop: 6, padding: '4px 8px', background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 4, fontSize: 12 }} data-testid={`hs-warning-closed-${w.id}`}>
              <b>{t('hsMon.actionTakenPrefix')}</b>
              {w.actionTaken}
              <div style={{ color: '#888' }}>
                {(() => {
                  const when = w.closedAt ? new Date(w.closedAt).toLocaleString('zh-CN', { hour12: false }) : '—';
                  return w.closedByName ? t('hsMon.closedByAt', { who: w.closedByName, when }) : t('hsMon.closedAt', { when });
                })()}
              </div>
            </div>
          )}
        </div>
      ),
    },
    { title: t('hsMon.col.union'), dataIndex: 'orgName', key: 'orgName', width: 150, ellipsis: true },
    {
      title: t('hsMon.col.due'),
      dataIndex: 'dueOn',
      key: 'dueOn',
      width: 130,
      render: (d: string, w) => {
        const raised = (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hsMon.raisedOn', { d: w.raisedOn })}
          </Typography.Text>
        );
        if (w.status !== 'open')
          return (
            <Space orientation="vertical" size={0}>
              <Typography.Text type="secondary">{d}</Typography.Text>
              {raised}
            </Space>
          );
        const days = daysBetween(today, d);
        return (
          <Space orientation="vertical" size={0}>
            <span style={w.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{d}</span>
            <span style={{ fontSize: 12, color: w.overdue ? '#cf1322' : days <= 1 ? '#d48806' : '#888' }} data-testid={w.overdue ? `hs-warning-overdue-${w.id}` : undefined}>
              {w.overdue ? t('hsMon.overdueDays', { n: -days }) : days === 0 ? t('hsMon.dueToday') : t('hsMon.daysLeft', { n: days })}
            </span>
            {raised}
          </Space>
        );
      },
    },
    {
      title: t('hsMon.col.status'),
      dataIndex: 'status',
      key: 'status',
      width: 84,
      render: (s: string) => (s === 'open' ? <Tag color="processing">{t('hsMon.status.open')}</Tag> : <Tag color="success">{t('hsMon.status.closed')}</Tag>),
    },
    ...(access.canHandleWarning
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 88,
            fixed: 'right' as const,
            render: (_: unknown, w: WarningItem) =>
              w.status === 'open' ? (
                <Button size="small" type="link" onClick={() => setClosing(w)} data-testid={`hs-warning-close-${w.id}`}>
                  {t('hsMon.close')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const cards: { key: string; title: string; value?: number; color: string; icon: React.ReactNode; patch: Record<string, string | undefined> }[] = [
    { key: 'red', title: t('hsMon.card.red'), value: summary.data?.red, color: '#cf1322', icon: <AlertOutlined />, patch: { status: undefined, level: 'red', overdue: undefined } },
    { key: 'orange', title: t('hsMon.card.orange'), value: summary.data?.orange, color: '#fa8c16', icon: <AlertOutlined />, patch: { status: undefined, level: 'orange', overdue: undefined } },
    { key: 'yellow', title: t('hsMon.card.yellow'), value: summary.data?.yellow, color: '#d4b106', icon: <AlertOutlined />, patch: { status: undefined, level: 'yellow', overdue: undefined } },
    { key: 'overdue', title: t('hsMon.card.overdue'), value: summary.data?.overdue, color: '#cf1322', icon: <ClockCircleOutlined />, patch: { status: undefined, level: undefined, overdue: 'true' } },
  ];

  return (
    <div data-testid="hs-warnings-page">
      <div className="gh-page-header">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.hardshipWarnings')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('hsMon.intro')}</Typography.Text>
        </div>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="hs-warnings-reload">
            {t('action.refresh')}
          </Button>
          {access.canHandleWarning && (
            <Button type="primary" icon={<ThunderboltOutlined />} loading={scanning} onClick={() => void runScan()} data-testid="hs-warning-scan">
              {t('hsMon.scan')}
            </Button>
          )}
        </Space>
      </div>

      {scan && <ScanResultPanel scan={scan} onClose={() => setScan(null)} />}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} lg={6}>
            <Card
              size="small"
              hoverable
              className="gh-stat-card"
              loading={summary.loading && !summary.data}
              onClick={() => update(c.patch)}
              data-testid={`hs-warning-card-${c.key}`}
              style={c.key === 'overdue' && params.overdue ? { borderColor: c.color } : c.key === params.level && !params.overdue ? { borderColor: c.color } : undefined}
            >
              <Statistic
                title={c.title}
                value={c.value ?? 0}
                groupSeparator=","
                prefix={<span style={{ color: c.color, marginRight: 4 }}>{c.icon}</span>}
                styles={{ content: c.key === 'overdue' && (c.value ?? 0) > 0 ? { color: '#cf1322' } : undefined }}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Card style={{ marginBottom: 16 }} size="small">
        <Space wrap size={[16, 12]} align="center">
          <Segmented<Status>
            value={params.status}
            onChange={(v) => update({ status: v === 'open' ? undefined : v })}
            options={STATUSES.map((s) => ({ value: s, label: <span data-testid={`hs-warning-status-${s}`}>{t(`hsMon.status.${s}`)}</span> }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('hsMon.filter.level')}
            value={params.level}
            onChange={(v) => update({ level: v })}
            options={options(V.WARNING_LEVELS, V.WARNING_LEVEL_LABELS)}
            data-testid="hs-warning-filter-level"
          />
          <Select
            allowClear
            style={{ width: 260 }}
            placeholder={t('hsMon.filter.rule')}
            value={params.rule}
            onChange={(v) => update({ rule: v })}
            options={options(V.WARNING_RULES, V.WARNING_RULE_LABELS)}
            popupMatchSelectWidth={false}
            data-testid="hs-warning-filter-rule"
          />
          {access.canReadOrg && (
            <OrgSelect
              allowClear
              style={{ width: 240 }}
              placeholder={t('hsMon.filter.union')}
              value={params.under}
              known={params.under && unionName ? [{ id: params.under, name: unionName }] : undefined}
              onChange={(v, opt) => {
                const o = Array.isArray(opt) ? opt[0] : opt;
                setUnionName(typeof o?.label === 'string' ? o.label : undefined);
                update({ under: v as string | undefined });
              }}
              data-testid="hs-warning-filter-union"
            />
          )}
          <Checkbox checked={!!params.overdue} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })} data-testid="hs-warning-filter-overdue">
            {t('hsMon.filter.overdue')}
          </Checkbox>
          {params.fileId && (
            <Tag closable onClose={() => update({ fileId: undefined })}>
              {t('hsMon.filter.oneFile')}
            </Tag>
          )}
          <Button onClick={() => setSp(new URLSearchParams())} data-testid="hs-warning-filter-reset">
            {t('action.reset')}
          </Button>
        </Space>
      </Card>

      <Card>
        <Table<WarningItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          data-testid="hs-warnings-table"
          scroll={{ x: 1040 }}
          onRow={(w) => ({ ...testId(`hs-warning-row-${w.id}`), style: w.overdue ? { background: '#fff7f7' } : undefined })}
          locale={{ emptyText: params.status === 'open' && !params.level && !params.rule && !params.overdue && !params.under ? t('hsMon.emptyOpen') : t('common.noMatch') }}
          onChange={(pagination, _f, _s, extra) => {
            if (extra.action === 'paginate') update({ page: pagination.current, pageSize: pagination.pageSize }, true);
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { n: total.toLocaleString() }),
          }}
        />
      </Card>

      <CloseWarningModal
        warning={closing}
        ruleLabel={closing ? pick(V.WARNING_RULE_LABELS[closing.rule as keyof typeof V.WARNING_RULE_LABELS], closing.rule) : ''}
        onClose={() => setClosing(null)}
        onDone={() => {
          setClosing(null);
          refresh();
        }}
      />
    </div>
  );
}

/** What the scan did: how many warnings it raised, per rule; a repeated run raises none (each cause is raised once). */
function ScanResultPanel({ scan, onClose }: { scan: ScanResult & { at: string; run: number }; onClose: () => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const rules = Object.entries(scan.byRule).filter(([, n]) => n > 0);
  return (
    <Alert
      type={scan.raised > 0 ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="hs-warning-scan-result"
      data-raised={scan.raised}
      title={
        scan.raised > 0 ? t('hsMon.scan.raised', { n: scan.raised, at: scan.at }) : t('hsMon.scan.none', { at: scan.at })
      }
      description={
        <div>
          {rules.length > 0 && (
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 8 }}>
              {rules.map(([r, n]) => (
                <Descriptions.Item key={r} label={label(V.WARNING_RULE_LABELS, r)}>
                  <span data-testid={`hs-warning-scan-rule-${r}`}>{n}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hsMon.scan.dedup')} {t('hsMon.scan.meta', { re: scan.reevaluated, ms: scan.ms, run: scan.run })}
          </Typography.Text>
        </div>
      }
    />
  );
}

/** 处置销号: closing needs the action taken (at least 4 characters, as the server checks). */
function CloseWarningModal({ warning, ruleLabel, onClose, onDone }: { warning: WarningItem | null; ruleLabel: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { showError } = useApiError();
  const [form] = Form.useForm<{ action: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async ({ action }: { action: string }) => {
    if (!warning) return;
    setSaving(true);
    try {
      await hardshipMonitorApi.close(warning.id, action.trim());
      form.resetFields();
      onDone();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!warning}
      title={t('hsMon.closeTitle')}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
      okText={t('hsMon.closeSubmit')}
      okButtonProps={{ loading: saving, ...testId('hs-warning-close-submit') }}
      onOk={() => form.submit()}
      data-testid="hs-warning-close-modal"
    >
      {warning && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('hsMon.col.level')}>
              <WarningLevelTag level={warning.level} /> {ruleLabel}
            </Descriptions.Item>
            <Descriptions.Item label={t('hsMon.col.subject')}>{warning.name ? `${warning.name}（${warning.fileNo}）` : warning.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('hsMon.col.explanation')}>
              <span style={{ whiteSpace: 'pre-line', fontSize: 13 }}>{warning.explanation}</span>
            </Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
            <Form.Item
              name="action"
              label={t('hsMon.actionTaken')}
              extra={t('hsMon.actionHint')}
              rules={[
                { required: true, whitespace: true, message: t('hsMon.actionRequired') },
                { validator: (_, v: string | undefined) => (!v || v.trim().length >= 4 ? Promise.resolve() : Promise.reject(new Error(t('hsMon.actionRequired')))) },
                { max: 1000, message: t('hsMon.actionMax') },
              ]}
            >
              <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('hsMon.actionPlaceholder')} data-testid="hs-warning-action" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
