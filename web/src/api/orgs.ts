import { api } from './client';
import type { Org, OrgDetail, OrgInput, OrgListParams, OrgSearchHit, OrgTreeNode, Page } from './types';

export const orgApi = {
  list: (p: OrgListParams, signal?: AbortSignal) => api.get<Page<Org>>('/api/orgs', { ...p }, signal),
  treeChildren: (parentId?: string) => api.get<OrgTreeNode[]>('/api/orgs/tree', { parentId }),
  searchTree: (q: string) => api.get<OrgSearchHit[]>('/api/orgs/tree/search', { q }),
  get: (id: string) => api.get<OrgDetail>(`/api/orgs/${id}`),
  create: (parentId: string, input: OrgInput) => api.post<Org>('/api/orgs', { parentId, ...input }),
  update: (id: string, input: OrgInput, version: number) => api.put<Org>(`/api/orgs/${id}`, { ...input, version }),
  move: (id: string, parentId: string, version: number) => api.post<Org>(`/api/orgs/${id}/move`, { parentId, version }),
  deactivate: (id: string, version: number) => api.post<Org>(`/api/orgs/${id}/deactivate`, { version }),
  reactivate: (id: string, version: number) => api.post<Org>(`/api/orgs/${id}/reactivate`, { version }),
};
