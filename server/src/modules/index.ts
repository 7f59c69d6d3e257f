import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.js';
import { systemRoutes } from './system/system.routes.js';
import { healthRoutes } from './system/health.routes.js';
import { rulesRoutes } from './system/rules.routes.js';
import { exportsRoutes } from './system/exports.routes.js';
import { orgRoutes } from './org/org.routes.js';
import { userRoutes } from './user/user.routes.js';
import { roleRoutes } from './user/role.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { memberRoutes } from './member/member.routes.js';
import { hardshipRoutes } from './hardship/hardship.routes.js';
import { joinRoutes } from './member/join/join.routes.js';
import { transferRoutes } from './member/transfer/transfer.routes.js';
import { importRoutes } from './member/import/import.routes.js';
import { memberExportRoutes } from './member/export/export.routes.js';
import { planRoutes } from './plan/plan.routes.js';
import { projectRoutes } from './plan/project.routes.js';
import { backupRoutes } from './system/backup.routes.js';
import { contractRoutes } from './contract/contract.routes.js';
import { disputeRoutes } from './dispute/dispute.routes.js';
import { honorRoutes } from './honor/honor.routes.js';
import { competitionRoutes } from './competition/competition.routes.js';
import { studioRoutes } from './studio/studio.routes.js';
import { benefitRoutes } from './benefit/benefit.routes.js';
import { mutualAidRoutes } from './mutual-aid/mutual-aid.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
// Stored working-day deadlines that a change of the holiday calendar recomputes (platform/deadline-recompute.ts).
import './member/join/join.deadlines.js';
import './hardship/warning.deadlines.js';
import './hardship/file.deadlines.js';
import './honor/honor.deadlines.js';
// Exports that run in the background (platform/export-jobs.ts).
import './member/export/export-job.js';

/** Every domain registers its routes here. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(systemRoutes);
  await app.register(healthRoutes);
  await app.register(rulesRoutes);
  await app.register(exportsRoutes);
  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
  await app.register(auditRoutes);
  await app.register(dashboardRoutes);
  await app.register(memberRoutes);
  await app.register(hardshipRoutes);
  await app.register(joinRoutes);
  await app.register(transferRoutes);
  await app.register(importRoutes);
  await app.register(memberExportRoutes);
  await app.register(planRoutes);
  await app.register(projectRoutes);
  await app.register(backupRoutes);
  await app.register(contractRoutes);
  await app.register(disputeRoutes);
  await app.register(honorRoutes);
  await app.register(competitionRoutes);
  await app.register(studioRoutes);
  await app.register(benefitRoutes);
  await app.register(mutualAidRoutes);
  await app.register(portalRoutes);
}
