import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Col, Empty, Input, Row, Spin, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { orgApi, type OrgTreeNode, TreeSearchResult } from '../../../../common/src/contracts/org';
import { call } from '../../api/client';
import type { z } from 'zod';

type OrgSearchHit = z.infer<typeof TreeSearchResult>[number];
import { useApiError } from '../../app/use-api-error';
import { useMeta } from '../../app/meta-context';
import { useI18n } from '../../i18n';
import { OrgDetailView, type OrgChange } from './components/OrgDetailView';

/**
 * 组织架构树: the tree loads one level at a time (GET /api/orgs/tree?parentId=); a search finds any
 * node in scope and opens the path to it. The selected node's detail and actions show on the right.
 */
export default function OrgTreePage() {
  const { t } = useI18n();
  const { levelLabel } = useMeta();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const selectedId = sp.get('id') ?? undefined;

  const [roots, setRoots] = useState<OrgTreeNode[] | null>(null);
  const [children, setChildren] = useState<Record<string, OrgTreeNode[]>>({});
  const childrenRef = useRef(children);
  childrenRef.current = children;
  const [expanded, setExpanded] = useState<string[]>([]);
  const [hits, setHits] = useState<OrgSearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const treeBox = useRef<HTMLDivElement>(null);
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);

  const select = useCallback(
    (id: string | undefined) => {
      const next = new URLSearchParams(sp);
      if (id) next.set('id', id);
      else next.delete('id');
      setSp(next, { replace: true });
    },
    [sp, setSp],
  );

  const loadChildren = useCallback(async (parentId: string) => {
    const list = await call(orgApi.tree, { query: { parentId } });
    setChildren((c) => ({ ...c, [parentId]: list }));
    return list;
  }, []);

  const loadRoots = useCallback(async () => {
    const list = await call(orgApi.tree);
    setRoots(list);
    return list;
  }, []);

  /** Load every level down to a node, open them, select the node and scroll it into view. */
  const revealPath = useCallback(
    async (ancestorIds: string[], id: string) => {
      try {
        for (const aid of ancestorIds) if (!childrenRef.current[aid]) await loadChildren(aid);
        setExpanded((e) => [...new Set([...e, ...ancestorIds])]);
        select(id);
        setScrollTarget(id);
      } catch (e) {
        showError(e);
      }
    },
    [loadChildren, select, showError],
  );

  useEffect(() => {
    loadRoots()
      .then(async (rs) => {
        // A single top node (the user's own federation) opens by itself.
        if (rs.length === 1 && rs[0]!.childCount > 0) {
          await loadChildren(rs[0]!.id);
          setExpanded([rs[0]!.id]);
        }
        // A deep link (?id=) opens the path to that node.
        if (selectedId) {
          const d = await call(orgApi.get, { params: { id: selectedId } });
          const rootIds = new Set(rs.map((r) => r.id));
          const ids = d.ancestors.map((a) => a.id);
          const start = ids.findIndex((a) => rootIds.has(a));
          if (start >= 0) await revealPath(ids.slice(start), selectedId);
        } else if (rs.length) {
          select(rs[0]!.id);
        }
      })
      .catch((e) => showError(e));
    // first load only
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const search = async (q: string) => {
    if (!q.trim()) {
      setHits(null);
      return;
    }
    setSearching(true);
    try {
      setHits(await call(orgApi.searchTree, { query: { q: q.trim() } }));
    } catch (e) {
      showError(e);
    } finally {
      setSearching(false);
    }
  };

  const treeData = useMemo(() => {
    const toNode = (n: OrgTreeNode): TreeDataNode => {
      const kids = children[n.id];
      return {
        key: n.id,
        isLeaf: n.childCount === 0 && !kids?.length,
        title: (
          <span data-testid={`org-tree-node-${n.code}`} data-org-id={n.id} style={n.active ? undefined : { color: '#999' }}>
            {n.name}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
              {levelLabel(n.level)}
            </Typography.Text>
            {!n.active && (
              <Tag style={{ marginLeft: 6 }} color="default">
                {t('common.inactive')}
              </Tag>
            )}
          </span>
        ),
        children: kids?.map(toNode),
      };
    };
    return (roots ?? []).map(toNode);
  }, [roots, children, levelLabel, t]);

  // Once the revealed node is rendered, bring it into view inside the tree's scroll box.
  useEffect(() => {
    if (!scrollTarget) return;
    const el = treeBox.current?.querySelector(`[data-org-id="${scrollTarget}"]`);
    if (el) {
      el.scrollIntoView({ block: 'nearest' });
      setScrollTarget(null);
    }
  }, [scrollTarget, treeData, expanded]);

  const loadData: TreeProps['loadData'] = async (node) => {
    const id = String(node.key);
    if (childrenRef.current[id]) return;
    try {
      await loadChildren(id);
    } catch (e) {
      showError(e);
    }
  };

  /** Keep the tree in step with a change made in the detail pane. */
  const onChanged = async (c: OrgChange) => {
    const parents = new Set([c.org.parentId, c.oldParentId].filter((p): p is string => !!p));
    try {
      for (const p of parents) if (childrenRef.current[p] || p === c.org.parentId) await loadChildren(p);
      if (![...parents].length) await loadRoots();
      if (c.kind === 'created' && c.org.parentId) {
        setExpanded((e) => [...new Set([...e, c.org.parentId!])]);
      }
      if (c.kind === 'moved') {
        const d = await call(orgApi.get, { params: { id: c.org.id } });
        const rootIds = new Set((roots ?? []).map((r) => r.id));
        const ids = d.ancestors.map((a) => a.id);
        const start = ids.findIndex((a) => rootIds.has(a));
        if (start >= 0) await revealPath(ids.slice(start), c.org.id);
      }
    } catch (e) {
      showError(e);
    }
  };

  return (
    <div data-testid="org-tree-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.orgTree')}</Typography.Title>
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8}>
          <Card styles={{ body: { padding: 12 } }}>
            <Input.Search
              placeholder={t('org.tree.searchPlaceholder')}
            aria-label={t('org.tree.searchPlaceholder')}
              allowClear
              enterButton
              loading={searching}
              onSearch={search}
              onChange={(e) => !e.target.value && setHits(null)}
              data-testid="org-tree-search"
              style={{ marginBottom: 12 }}
            />
            {hits && (
              <div data-testid="org-tree-search-results" style={{ marginBottom: 12, maxHeight: 260, overflow: 'auto', borderBottom: '1px solid #f0f0f0' }}>
                <Typography.Text type="secondary" style={{ display: 'block', padding: '0 4px 6px' }}>
                  {t('org.tree.hits', { n: hits.length })}
                </Typography.Text>
                {hits.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noMatch')} />
                ) : (
                  <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                    {hits.map((h) => (
                      <li key={h.id}>
                        <div
                          role="button"
                          tabIndex={0}
                          className="gh-hit"
                          aria-current={h.id === selectedId}
                          onClick={() => void revealPath(h.ancestorIds, h.id)}
                          onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && void revealPath(h.ancestorIds, h.id)}
                          data-testid={`org-tree-search-result-${h.code}`}
                        >
                          <div>
                            {h.name} <Typography.Text type="secondary">{h.code}</Typography.Text>
                            {!h.active && <Tag style={{ marginLeft: 6 }}>{t('common.inactive')}</Tag>}
                          </div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {h.pathNames.join(' / ') || '—'}
                          </Typography.Text>
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {roots === null ? (
              <Spin style={{ display: 'block', margin: '40px auto' }} />
            ) : roots.length === 0 ? (
              <Empty description={t('common.noData')} />
            ) : (
              <div ref={treeBox} style={{ maxHeight: 640, overflow: 'auto' }}>
                <Tree
                  data-testid="org-tree"
                  showLine={{ showLeafIcon: false }}
                  blockNode
                  treeData={treeData}
                  loadData={loadData}
                  expandedKeys={expanded}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => keys.length && select(String(keys[0]))}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <div data-testid="org-detail-panel">
            {selectedId ? (
              <OrgDetailView id={selectedId} compact onChanged={(c) => void onChanged(c)} />
            ) : (
              <Card>
                <Empty description={t('org.tree.pickOne')} />
              </Card>
            )}
          </div>
        </Col>
      </Row>
    </div>
  );
}
