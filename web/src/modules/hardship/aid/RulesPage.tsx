import { Alert, Button, Skeleton, Space, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { hardshipRulesApi } from '../../../../../common/src/contracts/hardship-rules';
import { orgApi } from '../../../../../common/src/contracts/org';
import { call } from '../../../api/client';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAuth } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../kit';
import { LinesCard } from './rules/LinesCard';
import { RuleSetsCard } from './rules/RuleSetsCard';
import { CapsCard } from './rules/CapsCard';

/**
 * 帮扶标准与规则: the subsistence lines, the dated tier and monitoring parameters and the aid caps,
 * readable by every hardship reader; changed only with rule.manage (and a scope covering the whole
 * installation, which the server checks). A changed line or rule set re-evaluates affected files.
 */
export default function RulesPage() {
  const { t } = useI18n();
  const { me, access } = useAuth();
  const { showError } = useApiError();
  const { data, loading, reload } = useRequest(() => call(hardshipRulesApi.overview), [], showError);
  // Rule data is installation-wide: the server lets only an administrator whose scope covers the top
  // organisation change it. Whole-platform scope, or a user of the top organisation, qualifies; when
  // the user's organisation cannot be read, leave the decision to the server (it answers 403 clearly).
  const { data: ownOrg } = useRequest(
    () => (access.canManageRules && me && !me.scope.all && access.canReadOrg ? call(orgApi.get, { params: { id: me.user.orgId } }).catch(() => null) : Promise.resolve(null)),
    [access.canManageRules, me?.user.orgId],
  );
  const canEdit = access.canManageRules && (!!me?.scope.all || !ownOrg || ownOrg.parentId === null);
  return (
    <div data-testid="hs-rules-page">
      <PageHeader
        title={t('menu.hardshipRules')}
        crumbs={[{ title: t('menu.hardship') }, { title: t('menu.hardshipRules') }]}
        tags={data && <Tag color="green" data-testid="hs-rules-in-force">{t('hsAid.rules.inForceVersion', { v: data.ruleSetInForce.version, d: data.ruleSetInForce.effectiveFrom })}</Tag>}
        extra={<Space><Button icon={<ReloadOutlined />} onClick={reload}>{t('action.refresh')}</Button></Space>}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hsAid.rules.alertTitle')} description={canEdit ? t('hsAid.rules.alertManage') : t('hsAid.rules.alertRead')} data-testid="hs-rules-alert" />
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : data ? (
        <>
          <LinesCard canEdit={canEdit} lines={data.lines} today={data.today} onChanged={reload} />
          <RuleSetsCard canEdit={canEdit} sets={data.ruleSets} inForce={data.ruleSetInForce} today={data.today} onChanged={reload} />
          <CapsCard canEdit={canEdit} caps={data.caps} today={data.today} onChanged={reload} />
        </>
      ) : null}
    </div>
  );
}
