import { describe, expect, it } from 'vitest';
import { describeError } from '../../../lib/background/errors';
import { BigCommerceError } from '../../../lib/bigcommerce/errors';
import { ActionError } from '../../../lib/actions/errors';
import { NotConfiguredError } from '../../../lib/background/connections';

describe('what a page sees of a background error', () => {
  it('keeps the plain words of our own typed errors', () => {
    expect(describeError(new NotConfiguredError('No access token is saved for "Main".'))).toEqual({
      kind: 'config',
      message: 'No access token is saved for "Main".',
    });
    expect(describeError(new ActionError('busy', 'Another action is running on this order.'))).toMatchObject({
      kind: 'busy',
    });
    expect(
      describeError(new BigCommerceError('scope', 'The token lacks "Orders: modify".', { scope: 'store_v2_orders' })),
    ).toMatchObject({ kind: 'scope' });
  });

  it('never passes on the text of an unexpected error', () => {
    const info = describeError(new TypeError('fetch failed: X-Auth-Token: tok_live_123'));
    expect(info.kind).toBe('unknown');
    expect(JSON.stringify(info)).not.toContain('tok_live_123');
    expect(describeError(Object.assign(new Error('secret tok_live_123'), { kind: 'made-up' })).message).not.toContain(
      'tok_live',
    );
  });
});
