import { useState } from 'react';
import { App, Alert, Form, Modal } from 'antd';
import { canParent, type OrgLevel } from '../../../../../common/src/org';
import { orgApi } from '../../../api/orgs';
import type { Org, OrgDetail } from '../../../api/types';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { OrgSelect } from './OrgSelect';

/** 迁移: move an organisation with its whole subtree under a new parent of a higher level. */
export function MoveOrgModal({ org, onClose, onMoved, onReload }: { org: OrgDetail | null; onClose: () => void; onMoved: (o: Org) => void; onReload?: () => void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<{ parentId: string }>();
  const [saving, setSaving] = useState(false);
  const [target, setTarget] = useState<Org | null>(null);

  const submit = async () => {
    if (!org) return;
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const parentId = form.getFieldValue('parentId') as string;
    const parentName = target?.name ?? '';
    modal.confirm({
      title: t('org.move.confirmTitle'),
      content: t('org.move.confirm', { name: org.name, parent: parentName, n: org.childCount }),
      okText: t('org.move.ok'),
      cancelText: t('action.cancel'),
      okButtonProps: testId('org-move-confirm-ok'),
      onOk: async () => {
        setSaving(true);
        try {
          const moved = await orgApi.move(org.id, parentId, org.version);
          void message.success(t('org.move.done', { name: org.name, parent: parentName }));
          form.resetFields();
          onMoved(moved);
        } catch (e) {
          showError(e, { form, reload: onReload });
        } finally {
          setSaving(false);
        }
      },
    });
  };

  return (
    <Modal
      open={!!org}
      title={org ? t('org.move.title', { name: org.name }) : ''}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      onOk={submit}
      okText={t('org.move.next')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: saving, ...testId('org-move-submit') }}
      forceRender
      modalRender={(node) => <div data-testid="org-move-modal">{node}</div>}
    >
      {org && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('org.move.hint', { parent: org.parentName ?? '—' })} />}
      {/* The form stays mounted (forceRender) so its instance is always connected. */}
      <Form form={form} layout="vertical" name="org-move">
        <Form.Item name="parentId" label={t('org.move.newParent')} rules={[{ required: true, message: t('org.move.parentRequired') }]}>
          <OrgSelect
            data-testid="org-move-parent"
            isDisabled={(o) => !org || o.id === org.id || o.id === org.parentId || !canParent(o.level as OrgLevel, org.level as OrgLevel)}
            onChange={(_, option) => {
              const o = (option as { extra?: Org } | undefined)?.extra;
              setTarget(o ?? null);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
