import { describe, expect, it } from 'vitest';
import { sidebarConfig } from '../../../lib/background/sidebar-config';
import { DEFAULT_SETTINGS, newConnection } from '../../../lib/settings/schema';

describe('what the sidebar learns about the settings', () => {
  it("carries the admin's reason picklist with each connection, and no token", () => {
    const connection = { ...newConnection('acme'), name: 'Acme', storeHash: 'abc123', tokenHint: '9xyz' };
    const push = sidebarConfig({ ...DEFAULT_SETTINGS, connections: [connection], actionReasons: ['Damaged', 'Late'] });
    expect(push.connections.map((c) => c.reasons)).toEqual([['Damaged', 'Late']]);
    expect(JSON.stringify(push)).not.toContain('9xyz');
  });
});
