import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { SpecFix } from './exception-match';
import { SPEC_FIXES } from './exceptions';
import { createSchemaConverter, type Direction, type JsonSchema } from './schema-convert';
import {
  loadDocuments,
  readOperations,
  SPEC_FILES,
  type Doc,
  type LoadedDocument,
  type Operation,
  type Parameter,
} from './spec-documents';

export { SPEC_FILES, type Operation } from './spec-documents';

// Loads BigCommerce's OpenAPI 3.0 files, finds the operation for a request, and validates
// requests and responses against it. Every difference comes back as a Violation; deciding
// which ones are known (exceptions.ts) is not this module's job.

export type Where =
  | 'request-path'
  | 'request-query'
  | 'request-header'
  | 'request-body'
  | 'response-status'
  | 'response-body';

export interface Violation {
  /** e.g. `GET /v2/orders/{order_id}`: the spec operation, in API-version-prefixed form. */
  operation: string;
  where: Where;
  /** JSON pointer into the body; for parameters the parameter name, then a pointer into it. */
  pointer: string;
  keyword: string;
  message: string;
}

export interface RequestSample {
  method: string;
  /** Path after `/stores/{hash}` (or a full sandbox path/URL), with its query string. */
  url: string;
  headers?: Record<string, string>;
  /** Parsed JSON body, when one is sent. */
  body?: unknown;
}

export interface ResponseSample {
  status: number;
  contentType: string | null;
  bodyText: string;
}

/** `/stores/abc123/v2/orders?x=1` → `{ path: '/v2/orders', query }`. */
export function apiPath(url: string): { path: string; query: URLSearchParams } {
  const parsed = new URL(url, 'http://sandbox.invalid');
  const path = parsed.pathname.replace(/^\/stores\/[^/]+(?=\/v[23]\/)/, '');
  return { path, query: parsed.searchParams };
}

const isParamSegment = (segment: string): boolean => /^\{[^}]+\}$/.test(segment);

export interface MatchedOperation {
  operation: Operation;
  pathParams: Record<string, string>;
}

const schemaId = (direction: Direction, file: string): string => `https://contract.invalid/${direction}/${file}`;

export class ContractSpec {
  readonly operations: readonly Operation[];
  private readonly converters = new Map<string, (schema: unknown) => JsonSchema>();
  private readonly compiled = new WeakMap<JsonSchema, ValidateFunction>();
  private readonly ajv: Ajv;

  constructor(documents: readonly LoadedDocument[]) {
    // allErrors: a payload must show every difference, or one listed exception could hide another.
    this.ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: false,
      logger: false,
      // BigCommerce patterns such as `[a-zA-Z0-9_\\ -]` are not valid with the u flag.
      unicodeRegExp: false,
    });
    addFormats(this.ajv);
    // Formats BigCommerce uses that no standard defines; checked loosely where a meaning is clear.
    this.ajv.addFormat('decimal', { type: 'number', validate: () => true });
    this.ajv.addFormat('ISO-4217', /^[A-Za-z]{3}$/);
    this.ajv.addFormat('iso-4217', /^[A-Za-z]{3}$/);

    this.operations = documents.flatMap(({ file, document }) => {
      const schemas = ((document.components as Doc | undefined)?.schemas ?? {}) as Doc;
      for (const direction of ['request', 'response'] as const) {
        const id = schemaId(direction, file);
        const convert = createSchemaConverter(direction, id);
        this.converters.set(id, convert);
        const converted = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, convert(schema)]));
        this.ajv.addSchema({ $id: id, components: { schemas: converted } });
      }
      return readOperations(file, document);
    });
  }

  private schemaFor(direction: Direction, file: string, schema: JsonSchema): JsonSchema {
    const convert = this.converters.get(schemaId(direction, file));
    if (!convert) throw new Error(`no schemas registered for ${file}`);
    return convert(schema);
  }

  /** The operation for a concrete method + path; literal segments beat `{params}`. */
  find(method: string, path: string): MatchedOperation | undefined {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    let best: { match: MatchedOperation; literals: number } | undefined;
    for (const operation of this.operations) {
      if (operation.method !== method.toUpperCase() || operation.segments.length !== segments.length) continue;
      const pathParams: Record<string, string> = {};
      let literals = 0;
      const fits = operation.segments.every((segment, i) => {
        const actual = segments[i]!;
        if (isParamSegment(segment)) {
          pathParams[segment.slice(1, -1)] = actual;
          return true;
        }
        literals += 1;
        return segment === actual;
      });
      if (fits && (!best || literals > best.literals)) best = { match: { operation, pathParams }, literals };
    }
    return best?.match;
  }

  validateRequest(matched: MatchedOperation, request: RequestSample): Violation[] {
    const { operation, pathParams } = matched;
    const { query } = apiPath(request.url);
    const violations: Violation[] = [];
    const add = (where: Where, pointer: string, keyword: string, message: string): void => {
      violations.push({ operation: operation.key, where, pointer, keyword, message });
    };

    for (const param of operation.parameters.filter((p) => p.in === 'path')) {
      const raw = pathParams[param.name];
      if (raw === undefined) add('request-path', param.name, 'required', 'path parameter is not in the template');
      else this.checkParam(operation, param, [raw], 'request-path', add);
    }

    const documented = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(query.keys())) {
      if (!documented.has(name))
        add('request-query', name, 'undocumented', `query parameter "${name}" is not in the spec`);
    }
    for (const param of operation.parameters.filter((p) => p.in === 'query')) {
      const values = query.getAll(param.name);
      if (values.length === 0) {
        if (param.required) add('request-query', param.name, 'required', 'required query parameter is missing');
      } else this.checkParam(operation, param, values, 'request-query', add);
    }

    const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    for (const param of operation.parameters.filter((p) => p.in === 'header')) {
      const value = headers[param.name.toLowerCase()];
      if (value === undefined) {
        if (param.required) add('request-header', param.name, 'required', 'required header is missing');
      } else this.checkParam(operation, param, [value], 'request-header', add);
    }

    const body = operation.requestBody;
    if (request.body === undefined) {
      if (body?.required) add('request-body', '', 'required', 'the spec requires a request body');
    } else if (!body) {
      add('request-body', '', 'undocumented', 'the spec documents no request body');
    } else if (body.schema) {
      const schema = this.schemaFor('request', operation.file, body.schema);
      for (const v of this.check(schema, request.body)) add('request-body', v.pointer, v.keyword, v.message);
    }
    return violations;
  }

  validateResponse(matched: MatchedOperation, response: ResponseSample): Violation[] {
    const { operation } = matched;
    const violations: Violation[] = [];
    const add = (where: Where, pointer: string, keyword: string, message: string): void => {
      violations.push({ operation: operation.key, where, pointer, keyword, message });
    };
    const status = String(response.status);
    const documented =
      operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses.default;
    if (!documented) {
      const known = Object.keys(operation.responses).join(', ');
      add('response-status', '', 'status', `status ${status} is not documented (documented: ${known})`);
      return violations;
    }
    const empty = response.bodyText.trim() === '';
    if (!documented.schema) {
      if (!empty) add('response-body', '', 'undocumented', `the spec documents no body for ${status}`);
      return violations;
    }
    // HTTP forbids a body on 204, whatever a spec says about one.
    if (empty) {
      if (response.status !== 204)
        add('response-body', '', 'required', `empty body where the spec documents one for ${status}`);
      return violations;
    }
    if (!response.contentType || !/json/i.test(response.contentType)) {
      add('response-body', '', 'contentType', `content-type ${response.contentType ?? '(none)'} is not JSON`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.bodyText);
    } catch {
      add('response-body', '', 'json', 'the body is not valid JSON');
      return violations;
    }
    const schema = this.schemaFor('response', operation.file, documented.schema);
    for (const v of this.check(schema, parsed)) add('response-body', v.pointer, v.keyword, v.message);
    return violations;
  }

  private checkParam(
    operation: Operation,
    param: Parameter,
    values: string[],
    where: Where,
    add: (where: Where, pointer: string, keyword: string, message: string) => void,
  ): void {
    if (!param.schema) return;
    const schema = this.schemaFor('request', operation.file, param.schema);
    const value = coerceParam(param, schema, values);
    for (const v of this.check(schema, value)) add(where, param.name + v.pointer, v.keyword, v.message);
  }

  private validator(schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate;
  }

  private check(schema: JsonSchema, value: unknown): Array<Pick<Violation, 'pointer' | 'keyword' | 'message'>> {
    const validate = this.validator(schema);
    if (validate(value)) return [];
    return this.outermost([...(validate.errors ?? [])]).map(({ error, branches }) => ({
      pointer: errorPointer(error),
      keyword: error.keyword,
      message: `${error.message ?? 'invalid'}${describeValue(error)}${describeBranches(branches)}`,
    }));
  }

  /**
   * ajv reports every failing alternative of a oneOf/anyOf just before the oneOf error itself;
   * keep the oneOf only (one difference, one violation) with its alternatives as detail. How many
   * errors belong to it is found by validating its value against each alternative on its own
   * (schema paths cannot tell: alternatives behind a $ref restart them).
   */
  private outermost(errors: ErrorObject[]): Array<{ error: ErrorObject; branches: ErrorObject[] }> {
    const kept: Array<{ error: ErrorObject; branches: ErrorObject[] }> = [];
    let end = errors.length;
    while (end > 0) {
      const error = errors[end - 1]!;
      let count = 0;
      if ((error.keyword === 'oneOf' || error.keyword === 'anyOf') && Array.isArray(error.schema)) {
        for (const branch of error.schema as JsonSchema[]) {
          const validate = this.validator(branch);
          if (!validate(error.data)) count += validate.errors?.length ?? 0;
        }
      }
      const start = Math.max(0, end - 1 - count);
      kept.unshift({ error, branches: errors.slice(start, end - 1) });
      end = start;
    }
    return kept;
  }
}

/** Query strings are text: turn them into what the parameter schema describes before validating. */
function coerceParam(param: Parameter, schema: JsonSchema, values: string[]): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') {
    // form style, explode false: one comma-separated value; explode (the default): repeated keys.
    const explode = param.explode ?? (param.style === undefined || param.style === 'form');
    const items = explode ? values : values.flatMap((v) => v.split(','));
    const itemSchema = typeof schema.items === 'object' && schema.items !== null ? (schema.items as JsonSchema) : {};
    return items.map((item) => coerceScalar(itemSchema, item));
  }
  // A scalar sent twice is already wrong; validate the first and the schema sees the rest as an array.
  return values.length === 1 ? coerceScalar(schema, values[0]!) : values;
}

function coerceScalar(schema: JsonSchema, raw: string): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (types.includes('null') && raw === 'null') return null;
  return raw;
}

/** Why each alternative of a failed oneOf/anyOf failed: the part a reader needs to fix it. */
function describeBranches(branches: readonly ErrorObject[]): string {
  if (branches.length === 0) return '';
  const shown = branches.slice(0, 6).map((n) => `${errorPointer(n) || '(root)'} ${n.message ?? ''}`);
  return `; alternatives failed: ${shown.join('; ')}${branches.length > 6 ? `; and ${branches.length - 6} more` : ''}`;
}

function errorPointer(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const child =
    e.keyword === 'additionalProperties'
      ? params.additionalProperty
      : e.keyword === 'required'
        ? params.missingProperty
        : undefined;
  return typeof child === 'string' ? `${e.instancePath}/${child}` : e.instancePath;
}

function describeValue(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties' || e.keyword === 'required') return '';
  const data = e.data === undefined ? 'undefined' : JSON.stringify(e.data);
  return ` (got ${data.length > 60 ? `${data.slice(0, 57)}...` : data})`;
}

/** Loads the given spec files with the given fixes; tests use it to prove a fix is still needed. */
export async function loadSpec(
  files: readonly string[] = SPEC_FILES,
  fixes: readonly SpecFix[] = SPEC_FIXES,
): Promise<ContractSpec> {
  return new ContractSpec(await loadDocuments(files, fixes));
}

let cached: Promise<ContractSpec> | undefined;

/** All files with all fixes, loaded once per test-file worker. */
export function loadContractSpec(): Promise<ContractSpec> {
  cached ??= loadSpec();
  return cached;
}
