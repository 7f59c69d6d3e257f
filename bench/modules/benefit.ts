/**
 * Member benefits in the benchmark (docs/benefits.md): the demo's merchants and offers, with
 * `scale` × 1,500 portal accounts claiming coupons; timed: the offers list of a district, a search
 * of the city's offers and the city's benefit dashboard, each beside its own SQL.
 */
import { seedDemoBenefits } from '../../server/src/seed/demo-benefit.js';
import { MODULE_BENCHES, type ModuleBench } from './registry.js';

const bench: ModuleBench = {
  id: 'benefit',
  what: 'member benefits (普惠)',
  async seed(s, { scale, log }) {
    const r = await s.db.transaction((tx) => seedDemoBenefits(tx, s.keys, { accounts: 1500 * scale }));
    log(`  benefit: ${r.merchants} merchants, ${r.offers} offers, ${r.accounts} accounts, ${r.claims} coupons`);
    return { benefit_merchant: r.merchants, benefit_offer: r.offers, worker_account: r.accounts, benefit_claim: r.claims, recuperation_quota: r.quotas };
  },
  routes: [
    { id: 'benefit.offers', what: 'GET /api/benefits/offers (district)', url: '/api/benefits/offers?pageSize=20', who: 'district', target: { ratio: 1.5 } },
    {
      id: 'benefit.offers.search',
      what: 'GET /api/benefits/offers?q= (city)',
      url: `/api/benefits/offers?q=${encodeURIComponent('八折')}&pageSize=20`,
      who: 'city',
      target: { ratio: 1.5 },
    },
    { id: 'benefit.dashboard', what: 'GET /api/benefits/dashboard (city)', url: '/api/benefits/dashboard', who: 'city', target: { ratio: 1.5, p95Ms: 100 } },
  ],
};
MODULE_BENCHES.push(bench);
