/**
 * Outdoor-worker rest stations (docs/stations.md) in the benchmark: the demo's stations at `scale`
 * times their number with inspections and visits, then the registry list, a search, the nearest
 * stations (haversine in SQL after the indexed box) and the dashboard, each beside its own SQL.
 */
import { createRng } from '../../server/src/seed/prng.js';
import { DEMO_CITY_AREA, DEMO_STATION_COUNT, seedDemoStations } from '../../server/src/seed/demo-station.js';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

const C = DEMO_CITY_AREA;

export const stationBench: ModuleBench = {
  id: 'station',
  what: '户外劳动者服务站点：名录、搜索、最近站点、概况 / rest stations: list, search, nearest, dashboard',
  async seed(s, { scale }) {
    // The nearest route is public and limited per address; the bench calls it from one address.
    process.env.GONGHUI_RATE_LIMITS = 'off';
    const rng = createRng(4711).fork('bench-station-accounts');
    const accounts = Array.from({ length: 400 }, () => rng.uuid());
    const r = await s.db.transaction((tx) => seedDemoStations(tx, { seed: 4711, count: DEMO_STATION_COUNT * scale, accounts }));
    return { station: r.stations, station_inspection: r.inspections, station_visit: r.visits };
  },
  routes: [
    { id: 'station.list', what: '站点名录（全市）/ the registry, city', url: '/api/stations?page=1&pageSize=20', who: 'city', target: { ratio: 1.5 } },
    {
      id: 'station.search',
      what: '站点搜索（区）/ search, district',
      url: '/api/stations?q=%E9%A9%BF%E7%AB%99&amenity=charging&pageSize=20',
      who: 'district',
      target: { ratio: 1.5 },
    },
    {
      id: 'station.nearest',
      what: '最近站点 / nearest stations',
      url: `/api/public/stations/nearest?lat=${C.lat + 0.01}&lng=${C.lng - 0.01}&limit=10`,
      who: 'city',
      target: { ratio: 1.5 },
      // One statement of about 4 ms: 200 calls, so that the p95 is not one stall of a shared machine.
      iterations: 200,
    },
    { id: 'station.dashboard', what: '服务站点概况（全市）/ dashboard, city', url: '/api/stations/dashboard', who: 'city', target: { ratio: 1.5, p95Ms: 100 } },
  ],
};

MODULE_BENCHES.push(stationBench);
