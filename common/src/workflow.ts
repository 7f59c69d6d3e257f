/**
 * A workflow (state machine) declared as data, shared by the server (which enforces each
 * transition: its states, permission, required fields, the deadline it starts, its audit entry) and
 * the web (which draws the steps and offers the actions the record allows). See
 * server/src/platform/workflow.ts and web/src/kit/Workflow.tsx.
 */
import type { Permission } from './permissions.js';
import type { DeadlineRule } from './deadlines.js';

export interface Label {
  zh: string;
  en: string;
}

export interface StateDef extends Label {
  /** An antd tag colour. */
  color?: string;
  /** A final state: nothing follows it. */
  final?: boolean;
}

export interface TransitionDef<S extends string> extends Label {
  from: readonly S[];
  /** The states it may lead to; the service picks one when there are several (e.g. review → next level or filed). */
  to: readonly S[];
  permission: Permission;
  /** A different permission when the step leaves from these states (a reviewer refuses what a clerk refuses at the first step). */
  permissionFrom?: Partial<Record<S, Permission>>;
  /** Body fields that must be given (non-blank). */
  requires?: readonly string[];
  /** The audit action written for it. */
  audit: string;
  /**
   * The deadline this step starts, stored in the record's `field`; `when`: only when the step leads
   * to one of these states. A service may count it by rule data of its own (`step(…, { rule })`).
   */
  starts?: { field: string; rule: DeadlineRule; when?: readonly S[] };
  /** Deadline fields this step ends (set to null). */
  ends?: readonly string[];
  /** Ask before doing it; `danger` for steps that end or refuse something. */
  confirm?: boolean;
  danger?: boolean;
}

export interface Machine<S extends string = string, A extends string = string> {
  entity: string;
  states: Record<S, StateDef>;
  /** The main path, drawn as steps; states off it (rejected, withdrawn …) are drawn as an end. */
  path: readonly S[];
  transitions: Record<A, TransitionDef<S>>;
}

const declared: Machine[] = [];

/** Declare a machine, keeping its state and action names as literal types. */
export function machine<S extends string, A extends string>(m: Machine<S, A>): Machine<S, A> {
  declared.push(m as unknown as Machine);
  return m;
}

/** The machines declared so far (those of every module the process loaded), e.g. to check that each one's deadlines can be recomputed. */
export function declaredMachines(): readonly Machine[] {
  return declared;
}

/** The actions a record in `state` allows, whatever the caller may do. */
export function actionsFrom<S extends string, A extends string>(m: Machine<S, A>, state: string): A[] {
  return (Object.keys(m.transitions) as A[]).filter((a) => (m.transitions[a].from as readonly string[]).includes(state));
}

/** The permission a transition needs when it leaves from `state`. */
export function permissionFor(t: TransitionDef<string>, state: string): Permission {
  return t.permissionFrom?.[state] ?? t.permission;
}

/** The actions a caller holding `permissions` may take on a record in `state`. */
export function allowedActions<S extends string, A extends string>(m: Machine<S, A>, state: string, permissions: { has(p: Permission): boolean }): A[] {
  return actionsFrom(m, state).filter((a) => permissions.has(permissionFor(m.transitions[a] as TransitionDef<string>, state)));
}

/** The required fields of a transition that `input` leaves blank. */
export function missingFields(t: TransitionDef<string>, input: Record<string, unknown>): string[] {
  return (t.requires ?? []).filter((f) => {
    const v = input[f];
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  });
}
