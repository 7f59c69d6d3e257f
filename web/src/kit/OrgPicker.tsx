import { useEffect, useMemo, useRef, useState } from 'react';
import { Spin, TreeSelect, Typography } from 'antd';
import { call } from '../api/client';
import { orgApi, type OrgTreeNode } from '../../../common/src/contracts/org';
import { useI18n } from '../i18n';
import { useMeta } from '../app/meta-context';

/** An org as the picker shows it when the value comes from elsewhere (the URL, a record). */
export interface OrgRef {
  id: string;
  name: string;
}

/** A search outside the caller's scope (public look-ups): the receiving union of a transfer, a territorial union. */
export type OrgSearch = (q: string) => Promise<{ id: string; name: string; note?: string }[]>;

interface Props {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null, picked?: OrgRef[]) => void;
  /** Levels that may be chosen (others show, for the way down, but cannot be picked); empty: any level. */
  levels?: readonly string[];
  multiple?: boolean;
  includeInactive?: boolean;
  /** Names of the current value(s), so the box shows a name, not an id, before the tree loads. */
  known?: OrgRef[] | OrgRef | null;
  /** Search somewhere else than the caller's scope (a public look-up); the tree is then not shown. */
  search?: OrgSearch;
  allowClear?: boolean;
  disabled?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

interface Node {
  id: string;
  pId?: string;
  value: string;
  title: string;
  note?: string;
  isLeaf: boolean;
  selectable: boolean;
  disabled?: boolean;
}

/**
 * The one organisation picker: the caller's part of the union tree, loaded level by level, with
 * a server search by name or code that shows where each hit sits. Only orgs in the caller's data
 * scope appear (the server answers from the scope); `levels` limits what may be chosen.
 */
export function OrgPicker({ value, onChange, levels = [], multiple, includeInactive, known, search, allowClear, disabled, placeholder, style, ...rest }: Props) {
  const { t } = useI18n();
  const { levelLabel } = useMeta();
  const [tree, setTree] = useState<Node[]>([]);
  const [hits, setHits] = useState<Node[] | null>(null);
  const [q, setQ] = useState('');
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);
  const levelKey = levels.join(',');

  const toNode = (n: OrgTreeNode, pId?: string, note?: string): Node => ({
    id: n.id, pId, value: n.id, title: n.name, note: note ?? levelLabel(n.level), isLeaf: n.childCount === 0,
    selectable: (!levels.length || levels.includes(n.level)) && (includeInactive || n.active),
    disabled: !includeInactive && !n.active,
  });

  // The top of the caller's tree, once the dropdown is first opened (not for every picker on screen).
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (!opened || search) return;
    let live = true;
    call(orgApi.tree, {}).then((top) => live && setTree(top.map((n) => toNode(n))), () => live && setTree([]));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, levelKey, includeInactive, !!search]);

  const loadChildren = async (id: string) => {
    const kids = await call(orgApi.tree, { query: { parentId: id } });
    setTree((cur) => [...cur.filter((n) => n.pId !== id), ...kids.map((k) => toNode(k, id))]);
  };

  const onSearch = (text: string) => {
    setQ(text);
    clearTimeout(timer.current);
    const term = text.trim();
    if (!term) {
      setHits(null);
      return;
    }
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      const found: Promise<Node[]> = search
        ? search(term).then((r) => r.map((h) => ({ id: h.id, value: h.id, title: h.name, note: h.note, isLeaf: true, selectable: true })))
        : call(orgApi.searchTree, { query: { q: term } }).then((r) => r.map((h) => toNode({ ...h, childCount: 0 }, undefined, h.pathNames.join(' / ') || levelLabel(h.level))));
      found
        .then((nodes) => mine === seq.current && setHits(nodes), () => mine === seq.current && setHits([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  // What the user picked keeps its name after the search that found it is cleared.
  const [chosen, setChosen] = useState<OrgRef[]>([]);
  const knownList = useMemo(() => {
    const given = known ? (Array.isArray(known) ? known : [known]) : [];
    return [...given, ...chosen.filter((c) => !given.some((g) => g.id === c.id))];
  }, [known, chosen]);
  const treeData = useMemo(() => {
    const base = hits ?? (search ? [] : tree);
    const missing = knownList.filter((k) => !base.some((n) => n.id === k.id)).map((k) => ({ id: k.id, value: k.id, title: k.name, isLeaf: true, selectable: true }));
    return [...missing, ...base];
  }, [hits, tree, knownList, search]);

  return (
    <TreeSelect<string | string[]>
      {...rest}
      style={{ width: '100%', ...style }}
      value={value ?? undefined}
      onChange={(v) => {
        const picked = treeData.filter((n) => (Array.isArray(v) ? v.includes(n.id) : v === n.id)).map((n) => ({ id: n.id, name: n.title }));
        setChosen(picked);
        onChange?.(v ?? null, picked);
      }}
      multiple={multiple}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? (search ? t('kit.org.searchPublic') : t('kit.org.placeholder'))}
      treeDataSimpleMode={{ id: 'id', pId: 'pId' }}
      treeData={treeData}
      loadData={hits || search ? undefined : (n) => loadChildren(String((n as unknown as Node).id))}
      showSearch={{ searchValue: q, onSearch, filterTreeNode: false, autoClearSearchValue: true }}
      onOpenChange={(o) => o && setOpened(true)}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 320, maxWidth: 520 } } }}
      treeTitleRender={(raw) => {
        const n = raw as unknown as Node;
        return (
        <span style={{ display: 'inline-flex', gap: 8, justifyContent: 'space-between', width: '100%' }} data-testid={`org-option-${n.title}`}>
          <span>{n.title}</span>
          {n.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.note}
            </Typography.Text>
          )}
        </span>
        );
      }}
    />
  );
}
