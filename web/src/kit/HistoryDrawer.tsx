import type { ReactNode } from 'react';
import { Drawer } from 'antd';
import type { Endpoint } from '../../../common/src/contracts/kit';
import { History } from './DetailPage';

/**
 * A record's history (its audit entries) in a side drawer, for records shown in a list rather than
 * on a page of their own (a budget, a campaign, a warning). `target` null: closed.
 */
export function HistoryDrawer({ endpoint, target, title, onClose }: { endpoint: Endpoint; target: { id: string } | null; title: ReactNode; onClose: () => void }) {
  return (
    <Drawer open={!!target} title={title} size={480} onClose={onClose} destroyOnHidden data-testid="history-drawer">
      {target && <History endpoint={endpoint} id={target.id} />}
    </Drawer>
  );
}
