/** Typed application errors: a stable code, an HTTP status, a zh-CN and an English message. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly zh: string,
    public readonly en: string,
    public readonly details?: unknown,
  ) {
    super(en);
  }
}

export const errors = {
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', '请先登录', 'Please sign in'),
  sessionExpired: () => new AppError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录', 'The session has expired; please sign in again'),
  forbidden: (what?: string) =>
    new AppError(403, 'FORBIDDEN', what ? `没有权限：${what}` : '没有权限执行此操作', what ? `Not permitted: ${what}` : 'You are not permitted to do this'),
  outOfScope: () => new AppError(403, 'OUT_OF_SCOPE', '该数据不在您的管辖范围内', 'This record is outside your data scope'),
  notFound: (zhWhat = '记录', enWhat = 'record') => new AppError(404, 'NOT_FOUND', `${zhWhat}不存在`, `The ${enWhat} does not exist`),
  conflict: (zh: string, en: string, details?: unknown) => new AppError(409, 'CONFLICT', zh, en, details),
  versionConflict: () => new AppError(409, 'VERSION_CONFLICT', '该记录已被他人修改，请刷新后重试', 'Someone else changed this record; reload and try again'),
  invalid: (zh: string, en: string, details?: unknown) => new AppError(400, 'INVALID_INPUT', zh, en, details),
  csrf: () => new AppError(403, 'CSRF_FAILED', '安全校验失败，请刷新页面后重试', 'Security token missing or wrong; reload the page'),
};

export function errorBody(e: AppError) {
  return { code: e.code, message: e.zh, messageEn: e.en, ...(e.details === undefined ? {} : { details: e.details }) };
}
