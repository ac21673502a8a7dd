import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { AuditLogSection } from '../../../components/options/AuditLogSection';
import type { AuditEntry } from '../../../lib/actions/audit-log';

const entry = (i: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `e${i}`,
  at: new Date(Date.UTC(2026, 10, 24, 10, i)).toISOString(),
  agent: 'ana@example.com',
  connectionId: 'main',
  storeName: 'Main store',
  orderId: String(100 + i),
  action: 'refund',
  amount: '12.00',
  currency: 'USD',
  result: 'succeeded',
  detail: '',
  reference: `r${i}`,
  actionId: `a${i}`,
  ...overrides,
});

describe('audit log section', () => {
  it('lists what agents did, in plain words', async () => {
    render(
      <AuditLogSection
        load={async () => [
          entry(2, {
            result: 'failed',
            detail: 'The token lacks Orders: modify.',
            action: 'cancel',
            amount: null,
            currency: null,
          }),
          entry(1),
        ]}
      />,
    );
    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('Cancel');
    expect(rows[1]?.textContent).toContain('Failed');
    expect(rows[1]?.textContent).toContain('The token lacks Orders: modify.');
    expect(rows[2]?.textContent).toContain('12.00 USD');
    expect(rows[2]?.textContent).toContain('r1');
  });

  it('writes dates and amounts the way the locale does (German here)', async () => {
    render(<AuditLogSection locale="de-DE" load={async () => [entry(1, { amount: '1234.500', currency: 'KWD' })]} />);
    const rows = await screen.findAllByRole('row');
    expect(rows[1]?.textContent).toContain('1.234,500 KWD');
    expect(rows[1]?.querySelector('time')?.textContent).toMatch(/^24\.11\.2026, \d\d:01$/);
  });

  it('exports the log as CSV', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:x';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<AuditLogSection load={async () => [entry(1)]} />);
    await screen.findAllByRole('row');
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect(click).toHaveBeenCalled();
    const text = await created[0]!.text();
    expect(text.split('\r\n')[1]).toBe(
      '2026-11-24T10:01:00.000Z,ana@example.com,Main store,101,refund,12.00,USD,succeeded,r1,,a1',
    );
  });

  it('says when the log cannot be read', async () => {
    render(<AuditLogSection load={async () => Promise.reject(new Error('The audit log could not be read.'))} />);
    expect((await screen.findByRole('alert')).textContent).toBe('The audit log could not be read.');
  });
});
