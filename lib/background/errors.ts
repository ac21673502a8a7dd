/**
 * One place that turns anything thrown in the background into what a page may see: a kind and
 * a plain sentence. Our own typed errors (BigCommerce, actions, settings, vault, Gladly) carry
 * messages written for people; anything else becomes a generic sentence, so a stray message
 * (which could quote a header or a body) never leaves the background.
 */
import { ERROR_KINDS, type ErrorInfo, type ErrorKind } from '../messages/common';
import { toErrorInfo as bigCommerceErrorInfo, BigCommerceError } from '../bigcommerce/errors';
import { ActionError } from '../actions/errors';
import { TeamServiceError } from '../team/client';

const KINDS = new Set<string>(ERROR_KINDS);

export function describeError(error: unknown): ErrorInfo {
  if (error instanceof ActionError) return error.info;
  // The team service's own ErrorInfo (the contract keeps it free of secrets), or ours about it.
  if (error instanceof TeamServiceError) return error.info;
  if (error instanceof BigCommerceError) return bigCommerceErrorInfo(error);
  if (error instanceof Error && KINDS.has((error as { kind?: string }).kind ?? '')) {
    const { kind, field } = error as Error & { kind: ErrorKind; field?: unknown };
    return { kind, message: error.message, ...(typeof field === 'string' ? { field } : {}) };
  }
  return bigCommerceErrorInfo(error);
}
