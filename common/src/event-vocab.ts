/** Union events (活动, docs/events.md): kinds, audiences and the states of a sign-up. */
export const EVENT_KINDS = ['culture', 'sports', 'matchmaking', 'training', 'recuperation'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, [string, string]> = {
  culture: ['文化活动', 'Culture'],
  sports: ['体育活动', 'Sports'],
  matchmaking: ['婚恋交友', 'Matchmaking'],
  training: ['培训讲座', 'Training session'],
  recuperation: ['疗休养', 'Recuperation'],
};

/** Who may sign up: members of the organiser's subtree, or every worker with a portal account (members or not). */
export const EVENT_AUDIENCES = ['members', 'all_workers'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** Where an event stands on a given China date (derived from its dates, never stored). */
export const EVENT_PHASES = ['upcoming', 'signup_open', 'signup_closed', 'ongoing', 'finished'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];

export function eventPhase(e: { signupFrom: string; signupUntil: string; startsOn: string; endsOn: string }, today: string): EventPhase {
  if (today > e.endsOn) return 'finished';
  if (today >= e.startsOn) return 'ongoing';
  if (today < e.signupFrom) return 'upcoming';
  if (today <= e.signupUntil) return 'signup_open';
  return 'signup_closed';
}

/** The district of an org path ("/city/district/…/"): the second id, or null for the city itself. */
export function districtIdOfPath(path: string): string | null {
  return path.split('/').filter(Boolean)[1] ?? null;
}
