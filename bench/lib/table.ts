/** Tables for the benchmark's report: Markdown (for the README) and aligned plain text (stderr). */

export type Cell = string | number | null | undefined;

function show(cell: Cell): string {
  if (cell === null || cell === undefined || (typeof cell === 'number' && !Number.isFinite(cell))) return '–';
  return String(cell);
}

/** A GitHub-flavoured Markdown table; pipes inside cells are escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [
    line(headers),
    line(headers.map(() => '---')),
    ...rows.map((row) => line(headers.map((_, i) => show(row[i])))),
  ].join('\n');
}

/** Columns padded to their widest cell, numbers right-aligned. */
export function plainTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const texts = rows.map((row) => headers.map((_, i) => show(row[i])));
  const widths = headers.map((h, i) => Math.max(h.length, ...texts.map((r) => r[i]!.length)));
  const numeric = headers.map(
    (_, i) =>
      rows.length > 0 && rows.every((row) => typeof row[i] === 'number' || row[i] === null || row[i] === undefined),
  );
  const pad = (text: string, i: number) => (numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  return [
    headers.map(pad).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...texts.map((r) => r.map(pad).join('  ')),
  ].join('\n');
}
