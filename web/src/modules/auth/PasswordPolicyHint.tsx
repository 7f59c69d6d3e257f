import { Typography } from 'antd';
import { useI18n } from '../../i18n';

/** The 等保三级 password rules in words; the server checks the configured policy and says what failed. */
export function PasswordPolicyHint() {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 16 }} data-testid="password-policy">
      {t('password.policy')}
    </Typography.Paragraph>
  );
}
