import type { FastifyInstance } from 'fastify';
import { hardshipRulesApi } from '../../../../common/src/contracts/hardship-rules.js';
import * as rules from './rules.service.js';
import { mount } from '../../platform/mount.js';

/** Rule data (低保标准、分档与监测参数、帮扶标准上限): dated, with sources; changes re-evaluate affected files. */
export async function rulesRoutes(app: FastifyInstance) {
  mount(app, hardshipRulesApi, {
    overview: (c) => rules.rulesOverview(c),
    addLine: (c, { body }) => rules.addLine(c, body),
    updateLine: (c, { params, body }) => rules.updateLine(c, params.id, body),
    lineHistory: (c, { params }) => rules.ruleHistory(c, 'subsistence_line', params.id),
    addRuleSet: (c, { body }) => rules.addRuleSet(c, body as Parameters<typeof rules.addRuleSet>[1]),
    addCap: (c, { body }) => rules.addCap(c, body),
    updateCap: (c, { params, body }) => rules.updateCap(c, params.id, body),
    capHistory: (c, { params }) => rules.ruleHistory(c, 'aid_cap', params.id),
  });
}
