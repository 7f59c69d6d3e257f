import type { ReactNode } from 'react';
import { Drawer } from 'antd';
import type { Endpoint } from '../../../common/src/contracts/kit';
import { useI18n } from '../i18n';
import { History } from './DetailPage';

/**
 * A record's history (its audit entries) in a side drawer, for records shown in a list rather than
 * on a page of their own (an account, a budget, a warning). `target` null: closed. The drawer is
 * titled "变更记录 · <the record's title>" (the target's, or `title`).
 */
export function HistoryDrawer({ endpoint, target, title, onClose }: { endpoint: Endpoint; target: { id: string; title?: ReactNode } | null; title?: ReactNode; onClose: () => void }) {
  const { t } = useI18n();
  const name = title ?? target?.title;
  return (
    <Drawer open={!!target} title={target ? <>{t('kit.detail.history')}{name ? <> · {name}</> : null}</> : null} size={480} onClose={onClose} destroyOnHidden data-testid="history-drawer">
      {target && <History endpoint={endpoint} id={target.id} />}
    </Drawer>
  );
}
