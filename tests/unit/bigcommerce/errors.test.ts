import { describe, expect, it } from 'vitest';
import { apiErrorMessage, errorForStatus, parseBody } from '../../../lib/bigcommerce/errors';
import { z } from 'zod';

describe('BigCommerce error shapes', () => {
  it('reads every documented shape', () => {
    expect(apiErrorMessage([{ status: 404, message: 'The requested resource was not found.' }])).toEqual({
      message: 'The requested resource was not found.',
    });
    expect(apiErrorMessage({ status: 422, title: 'Invalid', errors: { code: 'is taken', name: 'too long' } })).toEqual({
      message: 'code: is taken; name: too long',
      field: 'code',
    });
    expect(apiErrorMessage({ errors: [{ status: 400, title: 'Bad group', type: 'x' }] })).toEqual({
      message: 'Bad group',
    });
    expect(apiErrorMessage({ status: '400', title: 'Bad Request', type: 'x', detail: 'name is required' })).toEqual({
      message: 'Bad Request: name is required',
    });
    expect(apiErrorMessage({ data: [{ order_id: 1, status: 503, error: 'Tax service gone away' }], meta: {} })).toEqual(
      {
        message: 'Tax service gone away',
      },
    );
    expect(apiErrorMessage(undefined)).toEqual({});
    expect(apiErrorMessage('<html>')).toEqual({});
  });

  it('keeps a long message short', () => {
    const error = errorForStatus(422, [{ status: 422, message: 'x'.repeat(2000) }], undefined);
    expect(error.message.length).toBeLessThanOrEqual(300);
  });

  it('a 400 is a refused request in BigCommerce’s words', () => {
    expect(errorForStatus(400, [{ status: 400, message: 'The field code is invalid.' }], undefined)).toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('The field code is invalid.'),
    });
  });

  it('a body of the wrong shape is malformed, naming where', () => {
    expect(() => parseBody(z.object({ id: z.number() }), { id: 'x' }, 'an order')).toThrow(/an order.*\(at id\)/);
  });
});
