import type { FastifyInstance } from 'fastify';
import { dashboardApi } from '../../../../common/src/contracts/dashboard.js';
import { mount } from '../../platform/mount.js';
import { orgFigures } from './org-figures.js';

/** The home dashboard's organisation figures; each domain mounts its own section's figures (docs/architecture.md). */
export async function dashboardRoutes(app: FastifyInstance) {
  mount(app, dashboardApi, { orgs: (c) => orgFigures(c) });
}
