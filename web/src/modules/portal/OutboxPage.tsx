import { Alert } from 'antd';
import { portalApi } from '../../../../common/src/contracts/portal';
import { ListPage } from '../../kit';
import { useI18n } from '../../i18n';

/** 系统管理 → 短信发件箱: the `outbox` SMS provider's messages (sign-in codes), for pilots and tests. */
export default function OutboxPage() {
  const { t } = useI18n();
  return (
    <>
      <Alert type="info" showIcon title={t('outbox.intro')} style={{ marginBottom: 12 }} />
      <ListPage
        testId="sms-outbox"
        title="outbox.menu"
        endpoint={portalApi.outbox}
        filters={[{ name: 'mobile', label: 'outbox.filterMobile', kind: 'text' }]}
        columns={[
          { key: 'createdAt', title: 'outbox.sentAt', dataIndex: 'createdAt', width: 170, render: (s: string) => new Date(s).toLocaleString('zh-CN', { hour12: false }) },
          { key: 'mobileMasked', title: 'outbox.mobile', dataIndex: 'mobileMasked', width: 130 },
          { key: 'body', title: 'outbox.body', dataIndex: 'body' },
        ]}
      />
    </>
  );
}
