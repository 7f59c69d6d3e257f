import type { FastifyInstance } from 'fastify';
import { rulesApi } from '../../../../common/src/contracts/rules.js';
import { addRuleVersion, listRules } from '../../platform/rules.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { mount } from '../../platform/mount.js';

export async function rulesRoutes(app: FastifyInstance) {
  mount(app, rulesApi, {
    list: (c) => listRules(c, todayInChina()),
    addVersion: (c, { params, body }) => addRuleVersion(c, params.key, body, todayInChina()),
  });
}
