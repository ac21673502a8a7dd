/**
 * Injected faults: a matching request gets a wrong status (in its API's error shape), broken
 * JSON, JSON of the wrong shape, an empty 204, no answer at all, or a dropped connection —
 * either before the route runs or after it has applied its write (the reply lost, or replaced by
 * an error status: a gateway's 502 after the store did the work).
 */
import { z } from 'zod';
import type { FaultKind, FaultSpec } from './types';

export const FaultSpecSchema = z.object({
  store: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  path: z.string().min(1),
  query: z.string().optional(),
  kind: z.enum([
    'status',
    'malformed-json',
    'wrong-shape',
    'empty-204',
    'hang',
    'drop',
    'apply-then-hang',
    'apply-then-drop',
    'apply-then-status',
  ]),
  status: z.number().int().min(100).max(599).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  times: z.number().int().positive().optional(),
});

/** Kinds that let the request through to its route and only then lose (or replace) the answer. */
export function appliesFirst(kind: FaultKind): kind is 'apply-then-hang' | 'apply-then-drop' | 'apply-then-status' {
  return kind === 'apply-then-hang' || kind === 'apply-then-drop' || kind === 'apply-then-status';
}

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  pattern: RegExp;
  queryPattern: RegExp | null;
  left: number;
}

export class FaultBook {
  private faults: ActiveFault[] = [];
  private counter = 0;

  /** Throws (SyntaxError) when `path` or `query` is not a valid regular expression. */
  add(input: FaultSpec): string {
    const spec = FaultSpecSchema.parse(input);
    const pattern = new RegExp(spec.path);
    const queryPattern = spec.query === undefined ? null : new RegExp(spec.query);
    const id = `fault-${++this.counter}`;
    this.faults.push({ id, spec, pattern, queryPattern, left: spec.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching this request (query: raw, without '?'), counted as used. */
  take(store: string, method: string, path: string, query = ''): FaultSpec | undefined {
    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        (!f.spec.store || f.spec.store === store) &&
        (!f.spec.method || f.spec.method.toUpperCase() === method) &&
        f.pattern.test(path) &&
        (!f.queryPattern || f.queryPattern.test(query)),
    );
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault.spec;
  }
}
