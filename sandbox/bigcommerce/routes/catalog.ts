/** v3 catalog products (for line-item images) and the tiny images the sandbox serves itself. */
import { toIso } from '../dates';
import { fail } from '../errors';
import { toV3Amount } from '../money';
import { SEED_NOW } from '../seed-builder';
import { pagination } from '../serialize';
import type { ProductRec } from '../types';
import { idList, intParam, listParam, origin, query, type SandboxApp } from './common';

const INCLUDES = new Set([
  'bulk_pricing_rules',
  'channels',
  'custom_fields',
  'images',
  'modifiers',
  'options',
  'parent_relations',
  'primary_image',
  'reviews',
  'variants',
  'videos',
]);

function image(product: ProductRec, base: string): Record<string, unknown> {
  const url = `${base}/__sandbox/images/${product.image}`;
  return {
    id: product.id * 10,
    product_id: product.id,
    is_thumbnail: true,
    sort_order: 0,
    description: product.name,
    image_file: `sandbox/${product.image}`,
    url_zoom: url,
    url_standard: url,
    url_thumbnail: url,
    url_tiny: url,
    date_modified: toIso(SEED_NOW),
  };
}

function productWire(
  product: ProductRec,
  base: string,
  include: ReadonlySet<string>,
  fields: string[] | null,
): Record<string, unknown> {
  const full: Record<string, unknown> = {
    id: product.id,
    name: product.name,
    type: 'physical',
    sku: product.sku,
    description: `<p>${product.name} by ${product.brand}.</p>`,
    weight: 1,
    price: toV3Amount(product.priceCents),
    brand_id: 1,
    inventory_level: 25,
    is_visible: true,
    availability: 'available',
    date_created: toIso(SEED_NOW - 900 * 86_400_000),
    date_modified: toIso(SEED_NOW),
    custom_url: { url: `/${product.sku.toLowerCase()}/`, is_customized: false },
  };
  // include_fields keeps the id and the named fields only.
  const body: Record<string, unknown> = fields
    ? Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || fields.includes(k)))
    : full;
  if (include.has('primary_image')) body.primary_image = image(product, base);
  if (include.has('images')) body.images = [image(product, base)];
  if (include.has('variants'))
    body.variants = [{ id: product.id * 10 + 1, product_id: product.id, sku: product.sku, image_url: '' }];
  return body;
}

export function registerCatalog(app: SandboxApp): void {
  app.get('/v3/catalog/products', (c) => {
    const store = c.get('store');
    const params = query(c);
    const ids = idList(params, 'id:in');
    if (ids === 'invalid') return fail(c, 422, 'Invalid filter.', { 'id:in': 'must be a list of integers' });
    const include = new Set(listParam(params, 'include') ?? []);
    for (const name of include)
      if (!INCLUDES.has(name)) return fail(c, 422, 'Invalid include.', { include: `unknown value ${name}` });
    const fields = listParam(params, 'include_fields');
    const page = intParam(params, 'page');
    const limit = intParam(params, 'limit');
    if (page === null || page === 0 || limit === null || limit === 0 || (limit ?? 0) > 250) {
      return fail(c, 422, 'Invalid paging.', { limit: 'must be between 1 and 250' });
    }
    const sku = params.get('sku');
    const found = store.products.filter((p) => (!ids || ids.includes(p.id)) && (!sku || p.sku === sku));
    const size = limit ?? 50;
    const current = page ?? 1;
    const slice = found.slice((current - 1) * size, current * size);
    const base = origin(c);
    return c.json({
      data: slice.map((p) => productWire(p, base, include, fields)),
      meta: { pagination: pagination(found.length, current, size, slice.length, params) },
    });
  });
}

/** A tiny SVG per product: a coloured tile with the product's initials. */
export function productSvg(product: ProductRec | undefined): string {
  const colour = product?.colour ?? '#90a4ae';
  const initials = (product?.name ?? 'BC')
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect ` +
    `width="96" height="96" rx="12" fill="${colour}"/><text x="48" y="58" font-family="sans-serif" ` +
    `font-size="32" text-anchor="middle" fill="#fff">${initials}</text></svg>`
  );
}
