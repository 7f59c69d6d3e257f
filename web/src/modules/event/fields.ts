import type { FieldSpec, FilterSpec } from '../../kit';
import { AUDIENCES, EVENT_KINDS } from './vocab';

/** The list's filters: title, kind, organiser's subtree (for who reads the org tree), month. */
export const eventFilters = (withOrg: boolean): (FilterSpec | false)[] => [
  { name: 'q', label: 'event.title' },
  { name: 'kind', label: 'event.kind', kind: 'select', vocab: EVENT_KINDS },
  withOrg && { name: 'under', label: 'event.under', kind: 'org' },
  { name: 'month', label: 'event.month', max: 7 },
];

/** The event form's fields (new and edit): organiser, kind, audience, places, sign-up window, dates. */
export const EVENT_FIELDS: FieldSpec[] = [
  { name: 'orgId', label: 'event.org', kind: 'org', required: true, span: 12 },
  { name: 'title', label: 'event.title', required: true, max: 80, span: 12 },
  { name: 'kind', label: 'event.kind', kind: 'select', vocab: EVENT_KINDS, required: true },
  { name: 'audience', label: 'event.audience', kind: 'select', vocab: AUDIENCES, required: true },
  { name: 'capacity', label: 'event.capacity', kind: 'number', min: 1, max: 100000, required: true },
  { name: 'signupFrom', label: 'event.signupFrom', kind: 'date', required: true, span: 6 },
  { name: 'signupUntil', label: 'event.signupUntil', kind: 'date', required: true, span: 6 },
  { name: 'startsOn', label: 'event.startsOn', kind: 'date', required: true, span: 6 },
  { name: 'endsOn', label: 'event.endsOn', kind: 'date', required: true, span: 6 },
  { name: 'place', label: 'event.place', max: 120, span: 24 },
  { name: 'description', label: 'event.description', kind: 'textarea', max: 2000, span: 24 },
];
