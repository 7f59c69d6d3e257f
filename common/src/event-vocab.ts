/** Union events (活动, docs/events.md): kinds, audiences and the states of a sign-up. */
export const EVENT_KINDS = ['culture', 'sports', 'matchmaking', 'training', 'recuperation'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
type Labels<K extends string> = Record<K, { zh: string; en: string }>;
export const EVENT_KIND_LABELS: Labels<EventKind> = {
  culture: { zh: '文化活动', en: 'Culture' },
  sports: { zh: '体育活动', en: 'Sports' },
  matchmaking: { zh: '婚恋交友', en: 'Matchmaking' },
  training: { zh: '培训讲座', en: 'Training session' },
  recuperation: { zh: '疗休养', en: 'Recuperation' },
};

/** Who may sign up: members of the organiser's subtree, or every worker with a portal account (members or not). */
export const EVENT_AUDIENCES = ['members', 'all_workers'] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_AUDIENCE_LABELS: Labels<EventAudience> = {
  members: { zh: '本工会及下级工会会员', en: 'Members of this union and below' },
  all_workers: { zh: '全体职工（含非会员）', en: 'All workers, members or not' },
};

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const SIGNUP_STATUS_LABELS: Labels<SignupStatus> = {
  confirmed: { zh: '已报名', en: 'Confirmed' },
  waitlisted: { zh: '候补中', en: 'Waitlisted' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Where an event stands on a given China date (derived from its dates, never stored). */
export const EVENT_PHASES = ['upcoming', 'signup_open', 'signup_closed', 'ongoing', 'finished'] as const;
export type EventPhase = (typeof EVENT_PHASES)[number];
export const EVENT_PHASE_LABELS: Labels<EventPhase> = {
  upcoming: { zh: '未开始报名', en: 'Sign-up not open yet' },
  signup_open: { zh: '报名中', en: 'Sign-up open' },
  signup_closed: { zh: '报名截止', en: 'Sign-up closed' },
  ongoing: { zh: '进行中', en: 'Under way' },
  finished: { zh: '已结束', en: 'Finished' },
};

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
