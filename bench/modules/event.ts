/**
 * Union events (docs/events.md) in the benchmark: the demo's 1,200 events with their sign-ups at
 * `scale` × that volume, then the organiser's list, a title search and the events dashboard (counts by
 * district and month), each beside the same SQL through the driver alone.
 */
import { seedDemoEvents } from '../../server/src/seed/demo-events.js';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

export const eventBench: ModuleBench = {
  id: 'event',
  what: '工会活动：列表、搜索、看板（按区县和月份）/ events: list, search, dashboard by district and month',
  async seed(s, { scale, log }) {
    const r = await s.db.transaction((tx) => seedDemoEvents(tx, { events: Math.round(1200 * scale), seed: 20260104 }));
    log(`  events: ${r.events} events, ${r.signups} sign-ups, ${r.checkIns} check-ins`);
    return { union_event: r.events, event_signup: r.signups };
  },
  routes: [
    { id: 'event.list', what: '活动列表（区）/ events of a district, newest first', url: '/api/events?pageSize=20', who: 'district', target: { ratio: 1.5 } },
    {
      id: 'event.search',
      what: '活动搜索（市）/ title search, city',
      url: `/api/events?q=${encodeURIComponent('运动会')}&pageSize=20`,
      who: 'city',
      target: { ratio: 1.5 },
    },
    { id: 'event.dashboard', what: '活动看板（市）/ the city events dashboard', url: '/api/events/dashboard', who: 'city', target: { ratio: 1.5, p95Ms: 100 } },
  ],
};

MODULE_BENCHES.push(eventBench);
