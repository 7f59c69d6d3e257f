import { api, request } from './client';
import type { Me } from './types';

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export const authApi = {
  me: () => request<Me>('GET', '/api/auth/me', { quiet401: true }),
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }, { quiet401: true }),
  loginTotp: (code: string) => api.post<{ ok: true }>('/api/auth/login/totp', { code }, { quiet401: true }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout', undefined, { quiet401: true }),
  changePassword: (currentPassword: string, newPassword: string) => api.post<{ ok: true }>('/api/auth/password', { currentPassword, newPassword }),
  totpSetup: () => api.post<TotpSetup>('/api/auth/totp/setup'),
  totpEnable: (code: string) => api.post<{ ok: true }>('/api/auth/totp/enable', { code }),
  totpDisable: (code: string) => api.post<{ ok: true }>('/api/auth/totp/disable', { code }),
};
