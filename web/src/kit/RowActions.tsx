import { useState } from 'react';
import { Button, Space, Tooltip } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import type { Endpoint } from '../../../common/src/contracts/kit';
import { useI18n } from '../i18n';
import { testId } from '../app/test-id';
import { HistoryDrawer } from './HistoryDrawer';

/**
 * A table row's edit button (for who may edit) and history button (`<prefix>-edit-<id>`,
 * `<prefix>-history-<id>`), as a column to append, and the history drawer they open.
 */
export function useRowActions<T extends { id: string }>(prefix: string, history: Endpoint, onEdit: (r: T) => void, title: (r: T) => string, canEdit = true) {
  const { t } = useI18n();
  const [shown, setShown] = useState<T | null>(null);
  const render = (_: unknown, r: T) => (
    <Space size={0}>
      {canEdit && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} {...testId(`${prefix}-edit-${r.id}`)}>{t('action.edit')}</Button>}
      <Tooltip title={t('kit.detail.history')}>
        <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setShown(r)} aria-label={t('kit.detail.history')} {...testId(`${prefix}-history-${r.id}`)} />
      </Tooltip>
    </Space>
  );
  return {
    /** For a plain antd Table. */
    column: { key: 'actions', title: t('common.actions'), width: 120, render },
    /** For a ListPage (its titles are message keys). */
    listColumn: { key: 'actions', title: 'common.actions' as const, width: 120, render },
    drawer: <HistoryDrawer endpoint={history} target={shown} title={shown ? title(shown) : ''} onClose={() => setShown(null)} />,
  };
}
