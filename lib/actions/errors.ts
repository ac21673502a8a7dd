/**
 * The actions' own typed errors, and one way to read any thrown error (ours, the BigCommerce
 * client's, anything else) as an ErrorInfo without ever copying a raw body or a credential.
 */
import { ERROR_KINDS, type ErrorInfo, type ErrorKind } from '../messages/error-kinds';

export class ActionError extends Error {
  readonly info: ErrorInfo;
  readonly kind: ErrorKind;
  readonly field: string | undefined;
  constructor(kind: ErrorKind, message: string, field?: string) {
    super(message);
    this.name = 'ActionError';
    this.kind = kind;
    this.field = field;
    this.info = field ? { kind, message, field } : { kind, message };
  }
}

interface ErrorLike {
  kind?: unknown;
  message?: unknown;
  field?: unknown;
  status?: unknown;
  scope?: unknown;
  sent?: unknown;
}

const isKind = (v: unknown): v is ErrorKind => typeof v === 'string' && (ERROR_KINDS as readonly string[]).includes(v);

/** ErrorInfo for anything thrown. BigCommerceError (lib/bigcommerce/errors.ts) is read by shape. */
export function infoOf(error: unknown): ErrorInfo {
  if (error instanceof ActionError) return error.info;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (isKind(e.kind) && typeof e.message === 'string') {
    const info: ErrorInfo = { kind: e.kind, message: e.message };
    if (typeof e.field === 'string') info.field = e.field;
    if (typeof e.status === 'number') info.status = e.status;
    if (typeof e.scope === 'string') info.scope = e.scope;
    return info;
  }
  return { kind: 'unknown', message: 'Something went wrong in the extension. Nothing more is known.' };
}

/** A write whose request left but whose reply never came: it may or may not have happened. */
export function isOutcomeUnknown(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  // Sent and then no clear answer (timeout, dropped connection, a 5xx, an unreadable 2xx): the write may have happened.
  return e.sent === true;
}

/** For the audit log and the agent: why an outcome is unknown, in the words that fit what came back. */
export function unknownOutcomeReason(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (e.kind === 'unavailable' && typeof e.status === 'number')
    return `BigCommerce answered with an error (${e.status}) after the request reached it`;
  return 'BigCommerce did not answer in time';
}

/**
 * For the router's `toErrorInfo`: the actions' own errors ('busy', a refused field…) keep their
 * ErrorInfo; anything else goes to `fallback` (the BigCommerce client's toErrorInfo).
 */
export function withActionErrors(fallback: (error: unknown) => ErrorInfo): (error: unknown) => ErrorInfo {
  return (error) => (error instanceof ActionError ? error.info : fallback(error));
}
