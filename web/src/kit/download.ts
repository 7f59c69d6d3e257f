import type { Endpoint } from '../../../common/src/contracts/kit';
import { ApiError, urlOf } from '../api/client';

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? decodeURIComponent(plain[1]!) : fallback;
}

/**
 * Download a file endpoint (`file: true`: a scan, a receipt, a sheet) with the session cookie and
 * save it under the server's file name. A refusal comes back as the usual JSON error and is thrown
 * as an ApiError, instead of leaving the user on a page of JSON.
 */
export function download<E extends Endpoint>(e: E, input: { params?: Record<string, unknown>; query?: Record<string, unknown> }, fallbackName: string): Promise<string> {
  return downloadUrl(urlOf(e, input), fallbackName);
}

/** The same for a URL of a download route. */
export async function downloadUrl(url: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试', 'Network error; check the connection and try again');
  }
  if (!res.ok) {
    const b = (await res.json().catch(() => ({}))) as { code?: string; message?: string; messageEn?: string; details?: unknown };
    throw new ApiError(res.status, b.code ?? `HTTP_${res.status}`, b.message ?? `下载失败（${res.status}）`, b.messageEn ?? `Download failed (${res.status})`, b.details);
  }
  const name = fileNameOf(res, fallbackName);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}

/** Read a picked file as base64 (no data: prefix), for a JSON upload. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const s = String(r.result ?? '');
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.onerror = () => reject(new ApiError(0, 'READ_FAILED', '读取文件失败', 'Could not read the file'));
    r.readAsDataURL(file);
  });
}
