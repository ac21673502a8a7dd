/**
 * Each BigCommerce API family has its own error body (see the API notes' table); the sandbox
 * answers in the family of the path asked for.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export type ErrorFamily = 'v2' | 'v2-groups' | 'v3' | 'v3-refund' | 'v3-promotions';

export function familyOf(path: string): ErrorFamily {
  if (path.startsWith('/v2/customer_groups')) return 'v2-groups';
  if (path.startsWith('/v2/')) return 'v2';
  if (path.startsWith('/v3/promotions')) return 'v3-promotions';
  return 'v3';
}

export function errorBody(
  family: ErrorFamily,
  status: number,
  title: string,
  errors?: Record<string, string>,
): unknown {
  switch (family) {
    case 'v2':
      return [{ status, message: title }];
    case 'v2-groups':
      return { errors: [{ status, title, type: TYPE }] };
    case 'v3-refund':
      return { data: [{ status, title, type: TYPE }] };
    case 'v3-promotions':
      return { errors: [{ status, title }] };
    case 'v3':
      return errors ? { status, title, type: TYPE, errors } : { status, title, type: TYPE };
  }
}

export function fail(
  c: Context,
  status: ContentfulStatusCode,
  title: string,
  errors?: Record<string, string>,
  family?: ErrorFamily,
): Response {
  const path = apiPath(c);
  return c.json(errorBody(family ?? familyOf(path), status, title, errors), status);
}

/** The path after /stores/{hash}, e.g. /v2/orders. */
export function apiPath(c: Context): string {
  const match = /^\/stores\/[^/]+(\/.*)?$/.exec(new URL(c.req.url).pathname);
  return match?.[1] ?? '/';
}

export const STATUS_TITLES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You are not authorized to access this resource.',
  403: 'You do not have permission to access this resource.',
  404: 'The requested resource was not found.',
  405: 'The requested method is not allowed on this resource.',
  409: 'The request conflicts with the current state of the resource.',
  422: 'The request could not be processed.',
  429: 'Too many requests. Please retry after the rate limit resets.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'The service is temporarily unavailable.',
  504: 'Gateway timeout.',
};
