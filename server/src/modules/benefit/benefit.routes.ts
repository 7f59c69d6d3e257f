import type { FastifyInstance } from 'fastify';
import { benefitApi, portalBenefitApi } from '../../../../common/src/contracts/benefit.js';
import { mount } from '../../platform/mount.js';
import { requireWorker } from '../portal/portal.service.js';
import * as svc from './benefit.service.js';

export async function benefitRoutes(app: FastifyInstance) {
  mount(app, benefitApi, {
    merchants: (c, { query }) => svc.listMerchants(c, query),
    merchant: (c, { params }) => svc.getMerchant(c, params.id),
    merchantHistory: (c, { params }) => svc.merchants.history(c, params.id),
    createMerchant: (c, { body }) => svc.createMerchant(c, body),
    updateMerchant: (c, { params, body }) => svc.updateMerchant(c, params.id, body),
    offers: (c, { query }) => svc.listOffers(c, query),
    offer: (c, { params }) => svc.getOffer(c, params.id),
    offerHistory: (c, { params }) => svc.offers.history(c, params.id),
    createOffer: (c, { body }) => svc.createOffer(c, body),
    updateOffer: (c, { params, body }) => svc.updateOffer(c, params.id, body),
    redeem: (c, { body }) => svc.redeem(c, body.token),
    quotas: (c, { query }) => svc.listQuotas(c, query.year),
    createQuota: (c, { body }) => svc.createQuota(c, body),
    updateQuota: (c, { params, body }) => svc.updateQuota(c, params.id, body),
    dashboard: (c) => svc.benefitFigures(c),
  });
  // The worker's side: a worker session (docs/portal.md), only their own coupons.
  mount(app, portalBenefitApi, {
    offers: async (s, _i, req) => svc.workerOffers(s, (await requireWorker(s, req)).account),
    claims: async (s, _i, req) => svc.workerClaims(s, (await requireWorker(s, req)).account),
    claim: async (s, { params }, req) => svc.workerClaim(s, (await requireWorker(s, req)).account, params.id),
  });
}
