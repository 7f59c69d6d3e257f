import type { FastifyInstance } from 'fastify';
import { projectApi } from '../../../../common/src/contracts/project.js';
import { mount } from '../../platform/mount.js';
import * as svc from './project.service.js';

export async function projectRoutes(app: FastifyInstance) {
  mount(app, projectApi, {
    list: (c, { query }) => svc.listProjects(c, query),
    get: (c, { params }) => svc.getProject(c, params.id),
    history: (c, { params }) => svc.projects.history(c, params.id),
    create: (c, { body }) => svc.createProject(c, body),
    update: (c, { params, body }) => svc.updateProject(c, params.id, body),
    spend: (c, { params, body }) => svc.recordSpend(c, params.id, body),
    publicList: (c, { query }) => svc.publicProjects(c, query),
  });
}
