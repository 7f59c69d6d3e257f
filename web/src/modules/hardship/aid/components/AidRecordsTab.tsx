import { useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { aidApi, type AidItem, type AidListParams } from '../../../../api/hardship-aid';
import { useRequest } from '../../../../app/use-request';
import { useApiError } from '../../../../app/use-api-error';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { OrgSelect } from '../../../org/components/OrgSelect';
import { useLabel, useOptions, V, yuan } from '../../shared/vocab';

const DATE = 'YYYY-MM-DD';
const isDate = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v, DATE).isValid() ? v : undefined);

function paramsFrom(sp: URLSearchParams): AidListParams {
  const num = (k: string) => (sp.get(k) && Number.isFinite(Number(sp.get(k))) ? Number(sp.get(k)) : undefined);
  const kind = sp.get('kind');
  let from = isDate(sp.get('from'));
  let to = isDate(sp.get('to'));
  if (from && to && from > to) [from, to] = [to, from]; // a hand-edited URL: read the range the right way round
  return {
    year: num('year'),
    kind: kind && (V.AID_KINDS as readonly string[]).includes(kind) ? (kind as AidListParams['kind']) : undefined,
    under: sp.get('under') || undefined,
    campaignId: sp.get('campaignId') || undefined,
    from,
    to,
    budgetId: sp.get('budgetId') || undefined,
    q: sp.get('q')?.trim().slice(0, 40) || undefined,
    page: num('page') || 1,
    pageSize: num('pageSize') || 20,
  };
}

/**
 * 帮扶记录: aid paid in the user's scope, filtered by year, kind, area, campaign, paid-on range, budget line and
 * household (name or file number); filters live in the URL. The total below the table is the server's sum over
 * every matching record, not just the page shown.
 */
export function AidRecordsTab() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const label = useLabel();
  const options = useOptions();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => paramsFrom(sp), [sp]);
  const { data, loading, reload } = useRequest(() => aidApi.list(params), [JSON.stringify(params)], showError);
  // Budgets and campaigns are small lists: load them once to name each record's fund and to filter by campaign.
  const { data: budgets } = useRequest(() => aidApi.budgets(), []);
  const { data: campaigns } = useRequest(() => aidApi.campaigns(), []);
  const budgetName = useMemo(() => new Map((budgets ?? []).map((b) => [b.id, `${b.orgName} · ${b.year} · ${b.line}`])), [budgets]);
  // The budget filter lists the lines of the chosen year: the year filter, else the range's, else this year.
  const budgetYear = params.year ?? Number((params.from ?? params.to ?? dayjs().format(DATE)).slice(0, 4));
  const { data: yearBudgets } = useRequest(() => aidApi.budgets(budgetYear), [budgetYear]);
  const budgetOptions = useMemo(() => {
    const opts = (yearBudgets ?? []).map((b) => ({ value: b.id, label: `${b.orgName} · ${b.line}` }));
    // A budget chosen earlier (or from a link) stays readable even when the year no longer matches it.
    if (params.budgetId && !opts.some((o) => o.value === params.budgetId) && budgetName.has(params.budgetId)) {
      opts.push({ value: params.budgetId, label: budgetName.get(params.budgetId)! });
    }
    return opts;
  }, [yearBudgets, params.budgetId, budgetName]);
  // The search box is typed freely and applied on Enter / the search button; it follows the URL (reset, back).
  const [qDraft, setQDraft] = useState(params.q ?? '');
  useEffect(() => setQDraft(params.q ?? ''), [params.q]);

  const update = (patch: Record<string, string | number | undefined | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };

  const download = async (id: string) => {
    try {
      await aidApi.downloadReceipt(id);
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableProps<AidItem>['columns'] = [
    { title: t('hsAid.col.paidOn'), dataIndex: 'paidOn', key: 'paidOn', width: 110 },
    {
      title: t('hsAid.col.household'),
      key: 'household',
      width: 170,
      render: (_: unknown, a) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/hardship/files/${a.fileId}`} data-testid={`hs-aid-file-${a.id}`}>
            {a.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {a.fileNo}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('hsAid.col.union'), dataIndex: 'orgName', key: 'orgName', ellipsis: true },
    { title: t('hsAid.col.kind'), dataIndex: 'kind', key: 'kind', width: 110, render: (k: string) => <Tag>{label(V.AID_KIND_LABELS, k)}</Tag> },
    { title: t('hsAid.col.amount'), dataIndex: 'amountFen', key: 'amountFen', width: 120, align: 'right', render: (f: number) => yuan(f) },
    { title: t('hsAid.col.recipient'), dataIndex: 'recipientName', key: 'recipientName', width: 100 },
    {
      title: t('hsAid.col.budget'),
      dataIndex: 'budgetId',
      key: 'budgetId',
      ellipsis: true,
      render: (id: string, a) => (
        <Space orientation="vertical" size={0}>
          {/* Budgets above the user's scope are not listed to them: the payer's name still says who paid. */}
          <span>{budgetName.get(id) ?? a.payer}</span>
          {a.campaignId && budgetName.has(id) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.payer}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('hsAid.col.receipt'),
      key: 'receipt',
      width: 130,
      render: (_: unknown, a) =>
        a.hasReceipt ? (
          <Space size={4}>
            <Tag color="green">{t('hsAid.receipt.yes')}</Tag>
            <Tooltip title={t('hsAid.receipt.view')}>
              <a href={aidApi.receiptUrl(a.id)} target="_blank" rel="noreferrer" data-testid={`hs-aid-receipt-${a.id}`} aria-label={t('hsAid.receipt.view')}>
                <EyeOutlined />
              </a>
            </Tooltip>
            <Tooltip title={t('hsAid.receipt.download')}>
              <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(a.id)} aria-label={t('hsAid.receipt.download')} {...testId(`hs-aid-receipt-dl-${a.id}`)} />
            </Tooltip>
          </Space>
        ) : (
          <Tag color="warning">{t('hsAid.receipt.no')}</Tag>
        ),
    },
  ];

  return (
    <Card>
      <div className="gh-filters">
        <InputNumber
          placeholder={t('hsAid.filter.year')}
          min={2000}
          max={2100}
          value={params.year}
          onChange={(v) => update({ year: v ?? undefined })}
          style={{ width: 120 }}
          data-testid="hs-aid-filter-year"
        />
        <Select
          allowClear
          placeholder={t('hsAid.filter.kind')}
          value={params.kind}
          onChange={(v) => update({ kind: v })}
          options={options(V.AID_KINDS, V.AID_KIND_LABELS)}
          style={{ width: 140 }}
          data-testid="hs-aid-filter-kind"
        />
        <OrgSelect
          allowClear
          placeholder={t('hsAid.filter.under')}
          value={params.under}
          onChange={(v) => update({ under: (v as string | undefined) ?? undefined })}
          style={{ width: 240 }}
          data-testid="hs-aid-filter-under"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('hsAid.filter.campaign')}
          value={params.campaignId}
          onChange={(v) => update({ campaignId: v })}
          options={(campaigns ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.paidOn}）` }))}
          style={{ width: 240 }}
          data-testid="hs-aid-filter-campaign"
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          format={DATE}
          placeholder={[t('hsAid.filter.from'), t('hsAid.filter.to')]}
          value={params.from || params.to ? [params.from ? dayjs(params.from, DATE) : null, params.to ? dayjs(params.to, DATE) : null] : null}
          onChange={(range) => update({ from: range?.[0]?.format(DATE), to: range?.[1]?.format(DATE) })}
          style={{ width: 260 }}
          data-testid="hs-aid-filter-range"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('hsAid.filter.budget', { year: budgetYear })}
          value={params.budgetId}
          onChange={(v) => update({ budgetId: v })}
          options={budgetOptions}
          popupMatchSelectWidth={false}
          style={{ width: 220 }}
          data-testid="hs-aid-filter-budget"
        />
        <Input.Search
          allowClear
          maxLength={40}
          placeholder={t('hsAid.filter.q')}
          aria-label={t('hsAid.filter.q')}
          value={qDraft}
          onChange={(e) => setQDraft(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          style={{ width: 200 }}
          data-testid="hs-aid-filter-q"
        />
        <Button onClick={() => setSp(new URLSearchParams(sp.get('tab') ? { tab: sp.get('tab')! } : {}))} data-testid="hs-aid-filter-reset">
          {t('action.reset')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={reload}>
          {t('action.refresh')}
        </Button>
      </div>
      <Table<AidItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={loading}
        data-testid="hs-aid-records"
        scroll={{ x: 1100 }}
        onRow={(a) => testId(`hs-aid-row-${a.id}`)}
        locale={{ emptyText: t('hsAid.records.empty') }}
        onChange={(p, _f, _s, extra) => {
          if (extra.action === 'paginate') update({ page: p.current, pageSize: p.pageSize }, true);
        }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { n: total.toLocaleString() }),
        }}
        footer={
          data?.total
            ? () => (
                <Typography.Text strong data-testid="hs-aid-total">
                  {t('hsAid.records.total', { sum: yuan(data.totalFen), n: data.total.toLocaleString() })}
                </Typography.Text>
              )
            : undefined
        }
      />
    </Card>
  );
}
