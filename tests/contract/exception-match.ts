import type { Violation, Where } from './openapi';

// How a listed exception is matched against violations. The list itself is exceptions.ts.

export interface SpecException {
  id: string;
  /** Spec operations, e.g. `GET /v2/orders/{order_id}` (see Violation.operation). */
  operations: readonly string[];
  where: Where;
  /** JSON pointers (parameter name first for parameters); `*` stands for exactly one segment. */
  pointers: readonly string[];
  /** ajv keyword, or one of ours: status, required, undocumented, contentType, json. */
  keyword: string;
  /** Why the spec is wrong or why we depart from it, in plain words. */
  reason: string;
  /** Where the truth comes from: a real payload, a notes section, a third-party report. */
  evidence: string;
  /** Real payload files that show this difference; each must show every listed pointer. */
  realPayloads?: readonly string[];
  /** The sandbox answers in this shape on purpose: the sandbox run must show it at least once. */
  sandbox?: boolean;
}

/**
 * A schema combinator the spec gets wrong, corrected before validation (more precise than
 * excusing every violation at a pointer). Loading fails if the target no longer exists.
 */
export interface SpecFix {
  id: string;
  /** Spec file, relative to bigcommerce-openapi/. */
  file: string;
  /** JSON pointer to the schema inside that file, e.g. `/components/schemas/ItemsRefund`. */
  schema: string;
  keyword: 'oneOf';
  becomes: 'anyOf';
  reason: string;
  evidence: string;
  /** A valid message the unfixed spec rejects: proves the fix is still needed. */
  sample: FixSample;
}

export type FixSample =
  | { method: string; url: string; requestBody: unknown }
  | { method: string; url: string; status: number; responseBody: unknown };

export interface UndocumentedRoute {
  /** Hono route path after `/stores/:hash` (or the whole path); `*` ends a prefix. */
  path: string;
  reason: string;
}

export function pointerMatches(pattern: string, pointer: string): boolean {
  const want = pattern.split('/');
  const got = pointer.split('/');
  return want.length === got.length && want.every((segment, i) => segment === '*' || segment === got[i]);
}

/** `${exception id}#${pointer index}`: which listed pointer explained a violation. */
export type ExceptionHit = `${string}#${number}`;

export function findException(
  violation: Violation,
  exceptions: readonly SpecException[],
): { exception: SpecException; hit: ExceptionHit } | undefined {
  for (const exception of exceptions) {
    if (exception.where !== violation.where || exception.keyword !== violation.keyword) continue;
    if (!exception.operations.includes(violation.operation)) continue;
    const index = exception.pointers.findIndex((p) => pointerMatches(p, violation.pointer));
    if (index >= 0) return { exception, hit: `${exception.id}#${index}` };
  }
  return undefined;
}

export interface Explained {
  unexplained: Violation[];
  hits: Set<ExceptionHit>;
}

export function explain(violations: readonly Violation[], exceptions: readonly SpecException[]): Explained {
  const unexplained: Violation[] = [];
  const hits = new Set<ExceptionHit>();
  for (const violation of violations) {
    const found = findException(violation, exceptions);
    if (found) hits.add(found.hit);
    else unexplained.push(violation);
  }
  return { unexplained, hits };
}

export function formatViolation(v: Violation): string {
  return `${v.operation} ${v.where} ${v.pointer || '(root)'} [${v.keyword}]: ${v.message}`;
}
