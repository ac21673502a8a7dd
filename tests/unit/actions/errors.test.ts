import { describe, expect, it } from 'vitest';
import { ActionError, infoOf, isOutcomeUnknown, withActionErrors } from '../../../lib/actions/errors';
import { BigCommerceError, toErrorInfo } from '../../../lib/bigcommerce/errors';

describe('action errors', () => {
  it('reach the page with their kind and field through the router', () => {
    const toInfo = withActionErrors(toErrorInfo);
    expect(toInfo(new ActionError('busy', 'Another action on this order is still running.'))).toEqual({
      kind: 'busy',
      message: 'Another action on this order is still running.',
    });
    expect(toInfo(new ActionError('validation', 'At most 1.', 'line:11'))).toMatchObject({ field: 'line:11' });
    expect(toInfo(new BigCommerceError('scope', 'Needs Orders: modify.', { scope: 'store_v2_orders' }))).toMatchObject({
      kind: 'scope',
      scope: 'store_v2_orders',
    });
  });

  it('read the BigCommerce client errors, and tell a lost reply from a refusal', () => {
    const lost = new BigCommerceError('timeout', 'No answer.', { sent: true });
    expect(isOutcomeUnknown(lost)).toBe(true);
    expect(isOutcomeUnknown(new BigCommerceError('timeout', 'No answer.'))).toBe(false);
    expect(isOutcomeUnknown(new BigCommerceError('validation', 'No.', { status: 422 }))).toBe(false);
    expect(infoOf(new BigCommerceError('validation', 'No.', { status: 422, field: 'items' }))).toEqual({
      kind: 'validation',
      message: 'No.',
      field: 'items',
      status: 422,
    });
    expect(infoOf(new TypeError('secret token abc'))).toEqual({
      kind: 'unknown',
      message: expect.not.stringContaining('token'),
    });
  });
});
