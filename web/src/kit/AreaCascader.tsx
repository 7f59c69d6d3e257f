import { useEffect, useMemo, useState } from 'react';
import { Cascader } from 'antd';
import { joinApi, type AreaNodeT } from '../../../common/src/contracts/join';
import { call } from '../api/client';
import { useI18n } from '../i18n';

interface Option {
  value: string;
  label: string;
  node: AreaNodeT;
  children?: Option[];
}

/** The areas the platform serves (GET /api/join/areas), fetched once per page load. */
let areasOnce: Promise<AreaNodeT[]> | null = null;
function loadAreas(): Promise<AreaNodeT[]> {
  areasOnce ??= call(joinApi.areas, {}, { quiet401: true }).catch((e: unknown) => {
    areasOnce = null;
    throw e;
  });
  return areasOnce;
}

/** The name of a region by its 6-digit code (from the areas served), or the code itself until they are loaded or when unknown. */
export function useRegionName(): (code: string) => string {
  const [nodes, setNodes] = useState<AreaNodeT[] | null>(null);
  useEffect(() => {
    let live = true;
    loadAreas().then((n) => live && setNodes(n), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    const names = new Map((nodes ?? []).filter((n) => n.regionCode && n.level !== 'street').map((n) => [n.regionCode!, n.areaName]));
    return (code: string) => names.get(code) ?? code;
  }, [nodes]);
}

function treeOf(nodes: AreaNodeT[], keep: (n: AreaNodeT) => boolean, value: (n: AreaNodeT) => string): Option[] {
  const kept = nodes.filter(keep);
  const ids = new Set(kept.map((n) => n.id));
  const byParent = new Map<string | null, AreaNodeT[]>();
  // A node whose parent is not kept (a city under no province here) starts the tree.
  for (const n of kept) {
    const p = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), n]);
  }
  const build = (p: string | null): Option[] =>
    (byParent.get(p) ?? []).map((n) => {
      const children = build(n.id);
      return { value: value(n), label: n.areaName, node: n, ...(children.length ? { children } : {}) };
    });
  return build(null);
}

function pathTo(options: Option[], v: string): string[] | undefined {
  for (const o of options) {
    if (o.value === v) return [o.value];
    const sub = o.children && pathTo(o.children, v);
    if (sub) return [o.value, ...sub];
  }
  return undefined;
}

/**
 * Pick an area by name, never by code: `region` gives the 6-digit region code of a province, city
 * or county (any level may be the answer); `territorial` gives the street or park union of the
 * chosen area (its org id), for a worker whose employer has no union or is not on file.
 */
export function AreaCascader({
  mode, value, onChange, onPick, size, testId, placeholder,
}: {
  mode: 'region' | 'territorial';
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  /** The chosen node (territorial: the street union, with the county above it). */
  onPick?: (n: AreaNodeT | null, above: AreaNodeT | null) => void;
  size?: 'large' | 'middle';
  testId?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<AreaNodeT[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadAreas().then((n) => live && setNodes(n), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  const options = useMemo(() => {
    if (!nodes) return [];
    return mode === 'region'
      ? treeOf(nodes, (n) => n.level !== 'street' && !!n.regionCode, (n) => n.regionCode!)
      : treeOf(nodes, (n) => n.level === 'county' || n.level === 'street', (n) => n.id).filter((o) => o.children?.length);
  }, [nodes, mode]);
  const path = value ? pathTo(options, value) : undefined;

  return (
    <Cascader<Option>
      options={options}
      value={path}
      size={size}
      loading={!nodes && !failed}
      status={failed ? 'warning' : undefined}
      changeOnSelect={mode === 'region'}
      showSearch={{ filter: (input, p) => p.some((o) => String(o.label).includes(input.trim())) }}
      placeholder={failed ? t('error.loadFailed') : (placeholder ?? t(mode === 'region' ? 'kit.area.regionPlaceholder' : 'kit.area.territorialPlaceholder'))}
      data-testid={testId}
      style={{ width: '100%' }}
      onChange={(p, selected) => {
        const last = selected?.[selected.length - 1]?.node ?? null;
        const above = selected && selected.length > 1 ? selected[selected.length - 2]!.node : null;
        onChange?.(p?.length ? String(p[p.length - 1]) : undefined);
        onPick?.(last, above);
      }}
    />
  );
}
