/**
 * A small, typed state machine built from data.
 *
 * Each machine lists its states (with zh/en labels and an antd Tag colour) and its transitions
 * (from-states, to-state, the roles that may perform it, whether a reason is required, and the
 * zh/en button label). The machine does not know about organisations or ownership: the server
 * checks who owns a record; the machine only answers "may this action happen in this state".
 *
 * Methods accept plain strings as well as the typed names, because states come from the database
 * and actions from URLs; unknown values are refused, never trusted.
 */
import { DomainError } from './errors';
import type { Role } from './roles';
import { ROLE_LABELS } from './roles';

export type Lang = 'zh-CN' | 'en-US';
export const DEFAULT_LANG: Lang = 'zh-CN';

/** Longest accepted reason (reject, refuse, fail …), in characters after trimming. */
export const REASON_MAX_LENGTH = 500;

export interface StateSpec {
  readonly zh: string;
  readonly en: string;
  /** antd Tag colour (preset or status colour). */
  readonly color: string;
}

export interface TransitionSpec<S extends string = string> {
  readonly from: readonly S[];
  readonly to: S;
  readonly by: readonly Role[];
  /** true: a non-blank reason is required. */
  readonly reason?: boolean;
  /** Button label. */
  readonly zh: string;
  readonly en: string;
}

export interface MachineSpec<S extends string, T extends string> {
  readonly name: string;
  readonly states: { readonly [K in S]: StateSpec };
  readonly transitions: { readonly [K in T]: TransitionSpec<NoInfer<S>> };
}

/** A typed name that still accepts any string (keeps editor completion). */
export type Loose<K extends string> = K | (string & {});

export interface NextOptions {
  reason?: string | null;
  /** When given, the role must be one of the transition's `by` roles (else 403 ROLE_NOT_ALLOWED). */
  role?: Loose<Role> | null;
}

export interface Machine<S extends string = string, T extends string = string> {
  readonly name: string;
  readonly states: { readonly [K in S]: StateSpec };
  readonly transitions: { readonly [K in T]: TransitionSpec<S> };
  /** State names in declaration order. */
  readonly stateNames: readonly S[];
  /** Transition names in declaration order. */
  readonly transitionNames: readonly T[];
  isState(v: unknown): v is S;
  isTransition(v: unknown): v is T;
  /** May `transition` happen from `from` (and, if given, by `role`)? */
  can(transition: Loose<T>, from: Loose<S>, role?: Loose<Role> | null): boolean;
  /**
   * The state after `transition` from `from`. Throws DomainError:
   * UNKNOWN_TRANSITION (400), ROLE_NOT_ALLOWED (403, only when opts.role is given),
   * INVALID_TRANSITION (409), REASON_REQUIRED (400, field 'reason'), REASON_TOO_LONG (400).
   */
  next(transition: Loose<T>, from: Loose<S>, opts?: NextOptions): S;
  /** Transitions possible from `from`, optionally only those `role` may perform, in declaration order. */
  allowed(from: Loose<S>, role?: Loose<Role> | null): T[];
  requiresReason(transition: Loose<T>): boolean;
  /** State label; an unknown state is returned as is. */
  label(state: Loose<S>, lang?: Lang): string;
  /** antd Tag colour of a state ('default' when unknown). */
  color(state: Loose<S>): string;
  /** Button label of a transition; an unknown transition is returned as is. */
  actionLabel(transition: Loose<T>, lang?: Lang): string;
}

function has(o: object, k: unknown): boolean {
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k);
}

/** Trimmed reason, or null when blank. */
export function normaliseReason(reason: unknown): string | null {
  if (typeof reason !== 'string') return null;
  const t = reason.trim();
  return t === '' ? null : t;
}

export function defineMachine<const S extends string, const T extends string>(spec: MachineSpec<S, T>): Machine<S, T> {
  const states = spec.states as { readonly [K in S]: StateSpec };
  const transitions = spec.transitions as { readonly [K in T]: TransitionSpec<S> };
  const stateNames = Object.keys(states) as S[];
  const transitionNames = Object.keys(transitions) as T[];

  // Fail fast on a malformed definition (a typo in a from/to list).
  for (const t of transitionNames) {
    const tr = transitions[t];
    for (const f of [...tr.from, tr.to]) {
      if (!has(states, f)) throw new Error(`machine ${spec.name}: transition ${t} names unknown state ${f}`);
    }
  }

  const isState = (v: unknown): v is S => has(states, v);
  const isTransition = (v: unknown): v is T => has(transitions, v);
  const pick = (l: StateSpec | TransitionSpec<S>, lang?: Lang): string => (lang === 'en-US' ? l.en : l.zh);

  const label = (state: Loose<S>, lang: Lang = DEFAULT_LANG): string => (isState(state) ? pick(states[state], lang) : String(state));
  const actionLabel = (transition: Loose<T>, lang: Lang = DEFAULT_LANG): string =>
    isTransition(transition) ? pick(transitions[transition], lang) : String(transition);

  const roleOk = (tr: TransitionSpec<S>, role: Loose<Role> | null | undefined): boolean =>
    role === undefined || role === null || (tr.by as readonly string[]).includes(role);

  const can = (transition: Loose<T>, from: Loose<S>, role?: Loose<Role> | null): boolean => {
    if (!isTransition(transition) || !isState(from)) return false;
    const tr = transitions[transition];
    return (tr.from as readonly string[]).includes(from) && roleOk(tr, role);
  };

  const next = (transition: Loose<T>, from: Loose<S>, opts: NextOptions = {}): S => {
    if (!isTransition(transition)) {
      throw new DomainError('UNKNOWN_TRANSITION', `未知的操作“${String(transition)}”`, {
        status: 400,
        details: { machine: spec.name, transition },
      });
    }
    const tr = transitions[transition];
    if (!roleOk(tr, opts.role)) {
      const who = opts.role && has(ROLE_LABELS, opts.role) ? ROLE_LABELS[opts.role as Role].zh : String(opts.role);
      throw new DomainError('ROLE_NOT_ALLOWED', `${who}不能执行“${tr.zh}”操作`, {
        status: 403,
        details: { machine: spec.name, transition, role: opts.role, by: tr.by },
      });
    }
    if (!isState(from) || !(tr.from as readonly string[]).includes(from)) {
      throw new DomainError('INVALID_TRANSITION', `当前状态为“${label(from)}”，不能执行“${tr.zh}”操作`, {
        status: 409,
        details: { machine: spec.name, transition, from, allowedFrom: tr.from },
      });
    }
    if (tr.reason) {
      const r = normaliseReason(opts.reason);
      if (r === null) {
        throw new DomainError('REASON_REQUIRED', `请填写${tr.zh}理由`, { status: 400, field: 'reason' });
      }
      if (r.length > REASON_MAX_LENGTH) {
        throw new DomainError('REASON_TOO_LONG', `理由不能超过${REASON_MAX_LENGTH}个字`, { status: 400, field: 'reason' });
      }
    }
    return tr.to;
  };

  const allowed = (from: Loose<S>, role?: Loose<Role> | null): T[] => transitionNames.filter((t) => can(t, from, role));

  const requiresReason = (transition: Loose<T>): boolean => (isTransition(transition) ? transitions[transition].reason === true : false);

  const color = (state: Loose<S>): string => (isState(state) ? states[state].color : 'default');

  return Object.freeze({
    name: spec.name,
    states,
    transitions,
    stateNames,
    transitionNames,
    isState,
    isTransition,
    can,
    next,
    allowed,
    requiresReason,
    label,
    color,
    actionLabel,
  });
}

/** State name union of a machine. */
export type StateOf<M> = M extends Machine<infer S, string> ? S : never;
/** Transition name union of a machine. */
export type TransitionOf<M> = M extends Machine<string, infer T> ? T : never;
