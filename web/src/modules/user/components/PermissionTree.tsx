import { useMemo } from 'react';
import { Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMeta } from '../../../app/meta-context';
import { useI18n, type MessageKey } from '../../../i18n';

const GROUP_PREFIX = 'group:';

/** Permissions as a checkbox tree grouped by their catalogue group (GET /api/meta). A form control. */
export function PermissionTree({ value = [], onChange, disabled }: { value?: string[]; onChange?: (v: string[]) => void; disabled?: boolean }) {
  const { meta, permissionLabel } = useMeta();
  const { t } = useI18n();
  const treeData = useMemo<TreeDataNode[]>(() => {
    const groups = new Map<string, TreeDataNode[]>();
    for (const p of meta?.permissions ?? []) {
      const list = groups.get(p.group) ?? [];
      list.push({
        key: p.code,
        title: (
          <span data-testid={`perm-${p.code}`}>
            {permissionLabel(p.code)} <span style={{ color: '#999', fontSize: 12 }}>{p.code}</span>
          </span>
        ),
      });
      groups.set(p.group, list);
    }
    return [...groups].map(([g, children]) => {
      const key = `permGroup.${g}` as MessageKey;
      const label = t(key);
      return { key: GROUP_PREFIX + g, title: <strong>{label === key ? g : label}</strong>, children };
    });
  }, [meta, permissionLabel, t]);

  return (
    <Tree
      checkable
      selectable={false}
      defaultExpandAll
      disabled={disabled}
      treeData={treeData}
      checkedKeys={value}
      onCheck={(checked) => {
        const keys = (Array.isArray(checked) ? checked : checked.checked).map(String);
        onChange?.(keys.filter((k) => !k.startsWith(GROUP_PREFIX)));
      }}
      data-testid="role-form-permissions"
      key={treeData.length}
    />
  );
}
