/** The performance targets: reported, never asserted. */

export interface TargetResult {
  name: string;
  /** The target in words, e.g. "≤ 10 kB gzip". */
  target: string;
  /** What was measured, in words ("8.1 kB"), or null when it could not be measured. */
  measured: string | null;
  /** null: not measured this run. */
  met: boolean | null;
}

/** value ≤ limit, or null (not measured) when either is missing. */
export function atMost(value: number | null | undefined, limit: number | null | undefined): boolean | null {
  if (value === null || value === undefined || limit === null || limit === undefined) return null;
  return value <= limit;
}

export function metLabel(met: boolean | null): string {
  return met === null ? 'not measured' : met ? 'met' : 'not met';
}

export function kB(bytes: number | null | undefined): string | null {
  return bytes === null || bytes === undefined ? null : `${(bytes / 1024).toFixed(1)} kB`;
}

export function ms(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : `${Math.round(value * 10) / 10} ms`;
}
