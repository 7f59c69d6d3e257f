import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Popconfirm, Skeleton, Space } from 'antd';
import { systemApi, type SecuritySettings } from '../../../../common/src/contracts/system';
import { LEVEL3_PRESET, SecuritySettingsSchema } from '../../../../common/src/security-settings';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n, type MessageKey } from '../../i18n';
import { useAuth } from '../../app/auth-context';
import { testId } from '../../app/test-id';
import { FormFields, inUiLanguage, PageHeader, type FieldSpec } from '../../kit';

type NumberField = Exclude<keyof SecuritySettings, 'totpRequiredForAdmins'>;

const UNITS: Record<NumberField, MessageKey> = {
  passwordMinLength: 'settings.unit.chars',
  passwordMinClasses: 'settings.unit.classes',
  passwordMaxAgeDays: 'settings.unit.days',
  passwordHistory: 'settings.unit.times',
  maxFailedLogins: 'settings.unit.times',
  lockMinutes: 'settings.unit.minutes',
  idleMinutes: 'settings.unit.minutes',
  absoluteHours: 'settings.unit.hours',
};

/** 安全设置: sign-in and password rules; defaults are the 等保三级 (MLPS 2.0 level 3) preset (common/src/security-settings.ts). */
export default function SecuritySettingsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { me, refresh } = useAuth();
  const { showError } = useApiError();
  const [form] = Form.useForm<SecuritySettings>();
  const [saving, setSaving] = useState(false);
  const { data, loading } = useRequest(() => call(systemApi.security), [], showError);

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  // The bounds are the schema's own, the preset values LEVEL3_PRESET: the server checks the same.
  const fields: FieldSpec[] = (Object.keys(UNITS) as NumberField[]).map((name) => {
    const { minValue: min, maxValue: max } = SecuritySettingsSchema.shape[name] as { minValue: number; maxValue: number };
    return {
      name, label: `settings.field.${name}` as MessageKey, kind: 'number', span: 12, min, max, extra: inUiLanguage(t('settings.range', { min, max, preset: LEVEL3_PRESET[name] })),
      rules: [{ required: true, type: 'integer', min, max, message: t('settings.rangeError', { min, max }) }],
      props: { style: { width: 200 }, suffix: t(UNITS[name]) },
    };
  });

  const persist = async (v: SecuritySettings) => {
    setSaving(true);
    try {
      form.setFieldsValue(await call(systemApi.saveSecurity, { body: v }));
      void message.success(t('common.saved'));
      // Mandatory 2FA may now apply to the current administrator: re-read the session so the enrolment step shows.
      await refresh();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  const save = (v: SecuritySettings) => {
    if (v.totpRequiredForAdmins && !data?.totpRequiredForAdmins && !me?.totpEnabled) {
      modal.confirm({
        title: t('settings.totpSelfTitle'),
        content: t('settings.totpSelf'),
        okText: t('action.save'),
        cancelText: t('action.cancel'),
        okButtonProps: testId('settings-totp-self-ok'),
        onOk: () => persist(v),
      });
      return;
    }
    void persist(v);
  };

  return (
    <div data-testid="settings-page">
      <PageHeader title={t('menu.settings')} crumbs={[{ title: t('menu.system') }, { title: t('menu.settings') }]} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('settings.presetNote')} description={t('settings.presetDetail')} />
      <Card>
        {loading && !data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Form form={form} layout="vertical" name="settings" onFinish={save} data-testid="settings-form" style={{ maxWidth: 880 }}>
            <FormFields testId="settings" fields={[...fields, { name: 'totpRequiredForAdmins', label: 'settings.field.totpRequiredForAdmins', kind: 'switch', span: 24, extra: 'settings.totpHint' }]} />
            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-submit">
                {t('action.save')}
              </Button>
              <Popconfirm title={t('settings.resetConfirm')} okText={t('action.confirm')} cancelText={t('action.cancel')} okButtonProps={testId('settings-reset-confirm')} onConfirm={() => form.setFieldsValue(LEVEL3_PRESET)}>
                <Button data-testid="settings-reset-preset">{t('settings.resetPreset')}</Button>
              </Popconfirm>
            </Space>
          </Form>
        )}
      </Card>
    </div>
  );
}
