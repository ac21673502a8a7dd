// OpenAPI 3.0 Schema Objects are "almost" JSON Schema. This turns a dereferenced one into
// plain JSON Schema (draft-07) that ajv can compile, without touching the input.

export type JsonSchema = Record<string, unknown>;

/** Requests must not demand readOnly properties; responses must not demand writeOnly ones. */
export type Direction = 'request' | 'response';

// Keywords that only document (or are OpenAPI-only) and would trip a JSON Schema validator.
const DROPPED = new Set(['nullable', 'x-nullable', 'discriminator', 'example', 'examples', 'xml', 'externalDocs']);
// Keywords whose value is a schema, or a list/map of schemas, that must be converted too.
const SCHEMA_VALUED = new Set(['items', 'not', 'additionalProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts per direction, memoised by object identity (shared sub-schemas stay shared, and a
 * cycle would not recurse forever). `refBase` is prefixed to local `#/...` refs.
 */
export function createSchemaConverter(direction: Direction, refBase = ''): (schema: unknown) => JsonSchema {
  const cache = new WeakMap<object, JsonSchema>();

  function convert(schema: unknown): JsonSchema {
    if (!isRecord(schema)) return {};
    const cached = cache.get(schema);
    if (cached) return cached;
    const out: JsonSchema = {};
    cache.set(schema, out);

    for (const [key, value] of Object.entries(schema)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#')) {
        // Local refs become absolute, so a schema compiled on its own still finds its document.
        out.$ref = refBase + value;
      } else if (key === 'properties' && isRecord(value)) {
        const props: Record<string, JsonSchema> = {};
        for (const [name, sub] of Object.entries(value)) props[name] = convert(sub);
        out.properties = props;
      } else if (SCHEMA_VALUED.has(key) && isRecord(value)) {
        out[key] = convert(value);
      } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
        out[key] = value.map(convert);
      } else if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value === 'boolean') {
        // OpenAPI 3.0 (draft-04 style): a flag on minimum/maximum, not a number.
        const bound = key === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (value && typeof schema[bound] === 'number') out[key] = schema[bound];
      } else {
        out[key] = value;
      }
    }
    // A boolean exclusive bound replaces minimum/maximum in draft-07.
    if (schema.exclusiveMinimum === true && typeof schema.minimum === 'number') delete out.minimum;
    if (schema.exclusiveMaximum === true && typeof schema.maximum === 'number') delete out.maximum;

    dropOneWayRequired(schema, out);
    return applyNullable(schema, out);
  }

  function dropOneWayRequired(schema: Record<string, unknown>, out: JsonSchema): void {
    const props = schema.properties;
    if (!Array.isArray(schema.required) || !isRecord(props)) return;
    const oneWay = direction === 'request' ? 'readOnly' : 'writeOnly';
    out.required = schema.required.filter((name) => {
      const prop = typeof name === 'string' ? props[name] : undefined;
      return !(isRecord(prop) && prop[oneWay] === true);
    });
  }

  return convert;
}

// BigCommerce's files also carry swagger-2 `x-nullable`; its intent is the same as `nullable`.
function applyNullable(schema: Record<string, unknown>, out: JsonSchema): JsonSchema {
  if (schema.nullable !== true && schema['x-nullable'] !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  // No single type (e.g. an allOf): null is one more alternative. Copy, as `out` is cached.
  const inner: JsonSchema = { ...out };
  for (const key of Object.keys(out)) delete out[key];
  out.anyOf = [inner, { type: 'null' }];
  return out;
}
