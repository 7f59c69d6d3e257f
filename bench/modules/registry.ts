/**
 * Domain modules in the benchmark (`npm run bench -- --only modules`): each loads its data at a
 * multiple of the demo volume into the bench city and names the routes to time — its main list, a
 * search and its dashboard — each measured beside the same SQL through the driver alone
 * (items/routes.ts). A module adds itself to MODULE_BENCHES.
 */
import type { Services } from '../../server/src/platform/context.js';
import type { BenchOrg } from '../lib/city.js';
import type { RouteSpec } from '../items/routes.js';
import type { ItemResult } from '../lib/report.js';

export interface ModuleBench {
  id: string;
  what: string;
  /** Load the module's data (the orgs and the bench users exist); returns rows written per table. */
  seed(s: Services, ctx: { orgs: BenchOrg[]; scale: number; log: (m: string) => void }): Promise<Record<string, number>>;
  /** The routes to time; `{district}` in a url is replaced by the bench district's id. */
  routes: RouteSpec[];
  /** Items that are not routes (a pure computation's timing), run after the routes. */
  items?: (s: Services, log: (m: string) => void) => ItemResult[] | Promise<ItemResult[]>;
}

export const MODULE_BENCHES: ModuleBench[] = [];
