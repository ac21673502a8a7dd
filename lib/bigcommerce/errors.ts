/**
 * Typed BigCommerce failures with sentences a person understands. Nothing here ever holds the
 * access token or a raw response body: only BigCommerce's own short message, when it sent one.
 */
import { i18n } from '../core/i18n';
import { ZodError, type ZodType } from 'zod';
import type { ErrorInfo } from '../messages/common';
import { scopeLabel } from './scopes';

export type BigCommerceErrorKind =
  | 'auth'
  | 'scope'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'offline'
  | 'malformed';

export interface BigCommerceErrorDetails {
  status?: number;
  /** The OAuth scope the call needs (for 403). */
  scope?: string;
  /** The request field BigCommerce complained about (for 422). */
  field?: string;
  /** For a write that timed out: the request left, so its outcome is unknown. */
  sent?: boolean;
}

export class BigCommerceError extends Error {
  override readonly name = 'BigCommerceError';
  readonly kind: BigCommerceErrorKind;
  readonly status: number | undefined;
  readonly scope: string | undefined;
  readonly field: string | undefined;
  readonly sent: boolean | undefined;

  constructor(kind: BigCommerceErrorKind, message: string, details: BigCommerceErrorDetails = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status;
    this.scope = details.scope;
    this.field = details.field;
    this.sent = details.sent;
  }
}

const MAX_MESSAGE = 300;

const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** The first human message in one error entry ({title} / {message} / {error} / {detail}). */
function entryMessage(entry: unknown): string | undefined {
  if (typeof entry === 'string') return text(entry);
  if (!isRecord(entry)) return undefined;
  return text(entry.message) ?? text(entry.title) ?? text(entry.error) ?? text(entry.detail);
}

/**
 * BigCommerce's own message (and field) from any of its error shapes: v2 `[{status, message}]`,
 * v3 `{title, errors: {field: message}}`, refunds `{data: [{title}|{error}]}`, promotions
 * `{errors: [{title}]}`, or `{title, detail}`.
 */
export function apiErrorMessage(body: unknown): { message?: string; field?: string } {
  if (Array.isArray(body)) {
    const messages = body.map(entryMessage).filter((m): m is string => Boolean(m));
    return messages.length ? { message: messages.join(' ') } : {};
  }
  if (!isRecord(body)) return {};
  const { errors, data } = body;
  if (isRecord(errors)) {
    const entries = Object.entries(errors).filter(([, v]) => entryMessage(v));
    const first = entries[0];
    if (first) {
      const message = entries.map(([field, v]) => `${field}: ${entryMessage(v)}`).join('; ');
      return { message, field: first[0] };
    }
  }
  if (Array.isArray(errors) || Array.isArray(data)) {
    const list = (Array.isArray(errors) ? errors : data) as unknown[];
    const messages = list.map(entryMessage).filter((m): m is string => Boolean(m));
    if (messages.length) return { message: messages.join(' ') };
  }
  const own = text(body.detail) && text(body.title) ? `${text(body.title)}: ${text(body.detail)}` : entryMessage(body);
  return own ? { message: own } : {};
}

/** What the request was, for reading its failure status. */
export interface StatusContext {
  /** The request may change something (a non-GET that is not a quote). */
  write?: boolean;
  /** The answer carried Retry-After / X-Retry-After. */
  retryAfter?: boolean;
}

/**
 * A 5xx to a write that reached the store says nothing about whether the write was made: a gateway
 * (502, 504) or a crash after the change (500) answers the same way. Only a 503 with Retry-After
 * says the store turned the request away unprocessed.
 */
export function writeOutcomeUnknown(status: number, context: StatusContext): boolean {
  if (!context.write || status < 500) return false;
  return !(status === 503 && context.retryAfter);
}

/** The error for an HTTP failure status. `scope` is what the call needs, for a 403's message. */
export function errorForStatus(
  status: number,
  body: unknown,
  scope: string | undefined,
  context: StatusContext = {},
): BigCommerceError {
  const api = apiErrorMessage(body);
  if (status === 401) {
    return new BigCommerceError('auth', i18n.t('sidebarErrors.auth'), {
      status,
    });
  }
  if (status === 403) {
    const message = scope
      ? i18n.t('sidebarErrors.scopeNeeds', [scopeLabel(scope), scope])
      : i18n.t('sidebarErrors.scope');
    return new BigCommerceError('scope', message, {
      status,
      scope,
    });
  }
  if (status === 404) {
    return new BigCommerceError('not-found', i18n.t('sidebarErrors.notFound'), { status });
  }
  if (status === 429) {
    return new BigCommerceError('rate-limited', i18n.t('sidebarErrors.rateLimited'), {
      status,
    });
  }
  if (writeOutcomeUnknown(status, context)) {
    return new BigCommerceError('unavailable', i18n.t('sidebarErrors.writeUnknown', [status]), { status, sent: true });
  }
  if (status >= 500) {
    return new BigCommerceError('unavailable', i18n.t('sidebarErrors.unavailable', [status]), {
      status,
    });
  }
  const message = api.message
    ? clip(i18n.t('sidebarErrors.refusedWhy', [api.message]))
    : i18n.t('sidebarErrors.refused', [status]);
  return new BigCommerceError('validation', message, { status, ...(api.field ? { field: api.field } : {}) });
}

/** What a page may be told about any error: a kind, a sentence, never a token or a body. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof BigCommerceError) {
    return {
      kind: error.kind,
      message: error.message,
      ...(error.scope ? { scope: error.scope } : {}),
      ...(error.field ? { field: error.field } : {}),
      ...(error.status !== undefined ? { status: error.status } : {}),
    };
  }
  if (error instanceof ZodError) {
    return {
      kind: 'malformed',
      message: i18n.t('sidebarErrors.malformed'),
    };
  }
  return { kind: 'unknown', message: i18n.t('sidebarErrors.unknown') };
}

/** A response body checked against its schema; a mismatch is a 'malformed' error naming what was read. */
export function parseBody<T>(schema: ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join('.') ?? '';
  throw new BigCommerceError(
    'malformed',
    i18n.t('sidebarErrors.malformedWhat', [what, where ? i18n.t('sidebarErrors.malformedAt', [where]) : '']),
  );
}
