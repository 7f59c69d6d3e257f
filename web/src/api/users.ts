import { api } from './client';
import type { Page, Role, RoleInput, User, UserCreated } from './types';

export interface UserListParams {
  page?: number;
  pageSize?: number;
  q?: string;
  orgId?: string;
  roleId?: string;
  active?: 'true' | 'false' | 'all';
}

export interface UserCreateInput {
  username: string;
  displayName: string;
  orgId: string;
  roleIds: string[];
  password?: string;
}

export interface UserUpdateInput {
  displayName: string;
  orgId: string;
  roleIds: string[];
  active: boolean;
}

export const userApi = {
  list: (p: UserListParams) => api.get<Page<User>>('/api/users', { ...p }),
  create: (input: UserCreateInput) => api.post<UserCreated>('/api/users', input),
  update: (id: string, input: UserUpdateInput, version: number) => api.put<User>(`/api/users/${id}`, { ...input, version }),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
  unlock: (id: string) => api.post<User>(`/api/users/${id}/unlock`),
};

export const roleApi = {
  list: () => api.get<Role[]>('/api/roles'),
  create: (input: RoleInput) => api.post<Role>('/api/roles', input),
  update: (id: string, input: RoleInput, version: number) => api.put<Role>(`/api/roles/${id}`, { ...input, version }),
  remove: (id: string) => api.del<{ ok: true }>(`/api/roles/${id}`),
};
