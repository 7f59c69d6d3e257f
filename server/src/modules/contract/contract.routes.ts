import type { FastifyInstance } from 'fastify';
import { congressApi, contractApi } from '../../../../common/src/contracts/contract.js';
import { mount } from '../../platform/mount.js';
import { bargainings, congresses } from './contract.repo.js';
import * as svc from './contract.service.js';
import { contractFigures, coverage } from './coverage.service.js';
import * as congressSvc from './congress.service.js';
import { getRoster, recordElection } from './delegates.service.js';
import { contractLedger, coverageSheet } from './contract.export.js';
import { sendFile } from '../hardship/hardship.shared.js';

/** Collective bargaining and contracts, workers' congresses and open management (docs/contracts.md). */
export async function contractRoutes(app: FastifyInstance) {
  mount(app, contractApi, {
    list: (c, { query }) => svc.listContracts(c, query),
    coverage: (c, { query }) => coverage(c, query.under),
    figures: (c) => contractFigures(c),
    ledger: async (c, { query }, _req, reply) => {
      const f = await contractLedger(c, query);
      return sendFile(reply, f.mime, f.fileName, f.bytes);
    },
    coverageSheet: async (c, { query }, _req, reply) => {
      const f = await coverageSheet(c, query.under);
      return sendFile(reply, f.mime, f.fileName, f.bytes);
    },
    get: (c, { params }) => svc.getContract(c, params.id),
    history: (c, { params }) => bargainings.history(c, params.id),
    create: (c, { body }) => svc.createContract(c, body),
    answer: (c, { params, body }) => svc.answerRequest(c, params.id, body),
    negotiators: (c, { params, body }) => svc.setNegotiators(c, params.id, body),
    vacate: (c, { params, body }) => svc.vacateSeat(c, params.id, body),
    round: (c, { params, body }) => svc.addRound(c, params.id, body),
    draft: (c, { params, body }) => svc.saveDraft(c, params.id, body),
    vote: (c, { params, body }) => svc.recordVote(c, params.id, body),
    sign: (c, { params, body }) => svc.signContract(c, params.id, body),
    file: (c, { params, body }) => svc.fileContract(c, params.id, body),
    object: (c, { params, body }) => svc.recordObjection(c, params.id, body),
    takeEffect: (c, { params, body }) => svc.takeEffect(c, params.id, body.version),
    publish: (c, { params, body }) => svc.publishContract(c, params.id, body),
    renew: (c, { params, body }) => svc.renewContract(c, params.id, body.version),
    expire: (c, { params, body }) => svc.expireContract(c, params.id, body.version),
  });
  mount(app, congressApi, {
    list: (c, { query }) => congressSvc.listCongresses(c, query),
    get: (c, { params }) => congressSvc.getCongress(c, params.id),
    history: (c, { params }) => congresses.history(c, params.id),
    save: (c, { body }) => congressSvc.saveCongress(c, body),
    session: (c, { params, body }) => congressSvc.addSession(c, params.id, body),
    roster: (c, { params }) => getRoster(c, params.id),
    elect: (c, { params, body }) => recordElection(c, params.id, body),
    addProposal: (c, { params, body }) => congressSvc.addProposal(c, params.id, body),
    proposals: (c, { query }) => congressSvc.listProposals(c, query),
    actOnProposal: (c, { params, body }) => congressSvc.actOnProposal(c, params.id, body),
    disclosures: (c, { query }) => congressSvc.listDisclosures(c, query),
    addDisclosure: (c, { body }) => congressSvc.addDisclosure(c, body),
    missingDisclosures: (c, { query }) => congressSvc.missingDisclosures(c, query),
  });
}
