import { useEffect, useMemo, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { rulesApi, type RuleChanged, type SubsistenceLineItem } from '../../../../api/hardship-aid';
import { orgApi } from '../../../../api/orgs';
import { useAccess } from '../../../../app/auth-context';
import { useApiError } from '../../../../app/use-api-error';
import { useRequest } from '../../../../app/use-request';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { toFen, yuan } from '../../shared/vocab';
import { yuanAmountRules } from '../components/yuan-rules';

/** Region code → a readable place name, taken from the unions that carry a region code (city, county, province level). */
function useRegionNames(enabled: boolean): Map<string, string> {
  const { data } = useRequest(
    async () => {
      if (!enabled) return [];
      const pages = await Promise.all(['province', 'city', 'county'].map((level) => orgApi.list({ level, pageSize: 200, active: 'all' }).catch(() => null)));
      return pages.flatMap((p) => p?.items ?? []);
    },
    [enabled],
  );
  return useMemo(() => {
    const m = new Map<string, string>();
    for (const o of data ?? []) if (o.regionCode && !m.has(o.regionCode)) m.set(o.regionCode, o.name.replace(/(总工会|工会)$/, ''));
    return m;
  }, [data]);
}

type Target = { mode: 'create' } | { mode: 'edit'; line: SubsistenceLineItem };
interface Values {
  regionCode?: string;
  effectiveFrom?: Dayjs;
  monthlyYuan?: number;
  source?: string;
  weak?: boolean;
}

/** 低保标准: region × effective date × yuan per person per month, with the source; add and correct with rule.manage. */
export function LinesCard({ canEdit, lines, today, onChanged }: { canEdit: boolean; lines: SubsistenceLineItem[]; today: string; onChanged: (r: RuleChanged) => void }) {
  const { t } = useI18n();
  const access = useAccess();
  const { showError } = useApiError();
  const { message } = App.useApp();
  const names = useRegionNames(access.canReadOrg);
  const [target, setTarget] = useState<Target | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();

  // The line in force today per region: the latest started one.
  const inForce = useMemo(() => {
    const best = new Map<string, SubsistenceLineItem>();
    for (const l of lines) {
      if (l.effectiveFrom > today) continue;
      const b = best.get(l.regionCode);
      if (!b || l.effectiveFrom > b.effectiveFrom) best.set(l.regionCode, l);
    }
    return new Set([...best.values()].map((l) => l.id));
  }, [lines, today]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue({ monthlyYuan: target.line.monthlyFen / 100, source: target.line.source, weak: target.line.weak });
    else form.setFieldsValue({ weak: false });
  }, [target, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const common = { monthlyFen: toFen(v.monthlyYuan!), source: v.source!.trim(), weak: !!v.weak };
      const r =
        target?.mode === 'edit'
          ? await rulesApi.updateLine(target.line.id, { ...common, version: target.line.version })
          : await rulesApi.addLine({ ...common, regionCode: v.regionCode!.trim(), effectiveFrom: v.effectiveFrom!.format('YYYY-MM-DD') });
      void message.success(t('hsAid.rules.savedReevaluated', { n: r.reevaluated ?? 0 }));
      setTarget(null);
      onChanged(r);
    } catch (e) {
      showError(e, { form });
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<SubsistenceLineItem>['columns'] = [
    {
      title: t('hsAid.line.region'),
      dataIndex: 'regionCode',
      key: 'regionCode',
      width: 190,
      render: (code: string) => (
        <span>
          <Typography.Text code>{code}</Typography.Text> {names.get(code) ?? ''}
        </span>
      ),
    },
    {
      title: t('hsAid.rules.effectiveFrom'),
      dataIndex: 'effectiveFrom',
      key: 'effectiveFrom',
      width: 150,
      render: (d: string, l) => (
        <span>
          {d} {inForce.has(l.id) && <Tag color="green">{t('hsAid.rules.inForce')}</Tag>}
          {d > today && <Tag color="blue">{t('hsAid.rules.upcoming')}</Tag>}
        </span>
      ),
    },
    { title: t('hsAid.line.monthly'), dataIndex: 'monthlyFen', key: 'monthlyFen', width: 170, align: 'right', render: (f: number) => yuan(f) },
    { title: t('hsAid.rules.source'), dataIndex: 'source', key: 'source', ellipsis: { showTitle: true } },
    { title: t('hsAid.rules.weak'), dataIndex: 'weak', key: 'weak', width: 90, render: (w: boolean) => (w ? <WeakTag /> : '—') },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, l: SubsistenceLineItem) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', line: l })} {...testId(`hs-line-edit-${l.id}`)}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const editing = target?.mode === 'edit' ? target.line : null;
  return (
    <Card
      title={t('hsAid.rules.linesTitle')}
      extra={
        canEdit && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="hs-line-new">
            {t('hsAid.line.new')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <Table<SubsistenceLineItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={lines}
        data-testid="hs-rules-lines"
        onRow={(l) => testId(`hs-line-row-${l.id}`)}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('hsAid.line.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
      />
      <Modal
        open={!!target}
        title={editing ? t('hsAid.line.editTitle', { region: `${editing.regionCode} ${names.get(editing.regionCode) ?? ''}`, from: editing.effectiveFrom }) : t('hsAid.line.newTitle')}
        onCancel={() => setTarget(null)}
        onOk={() => void save()}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        okButtonProps={{ loading: busy, ...testId('hs-line-save') }}
        destroyOnHidden
        modalRender={(node) => <div data-testid="hs-line-modal">{node}</div>}
      >
        <Form form={form} layout="vertical">
          {!editing && (
            <>
              <Form.Item
                name="regionCode"
                label={t('hsAid.line.regionCode')}
                extra={t('hsAid.line.regionHint')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('hsAid.line.regionInvalid') }]}
              >
                <Input maxLength={6} placeholder="439900" data-testid="hs-line-region" />
              </Form.Item>
              <Form.Item name="effectiveFrom" label={t('hsAid.rules.effectiveFrom')} rules={[{ required: true, message: t('hsAid.rules.effectiveRequired') }]}>
                <DatePicker style={{ width: '100%' }} data-testid="hs-line-from" defaultPickerValue={dayjs()} />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="monthlyYuan"
            label={t('hsAid.line.monthlyYuan')}
            rules={yuanAmountRules(t)}
          >
            <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="hs-line-monthly" />
          </Form.Item>
          <SourceAndWeak prefix="hs-line" />
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('hsAid.rules.reevaluateNote')}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

/** The two fields every rule record carries: where it comes from, and whether that source is weak (a local practice or a guess). */
export function SourceAndWeak({ prefix }: { prefix: string }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="source" label={t('hsAid.rules.source')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('hsAid.rules.sourceRequired') }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('hsAid.rules.sourcePlaceholder')} data-testid={`${prefix}-source`} />
      </Form.Item>
      <Form.Item name="weak" valuePropName="checked" extra={t('hsAid.rules.weakHint')}>
        <Checkbox data-testid={`${prefix}-weak`}>{t('hsAid.rules.weakLabel')}</Checkbox>
      </Form.Item>
    </>
  );
}

export function WeakTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('hsAid.rules.weakHint')}>
      <Tag color="orange">{t('hsAid.rules.weakTag')}</Tag>
    </Tooltip>
  );
}
