import { describe, expect, it } from 'vitest';
import { createAuditLog, type AuditEntry } from '../../../lib/actions/audit-log';
import { auditToCsv } from '../../../lib/actions/audit-csv';
import { memoryStore } from '../../../lib/core/kv-store';
import { appendNote, staffNoteLine } from '../../../lib/actions/staff-notes';

const entry = (i: number): Omit<AuditEntry, 'id'> => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  agent: 'ana@example.com',
  connectionId: 'main',
  storeName: 'Main',
  orderId: String(100 + i),
  action: 'refund',
  amount: '12.00',
  currency: 'USD',
  result: 'succeeded',
  detail: '',
  reference: `r${i}`,
  actionId: `a${i}`,
});

describe('audit log', () => {
  it('keeps the newest entries up to its bound, newest first, across restarts', async () => {
    const store = memoryStore();
    const log = createAuditLog(store, 3);
    await Promise.all([1, 2, 3, 4, 5].map((i) => log.append(entry(i))));
    const revived = createAuditLog(store, 3);
    expect((await revived.list()).map((e) => e.orderId)).toEqual(['105', '104', '103']);
  });

  it('exports CSV that a spreadsheet cannot run as a formula', () => {
    const csv = auditToCsv([{ ...entry(1), id: 'x', detail: '=HYPERLINK("evil"), "quoted"', amount: '-1.00' }]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('When,Agent,Store,Order,Action,Amount,Currency,Result,BigCommerce reference,Detail,Action id');
    expect(row).toContain(`"'=HYPERLINK(""evil""), ""quoted"""`);
    expect(row).toContain(',-1.00,');
  });
});

describe('staff-notes line', () => {
  it('says what was done, how much and by whom', () => {
    expect(staffNoteLine({ action: 'refund', agent: 'ana@example.com', amount: '12', currency: 'USD' })).toBe(
      'Refunded 12.00 USD via Gladly sidebar by ana@example.com',
    );
    expect(staffNoteLine({ action: 'cancel', agent: 'ana', reason: ' changed\nmind ' })).toBe(
      'Cancelled via Gladly sidebar by ana. Reason: changed mind',
    );
    expect(appendNote('', 'x')).toBe('x');
    expect(appendNote('VIP', 'x')).toBe('VIP\nx');
  });
});
