/** The audit log as CSV (RFC 4180), safe to open in a spreadsheet. */
import type { AuditEntry } from './audit-log';

const COLUMNS: [keyof AuditEntry, string][] = [
  ['at', 'When'],
  ['agent', 'Agent'],
  ['storeName', 'Store'],
  ['orderId', 'Order'],
  ['action', 'Action'],
  ['amount', 'Amount'],
  ['currency', 'Currency'],
  ['result', 'Result'],
  ['reference', 'BigCommerce reference'],
  ['detail', 'Detail'],
  ['actionId', 'Action id'],
];

function cell(value: string | null): string {
  let text = value ?? '';
  // A cell starting with = + - @ would run as a formula in a spreadsheet; amounts stay numbers.
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditToCsv(entries: AuditEntry[]): string {
  const lines = [COLUMNS.map(([, title]) => title).join(',')];
  for (const entry of entries) lines.push(COLUMNS.map(([key]) => cell(entry[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
