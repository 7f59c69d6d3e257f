/**
 * The one way the web app talks to the server: JSON over fetch with the session cookie, the CSRF
 * token on every state-changing request, and typed errors ({code, message, messageEn, details}).
 * Calls are made with `call(endpoint, input)`: the endpoint is the route's contract in
 * common/src/contracts, so its path, method, input and answer types come from there.
 */
import type { Endpoint, EndpointInput, EndpointOutput } from '../../../common/src/contracts/kit';
import { fillPath } from '../../../common/src/contracts/kit';

export interface FieldIssue {
  path: string;
  message: string;
  messageEn?: string;
}

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly messageZh: string,
    public readonly messageEn: string,
    public readonly details?: unknown,
  ) {
    super(messageEn);
  }

  /** Field-level problems from VALIDATION_FAILED (details.fields) or a conflict naming one field. */
  get fieldIssues(): FieldIssue[] {
    const d = this.details as { fields?: FieldIssue[]; field?: string } | undefined;
    if (d && Array.isArray(d.fields)) return d.fields;
    if (d && typeof d.field === 'string') return [{ path: d.field, message: this.messageZh, messageEn: this.messageEn }];
    return [];
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: ((e: ApiError) => void) | null = null;
let onSignInUnfinished: ((e: ApiError) => void) | null = null;

/** 403 codes meaning "the session must finish a sign-in step first" (see server platform/guard.ts). */
const UNFINISHED_SIGN_IN = new Set(['TOTP_REQUIRED', 'PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROL_REQUIRED']);

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registered by the auth provider: called when a request finds no (or an expired) session. */
export function setUnauthenticatedHandler(handler: ((e: ApiError) => void) | null): void {
  onUnauthenticated = handler;
}

/**
 * Registered by the auth provider: called when the server says the session has a sign-in step to
 * finish (password expired meanwhile, or 2FA just became mandatory), so the UI can show that step.
 */
export function setSignInUnfinishedHandler(handler: ((e: ApiError) => void) | null): void {
  onSignInUnfinished = handler;
}

export type Query = Record<string, unknown>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Do not treat 401 as "session lost" (sign-in forms, where 401 means wrong credentials). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export function toQueryString(query?: Query): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const hasBody = opts.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url + toQueryString(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试', 'Network error; check the connection and try again');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const b = (data ?? {}) as { code?: string; message?: string; messageEn?: string; details?: unknown };
    const err = new ApiError(
      res.status,
      b.code ?? `HTTP_${res.status}`,
      b.message ?? `请求失败（${res.status}）`,
      b.messageEn ?? `Request failed (${res.status})`,
      b.details,
    );
    if (res.status === 401 && !opts.quiet401) onUnauthenticated?.(err);
    if (res.status === 403 && UNFINISHED_SIGN_IN.has(err.code)) onSignInUnfinished?.(err);
    throw err;
  }
  return data as T;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Do not treat 401 as "session lost" (sign-in forms, where 401 means wrong credentials). */
  quiet401?: boolean;
}

/** Whether an endpoint can be called without any input (no path params and no body). */
type NeedsInput<E extends Endpoint> = E extends { params: unknown } ? true : E extends { body: unknown } ? true : false;
type CallArgs<E extends Endpoint> = NeedsInput<E> extends true ? [input: EndpointInput<E>, opts?: CallOptions] : [input?: EndpointInput<E>, opts?: CallOptions];

/** Call one route of a contract: path, method, input and answer are the contract's. */
export function call<E extends Endpoint>(e: E, ...[input, opts]: CallArgs<E>): Promise<EndpointOutput<E>> {
  const i = (input ?? {}) as { params?: Record<string, unknown>; query?: Query; body?: unknown };
  return request<EndpointOutput<E>>(e.method, fillPath(e.path, i.params), { query: i.query, body: i.body, signal: opts?.signal, quiet401: opts?.quiet401 });
}

/** The URL of a GET route with its input (downloads: exports, rosters, receipts), for a link or window.open. */
export function urlOf<E extends Endpoint>(e: E, input?: { params?: Record<string, unknown>; query?: Record<string, unknown> }): string {
  return fillPath(e.path, input?.params) + toQueryString(input?.query);
}
