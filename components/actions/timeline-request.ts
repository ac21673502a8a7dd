/**
 * The dialogs' request with the Gladly customer on screen added to every write and status check,
 * so the background can post the action to that customer's timeline. An id that is not a valid
 * Gladly id is left out (the action still works; nothing is posted).
 */
import { GladlyCustomerIdSchema } from '../../lib/messages/sidebar-checks';
import type { ActionRequest } from './shared';

const CARRIES_CUSTOMER = new Set([
  'actions/cancel',
  'actions/cancel-refund',
  'actions/refund',
  'actions/coupon-create',
  'actions/status',
]);

export function withGladlyCustomer(request: ActionRequest, gladlyCustomerId: string | undefined): ActionRequest {
  const valid = GladlyCustomerIdSchema.safeParse(gladlyCustomerId);
  if (!valid.success) return request;
  return ((message) =>
    request(
      CARRIES_CUSTOMER.has(message.type) ? { ...message, gladlyCustomerId: valid.data } : message,
    )) as ActionRequest;
}
