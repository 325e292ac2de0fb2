/**
 * Errors raised by the domain rules.
 *
 * A DomainError carries a stable UPPER_SNAKE `code` (for programs and tests), a Chinese `message`
 * (shown to the user as is), the HTTP `status` the server should answer with, and optionally the
 * form `field` the error belongs to and machine-readable `details`.
 *
 * Status convention: 400 for invalid input (validation), 409 for an action the current state does
 * not allow, 403 for a role that may not act. The constructor defaults to 400.
 */
export interface DomainErrorOptions {
  status?: number;
  field?: string;
  details?: unknown;
}

export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: string, message: string, opts: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.status = opts.status ?? 400;
    if (opts.field !== undefined) this.field = opts.field;
    if (opts.details !== undefined) this.details = opts.details;
  }

  toJSON(): { code: string; message: string; status: number; field?: string; details?: unknown } {
    const out: { code: string; message: string; status: number; field?: string; details?: unknown } = {
      code: this.code,
      message: this.message,
      status: this.status,
    };
    if (this.field !== undefined) out.field = this.field;
    if (this.details !== undefined) out.details = this.details;
    return out;
  }
}

/** Type guard that also works when two copies of this module are bundled (duck typing). */
export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const o = e as { name?: unknown; code?: unknown; status?: unknown };
  return o.name === 'DomainError' && typeof o.code === 'string' && typeof o.status === 'number';
}

/** Shorthand for a 400 validation error bound to a form field. */
export function validationError(code: string, message: string, field?: string, details?: unknown): DomainError {
  const opts: DomainErrorOptions = { status: 400 };
  if (field !== undefined) opts.field = field;
  if (details !== undefined) opts.details = details;
  return new DomainError(code, message, opts);
}

/** Shorthand for a 409 error: the action is not possible in the current state. */
export function stateError(code: string, message: string, details?: unknown, field?: string): DomainError {
  const opts: DomainErrorOptions = { status: 409 };
  if (field !== undefined) opts.field = field;
  if (details !== undefined) opts.details = details;
  return new DomainError(code, message, opts);
}
