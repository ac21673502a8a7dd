import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { explain, formatViolation, type ExceptionHit } from './exception-match';
import { SPEC_EXCEPTIONS } from './exceptions';
import { apiPath, loadContractSpec, type ContractSpec } from './openapi';
import { REAL_PAYLOADS, readRealPayload } from './real-payloads';
import { realPayloadDir } from './shared-dir';

// Bodies recorded from a real store, checked against their operations: every difference from
// the spec must be a listed exception, and every exception naming a payload must still show.

let spec: ContractSpec;
beforeAll(async () => {
  spec = await loadContractSpec();
});

function expectedHits(file: string): ExceptionHit[] {
  return SPEC_EXCEPTIONS.filter((e) => e.realPayloads?.includes(file)).flatMap((e) =>
    e.pointers.map((_, i): ExceptionHit => `${e.id}#${i}`),
  );
}

describe('real BigCommerce payloads against the OpenAPI files', () => {
  it('maps every recorded payload file to a request', () => {
    const files = readdirSync(realPayloadDir())
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(REAL_PAYLOADS.map((p) => p.file).sort()).toEqual(files);
  });

  it('names only payload files that exist in its exceptions', () => {
    const known = new Set(REAL_PAYLOADS.map((p) => p.file));
    const named = SPEC_EXCEPTIONS.flatMap((e) => e.realPayloads ?? []);
    expect(named.filter((f) => !known.has(f))).toEqual([]);
  });

  for (const payload of REAL_PAYLOADS) {
    it(`${payload.file}: differs from ${payload.method} ${apiPath(payload.url).path} exactly as listed`, () => {
      const matched = spec.find(payload.method, apiPath(payload.url).path);
      expect(matched, 'no spec operation for this payload').toBeDefined();
      const violations = spec.validateResponse(matched!, {
        status: payload.status,
        contentType: 'application/json',
        bodyText: readRealPayload(payload.file),
      });
      const { unexplained, hits } = explain(violations, SPEC_EXCEPTIONS);
      expect(unexplained.map(formatViolation), 'differences not in exceptions.ts').toEqual([]);
      expect([...hits].sort(), 'exceptions.ts entries for this payload that no longer happen').toEqual(
        expectedHits(payload.file).sort(),
      );
    });
  }
});
