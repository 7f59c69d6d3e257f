import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.js';
import { systemRoutes } from './system/system.routes.js';
import { orgRoutes } from './org/org.routes.js';
import { userRoutes } from './user/user.routes.js';
import { roleRoutes } from './user/role.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { memberRoutes } from './member/member.routes.js';

/** Every domain registers its routes here. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
  await app.register(auditRoutes);
  await app.register(dashboardRoutes);
  await app.register(memberRoutes);
}
