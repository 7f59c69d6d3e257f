import { useEffect, useMemo, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { canParent, childLevel, ORG_LEVELS, TERM_YEARS, termEnd, type OrgLevel } from '../../../../../common/src/org';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../../../../common/src/uscc';
import { orgApi } from '../../../api/orgs';
import type { Org, OrgDetail, OrgInput } from '../../../api/types';
import { useApiError } from '../../../app/use-api-error';
import { useMeta } from '../../../app/meta-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';

export type OrgFormTarget =
  | { mode: 'create'; parent: { id: string; name: string; level: string } }
  | { mode: 'edit'; org: OrgDetail };

interface Values {
  level: OrgLevel;
  kind?: string | null;
  code: string;
  name: string;
  employerName?: string;
  uscc?: string;
  regionCode?: string;
  industry?: string;
  employeeCount?: number | null;
  foundedOn?: Dayjs | null;
  chairName?: string;
  termStart?: Dayjs | null;
  termYears?: number | null;
  hasWomenCommittee: boolean;
}

/** Kinds a non-grassroots body may carry (industry and regional federations); grassroots need one of all five. */
const FEDERATION_KINDS = ['industry', 'regional'];
const DATE = 'YYYY-MM-DD';

const toDay = (s: string | null | undefined) => (s ? dayjs(s, DATE) : null);
const fromDay = (d: Dayjs | null | undefined) => (d ? d.format(DATE) : null);
const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** 新增下级 / 编辑 an organisation. Client checks mirror the server's; the server has the last word. */
export function OrgFormModal({
  target,
  onClose,
  onSaved,
  onReload,
}: {
  target: OrgFormTarget | null;
  onClose: () => void;
  onSaved: (o: Org) => void;
  /** Called when the record changed underneath (version conflict) and the user chose to reload. */
  onReload?: () => void;
}) {
  const { t, lang } = useI18n();
  const { levelLabel, kindLabel, meta } = useMeta();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const level = Form.useWatch('level', form);
  const termStart = Form.useWatch('termStart', form);
  const termYears = Form.useWatch('termYears', form);

  const parentLevel: string | null =
    target?.mode === 'create' ? target.parent.level : target?.mode === 'edit' ? (target.org.ancestors.at(-1)?.level ?? null) : null;

  const levelChoices = useMemo(() => {
    if (!target) return [];
    if (target.mode === 'edit' && !parentLevel) return [target.org.level as OrgLevel];
    return ORG_LEVELS.filter((l) => parentLevel && canParent(parentLevel as OrgLevel, l));
  }, [target, parentLevel]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      const next = childLevel(target.parent.level as OrgLevel);
      form.setFieldsValue({ level: next ?? undefined, hasWomenCommittee: false });
    } else {
      const o = target.org;
      form.setFieldsValue({
        level: o.level as OrgLevel,
        kind: o.kind,
        code: o.code,
        name: o.name,
        employerName: o.employerName ?? undefined,
        uscc: o.uscc ?? undefined,
        regionCode: o.regionCode ?? undefined,
        industry: o.industry ?? undefined,
        employeeCount: o.employeeCount,
        foundedOn: toDay(o.foundedOn),
        chairName: o.chairName ?? undefined,
        termStart: toDay(o.termStart),
        termYears: o.termYears,
        hasWomenCommittee: o.hasWomenCommittee,
      });
    }
  }, [target, form]);

  const kindOptions = (meta?.orgKinds ?? [])
    .filter((k) => level === 'grassroots' || FEDERATION_KINDS.includes(k.code))
    .map((k) => ({ value: k.code, label: kindLabel(k.code) }));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const uscc = text(v.uscc);
    const input: OrgInput = {
      level: v.level,
      kind: v.kind ?? null,
      code: v.code.trim(),
      name: v.name.trim(),
      employerName: text(v.employerName),
      uscc: uscc ? (checkUscc(uscc) as { ok: true; value: string }).value : null,
      regionCode: text(v.regionCode),
      industry: text(v.industry),
      employeeCount: v.employeeCount ?? null,
      foundedOn: fromDay(v.foundedOn),
      chairName: text(v.chairName),
      termStart: fromDay(v.termStart),
      termYears: v.termYears ?? null,
      hasWomenCommittee: !!v.hasWomenCommittee,
    };
    setSaving(true);
    try {
      const saved = target!.mode === 'create' ? await orgApi.create(target!.parent.id, input) : await orgApi.update(target!.org.id, input, target!.org.version);
      void message.success(target!.mode === 'create' ? t('org.created', { name: saved.name }) : t('common.saved'));
      onSaved(saved);
    } catch (e) {
      showError(e, { form, reload: onReload });
    } finally {
      setSaving(false);
    }
  };

  const endPreview = termStart && termYears ? termEnd(termStart.format(DATE), termYears) : null;
  const title =
    target?.mode === 'create' ? t('org.form.createTitle', { parent: target.parent.name }) : target?.mode === 'edit' ? t('org.form.editTitle', { name: target.org.name }) : '';

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      okButtonProps={{ loading: saving, ...testId('org-form-submit') }}
      cancelText={t('action.cancel')}
      width={760}
      forceRender
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="org-form-modal">{node}</div>}
    >
      <Form form={form} layout="vertical" name="org" requiredMark scrollToFirstError data-testid="org-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="level" label={t('org.field.level')} rules={[{ required: true, message: t('org.rule.level') }]}>
              <Select
                data-testid="org-form-level"
                options={levelChoices.map((l) => ({ value: l, label: levelLabel(l) }))}
                disabled={target?.mode === 'edit' && !parentLevel}
                onChange={(l: string) => {
                  const kind = form.getFieldValue('kind') as string | null | undefined;
                  if (kind && l !== 'grassroots' && !FEDERATION_KINDS.includes(kind)) form.setFieldsValue({ kind: null });
                }}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="kind"
              label={t('org.field.kind')}
              rules={[{ required: level === 'grassroots', message: t('org.rule.kind') }]}
              extra={level && level !== 'grassroots' ? t('org.form.kindFederationHint') : undefined}
            >
              <Select data-testid="org-form-kind" allowClear options={kindOptions} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('org.field.code')}
              rules={[
                { required: true, message: t('org.rule.codeRequired') },
                { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('org.rule.codePattern') },
              ]}
            >
              <Input data-testid="org-form-code" maxLength={32} placeholder="D01-S01-G001" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('org.field.name')}
              rules={[
                { required: true, whitespace: true, message: t('org.rule.nameRequired') },
                { min: 2, message: t('org.rule.nameMin') },
                { max: 100, message: t('org.rule.nameMax') },
              ]}
            >
              <Input data-testid="org-form-name" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerName" label={t('org.field.employerName')} rules={[{ max: 100, message: t('org.rule.max', { n: 100 }) }]}>
              <Input data-testid="org-form-employerName" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="uscc"
              label={t('org.field.uscc')}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    if (!value || !value.trim()) return Promise.resolve();
                    const r = checkUscc(value);
                    if (r.ok) return Promise.resolve();
                    const m = USCC_PROBLEM_MESSAGES[r.problem];
                    return Promise.reject(new Error(lang === 'zh-CN' ? m.zh : m.en));
                  },
                },
              ]}
            >
              <Input data-testid="org-form-uscc" maxLength={18} placeholder={t('org.form.usccPlaceholder')} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="regionCode" label={t('org.field.regionCode')} rules={[{ pattern: /^\d{6}$/, message: t('org.rule.regionCode') }]}>
              <Input data-testid="org-form-regionCode" maxLength={6} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="industry" label={t('org.field.industry')} rules={[{ max: 60, message: t('org.rule.max', { n: 60 }) }]}>
              <Input data-testid="org-form-industry" maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="employeeCount" label={t('org.field.employeeCount')}>
              <InputNumber data-testid="org-form-employeeCount" min={0} max={2000000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="foundedOn" label={t('org.field.foundedOn')}>
              <DatePicker data-testid="org-form-foundedOn" style={{ width: '100%' }} format={DATE} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="chairName" label={t('org.field.chairName')} rules={[{ max: 30, message: t('org.rule.max', { n: 30 }) }]}>
              <Input data-testid="org-form-chairName" maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="hasWomenCommittee" label={t('org.field.hasWomenCommittee')} valuePropName="checked">
              <Switch data-testid="org-form-hasWomenCommittee" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="termStart"
              label={t('org.field.termStart')}
              dependencies={['termYears']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value && getFieldValue('termYears') ? Promise.reject(new Error(t('org.rule.termPair'))) : Promise.resolve(),
                }),
              ]}
            >
              <DatePicker data-testid="org-form-termStart" style={{ width: '100%' }} format={DATE} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="termYears"
              label={t('org.field.termYears')}
              dependencies={['termStart']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value && getFieldValue('termStart') ? Promise.reject(new Error(t('org.rule.termPair'))) : Promise.resolve(),
                }),
              ]}
            >
              <Radio.Group data-testid="org-form-termYears" optionType="button" options={TERM_YEARS.map((y) => ({ value: y, label: t('org.years', { n: y }) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('org.field.termEnd')}>
              <Typography.Text data-testid="org-form-termEnd">{endPreview ?? '—'}</Typography.Text>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
