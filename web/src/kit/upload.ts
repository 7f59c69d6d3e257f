/**
 * Uploads to a `multipart: true` endpoint (rosters, attachments): the JSON client cannot send
 * multipart, so this request carries the session's CSRF token itself and answers like call():
 * the endpoint's output, or an ApiError.
 */
import { useCallback } from 'react';
import type { Endpoint, EndpointOutput } from '../../../common/src/contracts/kit';
import { fillPath } from '../../../common/src/contracts/kit';
import { ApiError } from '../api/client';
import { useAuth } from '../app/auth-context';

export interface UploadInput {
  params?: Record<string, unknown>;
  /** Text fields, sent before the file (the server reads the parts in order). */
  fields?: Record<string, string>;
  file: File;
  /** The file part's name (default `file`). */
  fileField?: string;
}

/** Send one file with its fields to a multipart endpoint. */
export async function upload<E extends Endpoint>(e: E, input: UploadInput, csrfToken: string | undefined): Promise<EndpointOutput<E>> {
  const form = new FormData();
  for (const [k, v] of Object.entries(input.fields ?? {})) form.append(k, v);
  form.append(input.fileField ?? 'file', input.file, input.file.name);
  let res: Response;
  try {
    res = await fetch(fillPath(e.path, input.params), {
      method: e.method, body: form, credentials: 'same-origin', headers: { Accept: 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试', 'Network error; check the connection and try again');
  }
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string; messageEn?: string; details?: unknown };
  if (!res.ok) {
    throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `上传失败（${res.status}）`, body.messageEn ?? `Upload failed (${res.status})`, body.details);
  }
  return body as EndpointOutput<E>;
}

/** upload() with the signed-in session's CSRF token. */
export function useUpload() {
  const { me } = useAuth();
  const token = me?.csrfToken;
  return useCallback(<E extends Endpoint>(e: E, input: UploadInput) => upload(e, input, token), [token]);
}
