import { useState } from 'react';
import { Button, Space, Tag, Tooltip } from 'antd';
import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import type { Endpoint } from '../../../../../../common/src/contracts/kit';
import { inForceOn } from '../../../../../../common/src/hardship-caps';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import type { FieldSpec } from '../../../../kit';
import { HistoryDrawer } from '../../../../kit';

/** The two fields every rule record carries: where it comes from, and whether that source is weak (a local practice or a guess). */
export function sourceFields(t: (k: 'hsAid.rules.sourceRequired') => string): FieldSpec[] {
  return [
    { name: 'source', label: 'hsAid.rules.source', kind: 'textarea', required: 'hsAid.rules.sourceRequired', max: 500, span: 24, placeholder: 'hsAid.rules.sourcePlaceholder', rules: [{ min: 2, message: t('hsAid.rules.sourceRequired') }] },
    { name: 'weak', label: 'hsAid.rules.weakLabel', kind: 'checkbox', span: 24, extra: 'hsAid.rules.weakHint' },
  ];
}

export function WeakTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('hsAid.rules.weakHint')}>
      <Tag color="orange">{t('hsAid.rules.weakTag')}</Tag>
    </Tooltip>
  );
}

/** In force today, not yet, or ended (a dated rule record). */
export function PeriodTag({ from, to, today }: { from: string; to?: string | null; today: string }) {
  const { t } = useI18n();
  if (from > today) return <Tag color="blue">{t('hsAid.rules.upcoming')}</Tag>;
  if (!inForceOn(from, to, today)) return <Tag>{t('hsAid.cap.ended')}</Tag>;
  return <Tag color="green">{t('hsAid.rules.inForce')}</Tag>;
}

/** A rule row's edit and history buttons, and the history drawer they open. */
export function useRowActions<T extends { id: string }>(prefix: string, history: Endpoint, onEdit: (r: T) => void, title: (r: T) => string) {
  const { t } = useI18n();
  const [shown, setShown] = useState<T | null>(null);
  return {
    column: {
      key: 'actions', title: t('common.actions'), width: 120,
      render: (_: unknown, r: T) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(r)} {...testId(`${prefix}-edit-${r.id}`)}>{t('action.edit')}</Button>
          <Tooltip title={t('kit.detail.history')}>
            <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setShown(r)} aria-label={t('kit.detail.history')} {...testId(`${prefix}-history-${r.id}`)} />
          </Tooltip>
        </Space>
      ),
    },
    drawer: <HistoryDrawer endpoint={history} target={shown} title={shown ? title(shown) : ''} onClose={() => setShown(null)} />,
  };
}
