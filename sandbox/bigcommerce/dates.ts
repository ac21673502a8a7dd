/** v2 speaks RFC 2822 ("Wed, 10 Jan 2018 21:05:30 +0000"), v3 speaks ISO 8601. */
export function toRfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses an RFC 2822 or ISO 8601 date query value; null when it is neither. */
export function parseDateParam(value: string): number | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}
