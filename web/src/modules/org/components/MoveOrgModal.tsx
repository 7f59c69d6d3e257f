import { useState } from 'react';
import { Alert, App } from 'antd';
import { canParent, type OrgLevel } from '../../../../../common/src/org';
import { orgApi, type Org, type OrgDetail } from '../../../../../common/src/contracts/org';
import { call } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { FormModal, type OrgRef } from '../../../kit';

/** 迁移: move an organisation with its whole subtree under a new parent of a higher level. */
export function MoveOrgModal({ org, onClose, onMoved, onReload }: { org: OrgDetail | null; onClose: () => void; onMoved: (o: Org) => void; onReload?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [target, setTarget] = useState<OrgRef | null>(null);
  const parents = org ? (['national', 'province', 'city', 'county', 'street'] as OrgLevel[]).filter((l) => canParent(l, org.level as OrgLevel)) : [];
  return (
    <FormModal<{ parentId: string }>
      open={!!org}
      testId="org-move"
      title={org ? t('org.move.title', { name: org.name }) : ''}
      okText="org.move.next"
      confirm={() => t('org.move.confirm', { name: org!.name, parent: target?.name ?? '', n: org!.childCount })}
      onClose={onClose}
      onReload={onReload}
      onSubmit={async (v) => {
        const moved = await call(orgApi.move, { params: { id: org!.id }, body: { parentId: v.parentId, version: org!.version } });
        void message.success(t('org.move.done', { name: org!.name, parent: target?.name ?? '' }));
        onMoved(moved);
      }}
      fields={[
        { name: 'parentId', label: 'org.move.newParent', kind: 'org', levels: parents, required: 'org.move.parentRequired', testId: 'org-move-parent', props: { onChange: (_: unknown, picked?: OrgRef[]) => setTarget(picked?.[0] ?? null) } },
      ]}
    >
      {org && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('org.move.hint', { parent: org.parentName ?? '—' })} />}
    </FormModal>
  );
}
