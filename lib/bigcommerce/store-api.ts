/**
 * The reads a lookup makes (StoreApi), one request per call, normalised. v2 lists answer 204
 * when empty; v3 lists answer `data: []`.
 */
import type { Customer, Fulfillment, Order, StoreRef } from '../core/model';
import type { StoreApi } from '../core/store-ports';
import { phoneVariants } from '../core/phone';
import { BigCommerceError, parseBody } from './errors';
import { normalizeCustomer, normalizeOrder, normalizeShipment } from './normalize';
import type { BigCommerceClient } from './request';
import {
  CustomerGroupSchema,
  CustomerListSchema,
  OrderListSchema,
  OrderSchema,
  ProductListSchema,
  ShipmentListSchema,
} from './schemas';

const CUSTOMERS_READ = 'store_v2_customers_read_only';
const ORDERS_READ = 'store_v2_orders_read_only';
const PRODUCTS_READ = 'store_v2_products_read_only';

/** Line items embedded in every order we fetch (one list call instead of one per order). */
export const ORDER_INCLUDE = { include: 'consignments.line_items', consignment_structure: 'object' } as const;

const CATALOG_PAGE = 250;

const unique = <T>(values: T[]) => [...new Set(values)];

// Group names rarely change: one request per store and group for the life of the background.
const groupNames = new Map<string, Promise<string | null>>();

export function createStoreApi(client: BigCommerceClient, store: StoreRef): StoreApi {
  async function customers(query: Record<string, string>): Promise<Customer[]> {
    const { body } = await client.send({
      method: 'GET',
      path: '/v3/customers',
      query: { ...query, include: 'addresses,storecredit' },
      scope: CUSTOMERS_READ,
    });
    // v3 lists answer `data: []` when empty, never 204: an empty body is not "nobody".
    return parseBody(CustomerListSchema, body, 'customers').data.map((c) => normalizeCustomer(c, store));
  }

  async function orders(query: Record<string, string | number>): Promise<Order[]> {
    const { body } = await client.send({
      method: 'GET',
      path: '/v2/orders',
      query: { ...query, sort: 'date_created:desc', ...ORDER_INCLUDE },
      scope: ORDERS_READ,
    });
    if (body === undefined) return [];
    return parseBody(OrderListSchema, body, 'orders').map((o) => normalizeOrder(o, store));
  }

  return {
    async customersByEmail(emails) {
      const list = unique(emails.map((e) => e.trim()).filter(Boolean));
      return list.length ? customers({ 'email:in': list.join(',') }) : [];
    },

    async customersByPhone(phones) {
      // The server matches the stored text exactly: ask for every common spelling at once.
      const variants = unique(phones.flatMap((p) => phoneVariants(p)).filter((v) => !v.includes(',')));
      return variants.length ? customers({ 'phone:in': variants.join(',') }) : [];
    },

    async customerById(id) {
      if (!/^\d+$/.test(id)) return null;
      const [customer] = await customers({ 'id:in': id });
      return customer ?? null;
    },

    ordersByEmail(email, limit) {
      return orders({ email: email.trim(), limit });
    },

    ordersByCustomerId(customerId, limit) {
      if (!/^\d+$/.test(customerId)) return Promise.resolve([]);
      return orders({ customer_id: customerId, limit });
    },

    async orderById(id) {
      if (!/^\d+$/.test(id)) return null;
      try {
        const { body } = await client.send({
          method: 'GET',
          path: `/v2/orders/${id}`,
          query: { ...ORDER_INCLUDE },
          scope: ORDERS_READ,
        });
        // Only a 404 means "no such order"; an empty answer is unreadable, not absent.
        return normalizeOrder(parseBody(OrderSchema, body, 'an order'), store);
      } catch (error) {
        if (error instanceof BigCommerceError && error.kind === 'not-found') return null;
        throw error;
      }
    },

    async shipments(orderId): Promise<Fulfillment[]> {
      if (!/^\d+$/.test(orderId)) return [];
      const { body } = await client.send({
        method: 'GET',
        path: `/v2/orders/${orderId}/shipments`,
        scope: ORDERS_READ,
      });
      if (body === undefined) return [];
      return parseBody(ShipmentListSchema, body, 'shipments').map(normalizeShipment);
    },

    async productImages(productIds) {
      const ids = unique(productIds.filter((id) => Number.isInteger(id) && id > 0));
      const images = new Map<number, string>();
      for (let start = 0; start < ids.length; start += CATALOG_PAGE) {
        const page = ids.slice(start, start + CATALOG_PAGE);
        const { body } = await client.send({
          method: 'GET',
          path: '/v3/catalog/products',
          query: { 'id:in': page.join(','), include: 'primary_image', include_fields: 'name,sku', limit: CATALOG_PAGE },
          scope: PRODUCTS_READ,
        });
        if (body === undefined) continue;
        for (const product of parseBody(ProductListSchema, body, 'products').data) {
          const url = product.primary_image?.url_thumbnail;
          if (url) images.set(product.id, url);
        }
      }
      return images;
    },

    customerGroupName(groupId) {
      if (!Number.isInteger(groupId) || groupId <= 0) return Promise.resolve(null);
      const key = `${client.storeHash}:${groupId}`;
      let pending = groupNames.get(key);
      if (!pending) {
        pending = (async () => {
          try {
            const { body } = await client.send({
              method: 'GET',
              path: `/v2/customer_groups/${groupId}`,
              scope: CUSTOMERS_READ,
            });
            return body === undefined ? null : parseBody(CustomerGroupSchema, body, 'a customer group').name;
          } catch (error) {
            if (error instanceof BigCommerceError && error.kind === 'not-found') return null;
            throw error;
          }
        })();
        groupNames.set(key, pending);
        // A failure is not remembered: the next lookup asks again.
        pending.catch(() => groupNames.delete(key));
      }
      return pending;
    },
  };
}
