import { api } from './client';
import type { SecuritySettings } from '../../../common/src/security-settings';
import type { AuditEntry, AuditVerifyResult, Meta, OrgFigures, Page } from './types';

export interface AuditListParams {
  page?: number;
  pageSize?: number;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  result?: 'ok' | 'denied' | 'failed';
  from?: string;
  to?: string;
}

export const systemApi = {
  meta: () => api.get<Meta>('/api/meta'),
  dashboardOrgs: () => api.get<OrgFigures>('/api/dashboard/orgs'),
  audit: (p: AuditListParams) => api.get<Page<AuditEntry>>('/api/audit', { ...p }),
  verifyAudit: () => api.get<AuditVerifyResult>('/api/audit/verify'),
  securitySettings: () => api.get<SecuritySettings>('/api/settings/security'),
  saveSecuritySettings: (s: SecuritySettings) => api.put<SecuritySettings>('/api/settings/security', s),
};
