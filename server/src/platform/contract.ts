/** The shared pieces of request/response schemas now live in the contract kit (common/src/contracts/kit.ts). */
import { ErrorSchema } from '../../../common/src/contracts/kit.js';
export { ErrorSchema, IdParams, PageQuery, pageOf, cappedPageOf, OkSchema, isoDate, version, fen } from '../../../common/src/contracts/kit.js';

/** Standard error responses, so the OpenAPI document lists them. */
export const errorResponses = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema } as const;
