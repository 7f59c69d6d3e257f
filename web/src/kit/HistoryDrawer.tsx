import type { ReactNode } from 'react';
import { Drawer } from 'antd';
import type { Endpoint } from '../../../common/src/contracts/kit';
import { useI18n } from '../i18n';
import { History } from './DetailPage';

/** A record's history (its audit entries) in a side drawer, for records listed without a page of their own. */
export function HistoryDrawer({ endpoint, target, onClose }: { endpoint: Endpoint; target: { id: string; title: ReactNode } | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={!!target} title={target ? <>{t('kit.detail.history')} · {target.title}</> : null} size={480} onClose={onClose} destroyOnHidden data-testid="history-drawer">
      {target && <History endpoint={endpoint} id={target.id} />}
    </Drawer>
  );
}
