import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Skeleton, Space, Switch, Typography } from 'antd';
import type { SecuritySettings } from '../../../../common/src/security-settings';
import { systemApi } from '../../api/system';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n, type MessageKey } from '../../i18n';
import { useAuth } from '../../app/auth-context';
import { testId } from '../../app/test-id';

type NumberField = Exclude<keyof SecuritySettings, 'totpRequiredForAdmins'>;

/**
 * Field bounds mirror SecuritySettingsSchema (common/src/security-settings.ts); the 等保三级 preset
 * values are LEVEL3_PRESET there. They are repeated here only as form hints: importing that module
 * would pull zod into the browser bundle. The server validates.
 */
const NUMBER_FIELDS: { name: NumberField; min: number; max: number; unit: MessageKey; preset: number }[] = [
  { name: 'passwordMinLength', min: 8, max: 64, unit: 'settings.unit.chars', preset: 8 },
  { name: 'passwordMinClasses', min: 2, max: 4, unit: 'settings.unit.classes', preset: 3 },
  { name: 'passwordMaxAgeDays', min: 0, max: 365, unit: 'settings.unit.days', preset: 90 },
  { name: 'passwordHistory', min: 0, max: 24, unit: 'settings.unit.times', preset: 5 },
  { name: 'maxFailedLogins', min: 3, max: 20, unit: 'settings.unit.times', preset: 5 },
  { name: 'lockMinutes', min: 1, max: 1440, unit: 'settings.unit.minutes', preset: 15 },
  { name: 'idleMinutes', min: 5, max: 30, unit: 'settings.unit.minutes', preset: 30 },
  { name: 'absoluteHours', min: 1, max: 24, unit: 'settings.unit.hours', preset: 12 },
];
const PRESET = { ...Object.fromEntries(NUMBER_FIELDS.map((f) => [f.name, f.preset])), totpRequiredForAdmins: false } as SecuritySettings;

/** 安全设置: sign-in and password rules; defaults are the 等保三级 (MLPS 2.0 level 3) preset. */
export default function SecuritySettingsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { me, refresh } = useAuth();
  const { showError } = useApiError();
  const [form] = Form.useForm<SecuritySettings>();
  const [saving, setSaving] = useState(false);
  const { data, loading } = useRequest(() => systemApi.securitySettings(), [], showError);

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  const persist = async (v: SecuritySettings) => {
    setSaving(true);
    try {
      form.setFieldsValue(await systemApi.saveSecuritySettings(v));
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
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.settings')}</Typography.Title>
      </div>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('settings.presetNote')} description={t('settings.presetDetail')} />
      <Card>
        {loading && !data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          <Form form={form} layout="vertical" name="settings" onFinish={save} data-testid="settings-form" style={{ maxWidth: 880 }}>
            <Row gutter={24}>
              {NUMBER_FIELDS.map((f) => (
                <Col xs={24} md={12} key={f.name}>
                  <Form.Item
                    name={f.name}
                    label={t(`settings.field.${f.name}` as MessageKey)}
                    extra={t('settings.range', { min: f.min, max: f.max, preset: f.preset })}
                    rules={[{ required: true, type: 'integer', min: f.min, max: f.max, message: t('settings.rangeError', { min: f.min, max: f.max }) }]}
                  >
                    <InputNumber min={f.min} max={f.max} precision={0} style={{ width: 200 }} suffix={t(f.unit)} data-testid={`settings-${f.name}`} />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={24}>
                <Form.Item name="totpRequiredForAdmins" label={t('settings.field.totpRequiredForAdmins')} valuePropName="checked" extra={t('settings.totpHint')}>
                  <Switch data-testid="settings-totpRequiredForAdmins" />
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-submit">
                {t('action.save')}
              </Button>
              <Popconfirm title={t('settings.resetConfirm')} okText={t('action.confirm')} cancelText={t('action.cancel')} okButtonProps={testId('settings-reset-confirm')} onConfirm={() => form.setFieldsValue(PRESET)}>
                <Button data-testid="settings-reset-preset">{t('settings.resetPreset')}</Button>
              </Popconfirm>
            </Space>
          </Form>
        )}
      </Card>
    </div>
  );
}
