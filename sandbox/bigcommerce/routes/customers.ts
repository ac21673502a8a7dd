/** v3 customers (+ addresses) and v2 customer groups. */
import { toRfc2822 } from '../dates';
import { fail } from '../errors';
import { pagination, v3Address, v3Customer } from '../serialize';
import { idList, intParam, listParam, pathId, query, type SandboxApp, type SandboxContext } from './common';

const INCLUDES = new Set(['addresses', 'storecredit', 'attributes', 'formfields', 'shopper_profile_id', 'segment_ids']);

function paging(c: SandboxContext, params: URLSearchParams): { page: number; limit: number } | Response {
  const page = intParam(params, 'page');
  const limit = intParam(params, 'limit');
  if (page === null || page === 0) return fail(c, 422, 'Invalid page.', { page: 'must be a positive integer' });
  if (limit === null || limit === 0 || (limit ?? 0) > 250)
    return fail(c, 422, 'Invalid limit.', { limit: 'must be between 1 and 250' });
  return { page: page ?? 1, limit: limit ?? 50 };
}

export function registerCustomers(app: SandboxApp): void {
  app.get('/v3/customers', (c) => {
    const store = c.get('store');
    const params = query(c);
    const emails = listParam(params, 'email:in')?.map((e) => e.toLowerCase());
    // phone:in is an exact match on the stored string (the spec types it as one string; a comma list works too).
    const phones = listParam(params, 'phone:in');
    const ids = idList(params, 'id:in');
    const groups = idList(params, 'customer_group_id:in');
    if (ids === 'invalid') return fail(c, 422, 'Invalid filter.', { 'id:in': 'must be a list of integers' });
    if (groups === 'invalid')
      return fail(c, 422, 'Invalid filter.', { 'customer_group_id:in': 'must be a list of integers' });
    const include = new Set(listParam(params, 'include') ?? []);
    for (const name of include) {
      if (!INCLUDES.has(name)) return fail(c, 422, 'Invalid include.', { include: `unknown value ${name}` });
    }
    const pageInfo = paging(c, params);
    if (pageInfo instanceof Response) return pageInfo;

    let found = store.customers.filter(
      (x) =>
        (!emails || emails.includes(x.email.toLowerCase())) &&
        (!phones || phones.includes(x.phone)) &&
        (!ids || ids.includes(x.id)) &&
        (!groups || groups.includes(x.customer_group_id)),
    );
    const sort = params.get('sort');
    if (sort) {
      const [field, direction] = sort.split(':');
      const key = { date_created: 'created', date_modified: 'modified', last_name: 'last_name' }[field ?? ''] as
        | 'created'
        | 'modified'
        | 'last_name'
        | undefined;
      if (!key || (direction && direction !== 'asc' && direction !== 'desc'))
        return fail(c, 422, 'Invalid sort.', { sort: 'unsupported value' });
      const sign = direction === 'desc' ? -1 : 1;
      found = [...found].sort((a, b) => (a[key] < b[key] ? -sign : a[key] > b[key] ? sign : 0));
    }
    const { page, limit } = pageInfo;
    const slice = found.slice((page - 1) * limit, page * limit);
    return c.json({
      data: slice.map((x) => v3Customer(x, include)),
      meta: { pagination: pagination(found.length, page, limit, slice.length, params) },
    });
  });

  app.get('/v3/customers/addresses', (c) => {
    const store = c.get('store');
    const params = query(c);
    const customerIds = idList(params, 'customer_id:in');
    const ids = idList(params, 'id:in');
    if (customerIds === 'invalid' || ids === 'invalid')
      return fail(c, 422, 'Invalid filter.', { 'customer_id:in': 'must be a list of integers' });
    const pageInfo = paging(c, params);
    if (pageInfo instanceof Response) return pageInfo;
    const found = store.customers
      .flatMap((x) => x.addresses)
      .filter((a) => (!customerIds || customerIds.includes(a.customer_id)) && (!ids || ids.includes(a.id)));
    const { page, limit } = pageInfo;
    const slice = found.slice((page - 1) * limit, page * limit);
    return c.json({
      data: slice.map(v3Address),
      meta: { pagination: pagination(found.length, page, limit, slice.length, params) },
    });
  });

  const group = (g: { id: number; name: string; is_default: boolean; created: number }) => ({
    id: g.id,
    name: g.name,
    is_default: g.is_default,
    category_access: { type: 'all' },
    discount_rules: [],
    date_created: toRfc2822(g.created),
    date_modified: toRfc2822(g.created),
    is_group_for_guests: false,
  });

  app.get('/v2/customer_groups', (c) => {
    const groups = c.get('store').groups;
    return groups.length === 0 ? c.body(null, 204) : c.json(groups.map(group));
  });

  app.get('/v2/customer_groups/:id', (c) => {
    const id = pathId(c, 'id');
    if (id === null) return fail(c, 400, 'The customer group id must be an integer.');
    const found = c.get('store').groups.find((g) => g.id === id);
    return found ? c.json(group(found)) : fail(c, 404, 'The requested customer group was not found.');
  });
}
