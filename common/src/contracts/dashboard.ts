/** The dashboard (首页): figures of the caller's part of the union, each section from its own route. */
import { z } from 'zod';
import { endpoints } from './kit.js';

const Count = z.object({ key: z.string().nullable(), n: z.number() });

/** Organisations in scope: totals, committees without a chair or due for election, and each child's share. */
export const OrgFiguresSchema = z.object({
  totalOrgs: z.number(),
  grassroots: z.number(),
  withoutChair: z.number(),
  termExpiring: z.number(),
  termExpired: z.number(),
  employees: z.number(),
  /** The re-election window of the committee-term rule in force (`termExpiring` counts the terms ending within it). */
  termReminderDays: z.number(),
  byLevel: z.array(Count),
  byKind: z.array(Count),
  byChild: z.array(z.object({ id: z.string(), name: z.string(), grassroots: z.number(), withoutChair: z.number(), termDue: z.number() })),
});

export const dashboardApi = endpoints('首页 dashboard', {
  orgs: {
    method: 'GET',
    path: '/api/dashboard/orgs',
    access: 'dashboard.read',
    summary: '组织概况（本人管辖范围）/ organisation figures in scope',
    response: OrgFiguresSchema,
  },
});

export type OrgFigures = z.infer<typeof OrgFiguresSchema>;
