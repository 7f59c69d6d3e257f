import { useMemo, useState } from 'react';
import { App, Button, Card, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { hardshipRulesApi, type SubsistenceLineItem } from '../../../../../../common/src/contracts/hardship-rules';
import { orgApi } from '../../../../../../common/src/contracts/org';
import { lineInForce } from '../../../../../../common/src/hardship-tier';
import { call } from '../../../../api/client';
import { useAccess } from '../../../../app/auth-context';
import { useRequest } from '../../../../app/use-request';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { FormModal, useRowActions, yuan } from '../../../../kit';
import { PeriodTag, sourceFields, WeakTag } from './shared';

/** Region code → a readable place name, taken from the unions that carry a region code (province, city and county level). */
function useRegionNames(enabled: boolean): Map<string, string> {
  const { data } = useRequest(
    async () => (enabled ? (await Promise.all((['province', 'city', 'county'] as const).map((level) => call(orgApi.list, { query: { level, pageSize: 200, active: 'all' } }).catch(() => null)))).flatMap((p) => p?.items ?? []) : []),
    [enabled],
  );
  return useMemo(() => {
    const m = new Map<string, string>();
    for (const o of data ?? []) if (o.regionCode && !m.has(o.regionCode)) m.set(o.regionCode, o.name.replace(/(总工会|工会)$/, ''));
    return m;
  }, [data]);
}

type Target = { mode: 'create' } | { mode: 'edit'; line: SubsistenceLineItem };

/** 低保标准: region × effective date × yuan per person per month, with the source; added and corrected with rule.manage. */
export function LinesCard({ canEdit, lines, today, onChanged }: { canEdit: boolean; lines: SubsistenceLineItem[]; today: string; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const access = useAccess();
  const names = useRegionNames(access.canReadOrg);
  const [target, setTarget] = useState<Target | null>(null);
  const place = (code: string) => `${code} ${names.get(code) ?? ''}`.trim();
  const row = useRowActions<SubsistenceLineItem>('hs-line', hardshipRulesApi.lineHistory, (line) => setTarget({ mode: 'edit', line }), (l) => `${place(l.regionCode)} · ${l.effectiveFrom}`);
  // The line in force today for each region that has lines of its own, by the rule the server applies (common/src/hardship-tier.ts lineInForce).
  const inForce = useMemo(() => {
    const ids = new Set<string>();
    for (const code of new Set(lines.map((l) => l.regionCode))) {
      const l = lineInForce(lines, code, today);
      if (l?.regionCode === code && l.id) ids.add(l.id);
    }
    return ids;
  }, [lines, today]);
  const editing = target?.mode === 'edit' ? target.line : null;

  const save = async (v: { regionCode: string; effectiveFrom: string; monthlyFen: number; source: string; weak?: boolean }) => {
    const body = { monthlyFen: v.monthlyFen, source: v.source, weak: !!v.weak };
    const r = editing
      ? await call(hardshipRulesApi.updateLine, { params: { id: editing.id }, body: { ...body, version: editing.version } })
      : await call(hardshipRulesApi.addLine, { body: { ...body, regionCode: v.regionCode, effectiveFrom: v.effectiveFrom } });
    void message.success(t('hsAid.rules.savedReevaluated', { n: r.reevaluated ?? 0 }));
    setTarget(null);
    onChanged();
  };

  const columns: TableProps<SubsistenceLineItem>['columns'] = [
    { title: t('hsAid.line.region'), dataIndex: 'regionCode', key: 'regionCode', width: 190, render: (code: string) => <span><Typography.Text code>{code}</Typography.Text> {names.get(code) ?? ''}</span> },
    { title: t('hsAid.rules.effectiveFrom'), dataIndex: 'effectiveFrom', key: 'effectiveFrom', width: 150, render: (d: string, l) => <span>{d} {(inForce.has(l.id) || d > today) && <PeriodTag from={d} today={today} />}</span> },
    { title: t('hsAid.line.monthly'), dataIndex: 'monthlyFen', key: 'monthlyFen', width: 170, align: 'right', render: (f: number) => yuan(f) },
    { title: t('hsAid.rules.source'), dataIndex: 'source', key: 'source', ellipsis: { showTitle: true } },
    { title: t('hsAid.rules.weak'), dataIndex: 'weak', key: 'weak', width: 90, render: (w: boolean) => (w ? <WeakTag /> : '—') },
    ...(canEdit ? [row.column] : []),
  ];

  return (
    <Card
      title={t('hsAid.rules.linesTitle')}
      style={{ marginBottom: 16 }}
      extra={canEdit && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="hs-line-new">{t('hsAid.line.new')}</Button>}
    >
      <Table<SubsistenceLineItem> rowKey="id" size="small" columns={columns} dataSource={lines} data-testid="hs-rules-lines" onRow={(l) => testId(`hs-line-row-${l.id}`)} scroll={{ x: 900 }} locale={{ emptyText: t('hsAid.line.empty') }} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
      <FormModal
        open={!!target}
        testId="hs-line"
        submitTestId="hs-line-save"
        title={editing ? t('hsAid.line.editTitle', { region: place(editing.regionCode), from: editing.effectiveFrom }) : t('hsAid.line.newTitle')}
        initialValues={editing ? { monthlyFen: editing.monthlyFen, source: editing.source, weak: editing.weak } : { weak: false }}
        onClose={() => setTarget(null)}
        onSubmit={save}
        fields={[
          !editing && { name: 'regionCode', label: 'hsAid.line.regionCode', extra: 'hsAid.line.regionHint', required: 'hsAid.line.regionInvalid', max: 6, placeholder: { zh: '439900', en: '439900' }, rules: [{ pattern: /^\d{6}$/, message: t('hsAid.line.regionInvalid') }] },
          !editing && { name: 'effectiveFrom', label: 'hsAid.rules.effectiveFrom', kind: 'date', required: 'hsAid.rules.effectiveRequired' },
          { name: 'monthlyFen', label: 'hsAid.line.monthlyYuan', kind: 'money', required: 'hsAid.budget.amountRequired', rules: [{ validator: (_, v: number | null) => (v == null || v > 0 ? Promise.resolve() : Promise.reject(new Error(t('hsAid.budget.amountPositive')))) }] },
          ...sourceFields(t),
        ]}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('hsAid.rules.reevaluateNote')}</Typography.Paragraph>
      </FormModal>
      {row.drawer}
    </Card>
  );
}
