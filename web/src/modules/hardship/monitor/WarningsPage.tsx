import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { AlertOutlined, ClockCircleOutlined, HistoryOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { hardshipWarningsApi, type ScanResult, type WarningItem } from '../../../../../common/src/contracts/hardship-warnings';
import { call } from '../../../api/client';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAccess } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { DeadlineBadge, Fields, formatDateTime, FormFields, FormModal, ListPage, StatusTag, TwoLines, useVocab } from '../../../kit';
import { HistoryDrawer } from '../../../kit';
import { WARNING_LEVELS, WARNING_RULES, WARNING_STATUS } from '../aid/vocab';

const CARDS = [
  { key: 'red', color: '#cf1322', icon: <AlertOutlined />, query: { level: 'red' } },
  { key: 'orange', color: '#fa8c16', icon: <AlertOutlined />, query: { level: 'orange' } },
  { key: 'yellow', color: '#d4b106', icon: <AlertOutlined />, query: { level: 'yellow' } },
  { key: 'overdue', color: '#cf1322', icon: <ClockCircleOutlined />, query: { overdue: 'true' } },
] as const;

/** The open warnings by level and the overdue ones (one small count each); a card filters the list. */
function SummaryCards({ tick }: { tick: number }) {
  const { t } = useI18n();
  const [sp, setSp] = useSearchParams();
  const { data, loading } = useRequest(
    () => Promise.all(CARDS.map((c) => call(hardshipWarningsApi.list, { query: { ...c.query, status: 'open', pageSize: 1 } }).then((r) => r.total))),
    [tick],
  );
  const active = (c: (typeof CARDS)[number]) => ('overdue' in c.query ? sp.get('overdue') === 'true' : sp.get('level') === c.query.level && !sp.get('overdue'));
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {CARDS.map((c, i) => (
        <Col key={c.key} xs={12} lg={6}>
          <Card size="small" hoverable className="gh-stat-card" loading={loading && !data} onClick={() => setSp({ ...c.query })} data-testid={`hs-warning-card-${c.key}`} style={active(c) ? { borderColor: c.color } : undefined}>
            <Statistic
              title={t(`hsMon.card.${c.key}`)}
              value={data?.[i] ?? 0}
              groupSeparator=","
              prefix={<span style={{ color: c.color, marginRight: 4 }}>{c.icon}</span>}
              styles={{ content: c.key === 'overdue' && (data?.[i] ?? 0) > 0 ? { color: '#cf1322' } : undefined }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** What the scan did: how many warnings it raised, per rule; a repeated run raises none (each cause is raised once). */
function ScanResultPanel({ scan, onClose }: { scan: ScanResult & { at: string; run: number }; onClose: () => void }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const rules = Object.entries(scan.byRule).filter(([, n]) => n > 0);
  return (
    <Alert
      type={scan.raised > 0 ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="hs-warning-scan-result"
      data-raised={scan.raised}
      title={scan.raised > 0 ? t('hsMon.scan.raised', { n: scan.raised, at: scan.at }) : t('hsMon.scan.none', { at: scan.at })}
      description={
        <div>
          {rules.length > 0 && (
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 8 }}>
              {rules.map(([r, n]) => (
                <Descriptions.Item key={r} label={label(WARNING_RULES, r)}>
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

/** 监测预警: the warnings in the caller's scope, the most urgent first; run the scan now; close with the action taken. */
export default function WarningsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const [tick, setTick] = useState(0);
  const [scanning, setScanning] = useState(false);
  const [scan, setScan] = useState<(ScanResult & { at: string; run: number }) | null>(null);
  const [closing, setClosing] = useState<WarningItem | null>(null);
  const [history, setHistory] = useState<WarningItem | null>(null);
  const refresh = () => setTick((n) => n + 1);

  const runScan = async () => {
    setScanning(true);
    try {
      const r = await call(hardshipWarningsApi.scan);
      setScan((prev) => ({ ...r, at: formatDateTime(new Date().toISOString()).slice(11), run: (prev?.run ?? 0) + 1 }));
      refresh();
    } catch (e) {
      showError(e);
    } finally {
      setScanning(false);
    }
  };
  const oneFile = sp.get('fileId');

  return (
    <>
      <ListPage testId="hs-warnings" title="menu.hardshipWarnings"
        crumbs={[{ title: t('menu.hardship') }, { title: t('menu.hardshipWarnings') }]}
        endpoint={hardshipWarningsApi.list}
        reloadKey={tick}
        rowTestId={(w) => `hs-warning-row-${w.id}`}
        onRow={(w) => ({ style: w.overdue ? { background: '#fff7f7' } : undefined })}
        empty="hsMon.emptyOpen"
        scrollX={1180}
        toolbar={access.canHandleWarning && (
          <Button type="primary" icon={<ThunderboltOutlined />} loading={scanning} onClick={() => void runScan()} data-testid="hs-warning-scan">
            {t('hsMon.scan')}
          </Button>
        )}
        extra={() => (
          <>
            <Typography.Paragraph type="secondary">{t('hsMon.intro')}</Typography.Paragraph>
            {scan && <ScanResultPanel scan={scan} onClose={() => setScan(null)} />}
            <SummaryCards tick={tick} />
            {oneFile && (
              <Tag closable style={{ marginBottom: 12 }} onClose={() => { const next = new URLSearchParams(sp); next.delete('fileId'); setSp(next); }} data-testid="hs-warning-one-file">
                {t('hsMon.filter.oneFile')}
              </Tag>
            )}
          </>
        )}
        filters={[
          { name: 'status', label: 'hsMon.col.status', kind: 'select', vocab: WARNING_STATUS, span: 3, props: { allowClear: false } },
          { name: 'level', label: 'hsMon.filter.level', kind: 'select', vocab: WARNING_LEVELS, span: 3 },
          { name: 'rule', label: 'hsMon.filter.rule', kind: 'select', vocab: WARNING_RULES, span: 5 },
          access.canReadOrg && { name: 'under', label: 'hsMon.filter.union', kind: 'org', span: 5 },
          { name: 'flags', kind: 'flags', span: 3, options: [{ value: 'overdue', label: t('hsMon.filter.overdue') }] },
        ]}
        columns={[
          { key: 'level', title: 'hsMon.col.level', dataIndex: 'level', width: 96, fixedShown: true, render: (l: string) => <StatusTag vocab={WARNING_LEVELS} value={l} testId="warning-level" /> },
          { key: 'rule', title: 'hsMon.col.rule', dataIndex: 'rule', width: 140, render: (r: string) => label(WARNING_RULES, r) },
          {
            key: 'subject', title: 'hsMon.col.subject', width: 150,
            render: (_: unknown, w) => w.fileId
              ? <TwoLines main={<Link to={`/hardship/files/${w.fileId}`} data-testid={`hs-warning-file-${w.id}`}>{w.name ?? w.fileNo}</Link>} sub={w.fileNo} />
              : <TwoLines main={<Tag color="magenta">{t('hsMon.area')}</Tag>} sub={w.orgName} />,
          },
          {
            key: 'explanation', title: 'hsMon.col.explanation', dataIndex: 'explanation',
            render: (s: string, w) => (
              <div>
                <div style={{ whiteSpace: 'pre-line', fontSize: 13 }}>{s}</div>
                {w.status === 'closed' && (
                  <div style={{ marginTop: 6, padding: '4px 8px', background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 4, fontSize: 12 }} data-testid={`hs-warning-closed-${w.id}`}>
                    <b>{t('hsMon.actionTakenPrefix')}</b>
                    {w.actionTaken}
                    <div style={{ color: '#888' }}>{w.closedByName ? t('hsMon.closedByAt', { who: w.closedByName, when: formatDateTime(w.closedAt) }) : t('hsMon.closedAt', { when: formatDateTime(w.closedAt) })}</div>
                  </div>
                )}
              </div>
            ),
          },
          { key: 'orgName', title: 'hsMon.col.union', dataIndex: 'orgName', width: 150, ellipsis: true },
          {
            key: 'dueOn', title: 'hsMon.col.due', dataIndex: 'dueOn', width: 140,
            render: (d: string, w) => (
              <TwoLines
                main={w.status === 'open' ? <Space size={0} orientation="vertical"><Typography.Text strong={w.overdue} type={w.overdue ? 'danger' : undefined}>{d}</Typography.Text><DeadlineBadge due={d} provisional={w.provisional} testId={`hs-warning-due-${w.id}`} /></Space> : <Typography.Text type="secondary">{d}</Typography.Text>}
                sub={t('hsMon.raisedOn', { d: w.raisedOn })}
              />
            ),
          },
          { key: 'status', title: 'hsMon.col.status', dataIndex: 'status', width: 84, render: (s: string) => <StatusTag vocab={WARNING_STATUS} value={s} /> },
          {
            key: 'actions', title: 'common.actions', width: 130, fixed: 'right', fixedShown: true,
            render: (_: unknown, w) => (
              <Space size={0}>
                {access.canHandleWarning && w.status === 'open' && (
                  <Button size="small" type="link" onClick={() => setClosing(w)} data-testid={`hs-warning-close-${w.id}`}>{t('hsMon.close')}</Button>
                )}
                <Tooltip title={t('kit.detail.history')}>
                  <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => setHistory(w)} {...testId(`hs-warning-history-${w.id}`)} aria-label={t('kit.detail.history')} />
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ action: string }>
        open={!!closing}
        testId="hs-warning-close"
        title={t('hsMon.closeTitle')}
        okText="hsMon.closeSubmit"
        onClose={() => setClosing(null)}
        onSubmit={async ({ action }) => {
          await call(hardshipWarningsApi.close, { params: { id: closing!.id }, body: { action } });
          void message.success(t('common.saved'));
          setClosing(null);
          refresh();
        }}
      >
        {closing && (
          <Fields
            column={1}
            items={[
              { label: 'hsMon.col.level', value: <><StatusTag vocab={WARNING_LEVELS} value={closing.level} /> {label(WARNING_RULES, closing.rule)}</> },
              { label: 'hsMon.col.subject', value: closing.name ? `${closing.name}（${closing.fileNo}）` : closing.orgName },
              { label: 'hsMon.col.explanation', value: <span style={{ whiteSpace: 'pre-line', fontSize: 13 }}>{closing.explanation}</span> },
            ]}
          />
        )}
        <div style={{ height: 16 }} />
        <FormFields testId="hs-warning-close" span={24} fields={[{
          name: 'action', label: 'hsMon.actionTaken', kind: 'textarea', required: 'hsMon.actionRequired', max: 1000, extra: 'hsMon.actionHint', placeholder: 'hsMon.actionPlaceholder', testId: 'hs-warning-action',
          rules: [{ validator: (_, v: string | undefined) => (!v || v.trim().length >= 4 ? Promise.resolve() : Promise.reject(new Error(t('hsMon.actionRequired')))) }],
        }]} />
      </FormModal>
      <HistoryDrawer endpoint={hardshipWarningsApi.history} target={history} title={history ? label(WARNING_RULES, history.rule) : ''} onClose={() => setHistory(null)} />
    </>
  );
}
