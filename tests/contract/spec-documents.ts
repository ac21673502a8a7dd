import SwaggerParser from '@apidevtools/swagger-parser';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { SpecFix } from './exception-match';
import type { JsonSchema } from './schema-convert';
import { specDir } from './shared-dir';

// Reads BigCommerce's OpenAPI files into operations: method, path template, parameters, request
// body and response schemas. Parameters, bodies and responses are dereferenced here; schemas keep
// their $refs (openapi.ts registers each file's components with ajv once: fully dereferenced, the
// promotions schemas inline into a tree ajv needs ~30 s to compile).

/** The spec files this product talks to (all OpenAPI 3.0.x, despite "oas2" in one name). */
export const SPEC_FILES = [
  'customers.v2.yml',
  'customers.v3.yml',
  'marketing.v2.yml',
  'orders.v2.oas2.yml',
  'orders.v3.yml',
  'promotions.v3.yml',
  'store_information.v2.yml',
  'catalog/products_catalog.v3.yml',
  'catalog/product-variants_catalog.v3.yml',
] as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

// Only the structure we walk is checked; schemas stay opaque records.
const SchemaZ = z.record(z.string(), z.unknown());
const ParameterZ = z.object({
  name: z.string(),
  in: z.enum(['query', 'path', 'header', 'cookie']),
  required: z.boolean().optional(),
  style: z.string().optional(),
  explode: z.boolean().optional(),
  schema: SchemaZ.optional(),
});
const MediaZ = z.looseObject({ schema: SchemaZ.optional() });
const OperationZ = z.looseObject({
  operationId: z.string().optional(),
  requestBody: z.looseObject({ required: z.boolean().optional(), content: z.record(z.string(), MediaZ) }).optional(),
  responses: z.record(z.string(), z.looseObject({ content: z.record(z.string(), MediaZ).optional() })),
});
const DocumentZ = z.looseObject({
  openapi: z.string().regex(/^3\.0\.\d+$/, 'an OpenAPI 3.0.x document'),
  servers: z.array(z.looseObject({ url: z.string() })).min(1),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export type Parameter = z.infer<typeof ParameterZ>;
type Media = z.infer<typeof MediaZ>;

export interface Operation {
  /** `GET /v2/orders/{order_id}` */
  key: string;
  method: string;
  /** `/v2/orders/{order_id}` */
  template: string;
  operationId: string | undefined;
  /** Spec file it comes from: its schemas' $refs point into that file. */
  file: string;
  parameters: Parameter[];
  requestBody: { required: boolean; schema: JsonSchema | undefined } | undefined;
  responses: Record<string, { schema: JsonSchema | undefined; mediaType: string | undefined }>;
  segments: string[];
}

function jsonMedia(content: Record<string, Media> | undefined): {
  schema: JsonSchema | undefined;
  mediaType: string | undefined;
} {
  if (!content) return { schema: undefined, mediaType: undefined };
  const mediaType = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
  return { schema: mediaType ? content[mediaType]?.schema : undefined, mediaType };
}

function serverPrefix(url: string, file: string): string {
  const match = /\/stores\/\{store_hash\}(\/v[23])$/.exec(url);
  if (!match?.[1]) throw new Error(`${file}: unexpected server URL ${url}`);
  return match[1];
}

export type Doc = Record<string, unknown>;

/** Follows local `$ref`s (`#/components/parameters/x`, ...) to the object they name. */
function deref(doc: Doc, node: unknown): unknown {
  let current = node;
  for (let hops = 0; hops < 20; hops++) {
    if (typeof current !== 'object' || current === null || !('$ref' in current)) return current;
    const ref = (current as { $ref: unknown }).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) throw new Error(`unsupported $ref ${String(ref)}`);
    current = ref
      .slice(2)
      .split('/')
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((at, key) => (typeof at === 'object' && at !== null ? (at as Doc)[key] : undefined), doc);
    if (current === undefined) throw new Error(`$ref ${ref} points at nothing`);
  }
  throw new Error('$ref chain too long');
}

function derefParameters(doc: Doc, list: unknown): Parameter[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry) => {
    const param = ParameterZ.parse(deref(doc, entry));
    // The top of a parameter schema is read to coerce query text; resolve it (and array items).
    const schema = param.schema && (deref(doc, param.schema) as JsonSchema);
    const items = schema && schema.items !== undefined ? deref(doc, schema.items) : undefined;
    return { ...param, schema: schema && (items === undefined ? schema : { ...schema, items }) };
  });
}

export function readOperations(file: string, document: unknown): Operation[] {
  const doc = DocumentZ.parse(document);
  const prefix = serverPrefix(doc.servers[0]!.url, file);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = derefParameters(doc, item.parameters);
    for (const method of METHODS) {
      if (!(method in item)) continue;
      const raw = deref(doc, item[method]) as Doc;
      const op = OperationZ.parse({
        ...raw,
        requestBody: raw.requestBody === undefined ? undefined : deref(doc, raw.requestBody),
        responses: Object.fromEntries(
          Object.entries((raw.responses ?? {}) as Doc).map(([status, r]) => [status, deref(doc, r)]),
        ),
      });
      // Operation-level parameters override path-level ones with the same name and location.
      const own = derefParameters(doc, raw.parameters);
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries(op.responses)) responses[status] = jsonMedia(response.content);
      const template = prefix + path;
      operations.push({
        key: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        operationId: op.operationId,
        file,
        parameters,
        requestBody: op.requestBody && {
          required: op.requestBody.required === true,
          schema: jsonMedia(op.requestBody.content).schema,
        },
        responses,
        segments: template.split('/').filter(Boolean),
      });
    }
  }
  return operations;
}

function applyFix(document: unknown, fix: SpecFix): void {
  let node: unknown = document;
  for (const segment of fix.schema.split('/').slice(1)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  if (typeof node !== 'object' || node === null || !(fix.keyword in node)) {
    throw new Error(
      `Spec fix "${fix.id}" no longer applies: ${fix.file}#${fix.schema} has no ${fix.keyword}. Update exceptions.ts.`,
    );
  }
  const schema = node as Record<string, unknown>;
  schema[fix.becomes] = schema[fix.keyword];
  delete schema[fix.keyword];
}

export interface LoadedDocument {
  file: string;
  document: Doc;
}

/** Parses the given spec files (OpenAPI 3.0.x only) and applies the spec fixes to them. */
export async function loadDocuments(files: readonly string[], fixes: readonly SpecFix[]): Promise<LoadedDocument[]> {
  const dir = specDir();
  return Promise.all(
    files.map(async (file) => {
      const document = (await SwaggerParser.parse(resolve(dir, file))) as unknown as Doc;
      for (const fix of fixes.filter((f) => f.file === file)) applyFix(document, fix);
      return { file, document };
    }),
  );
}
