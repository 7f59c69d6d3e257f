import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { App, Badge, Button, Drawer, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { inboxApi, type UserNotification } from '../../../../common/src/contracts/inbox';
import { call } from '../../api/client';
import { useApiError } from '../use-api-error';
import { useI18n, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../kit/format';

const PAGE = 20;
/** How often the bell asks for the unread count while the app is open. */
const POLL_MS = 60_000;
const KIND_COLOR: Record<string, string> = { 'plan.reminder': 'gold', 'plan.overdue': 'red', 'plan.escalation': 'volcano' };

/**
 * The bell in the header: the signed-in user's unread messages (reminders before a deadline,
 * overdue notices, escalations; docs/inbox.md), and a drawer that lists them newest first.
 * Opening a message marks it read and goes to what it is about.
 */
export function InboxBell() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [only, setOnly] = useState<'all' | 'unread'>('all');
  const [items, setItems] = useState<UserNotification[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);

  const refreshCount = useCallback(() => {
    call(inboxApi.unread).then((r) => setUnread(r.unread), () => undefined);
  }, []);
  useEffect(() => {
    refreshCount();
    const timer = setInterval(refreshCount, POLL_MS);
    return () => clearInterval(timer);
  }, [refreshCount, pathname]);

  const load = useCallback(
    async (p: number, filter: 'all' | 'unread') => {
      setLoading(true);
      try {
        const r = await call(inboxApi.list, { query: { page: p, pageSize: PAGE, unread: filter === 'unread' ? 'true' : undefined } });
        setItems((prev) => (p === 1 ? r.items : [...prev, ...r.items]));
        setTotal(r.total);
        setUnread(r.unread);
        setPage(p);
      } catch (e) {
        showError(e);
      } finally {
        setLoading(false);
      }
    },
    [showError],
  );
  useEffect(() => {
    if (open) void load(1, only);
  }, [open, only, load]);

  const openItem = async (n: UserNotification) => {
    if (!n.readAt) {
      try {
        const r = await call(inboxApi.read, { params: { id: n.id } });
        setUnread(r.unread);
        setItems((prev) => prev.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)));
      } catch (e) {
        showError(e);
        return;
      }
    }
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };
  const readAll = async () => {
    try {
      await call(inboxApi.readAll);
      message.success(t('inbox.readAllDone'));
      setUnread(0);
      await load(1, only);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <Badge count={unread} size="small" overflowCount={99} data-testid="inbox-badge" data-unread={unread}>
        <Button type="text" aria-label={t('inbox.open')} icon={<BellOutlined style={{ fontSize: 18 }} />} onClick={() => setOpen(true)} data-testid="inbox-bell" />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        width={440}
        title={t('inbox.title')}
        extra={
          <Button size="small" disabled={!unread} onClick={readAll} data-testid="inbox-read-all">
            {t('inbox.readAll')}
          </Button>
        }
        data-testid="inbox-drawer"
      >
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Segmented
              value={only}
              onChange={(v) => setOnly(v as 'all' | 'unread')}
              options={[
                { value: 'all', label: t('inbox.all') },
                { value: 'unread', label: t('inbox.unread') },
              ]}
              data-testid="inbox-filter"
            />
            <Typography.Text type="secondary">{t('inbox.count', { n: total, u: unread })}</Typography.Text>
          </Space>
          <List
            loading={loading && page === 1}
            dataSource={items}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(only === 'unread' ? 'inbox.emptyUnread' : 'inbox.empty')} /> }}
            data-testid="inbox-list"
            renderItem={(n) => (
              <List.Item
                key={n.id}
                onClick={() => void openItem(n)}
                style={{ cursor: n.link || !n.readAt ? 'pointer' : 'default', paddingInline: 8, background: n.readAt ? undefined : 'rgba(22,119,255,0.04)' }}
                data-testid={`inbox-item-${n.id}`}
                data-read={n.readAt ? 'true' : 'false'}
              >
                <List.Item.Meta
                  avatar={<Badge dot={!n.readAt} offset={[-2, 4]}><BellOutlined style={{ fontSize: 16, color: 'rgba(0,0,0,0.45)' }} /></Badge>}
                  title={
                    <Space size={6} wrap>
                      <Tag color={KIND_COLOR[n.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                        {t(`inbox.kind.${n.kind}` as MessageKey)}
                      </Tag>
                      <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ color: 'rgba(0,0,0,0.65)' }}>{n.body}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {items.length < total && (
            <Button block loading={loading} onClick={() => void load(page + 1, only)} data-testid="inbox-more">
              {t('inbox.more')}
            </Button>
          )}
        </Space>
      </Drawer>
    </>
  );
}
