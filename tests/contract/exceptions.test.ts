import { beforeAll, describe, expect, it } from 'vitest';
import { SPEC_EXCEPTIONS, SPEC_FIXES } from './exceptions';
import { loadContractSpec, SPEC_FILES, type ContractSpec } from './openapi';

// The exception list itself: a typo in an entry would make it match nothing, silently.

let spec: ContractSpec;
beforeAll(async () => {
  spec = await loadContractSpec();
});

describe('exceptions.ts', () => {
  it('names only operations that exist in the spec', () => {
    const known = new Set(spec.operations.map((o) => o.key));
    const unknown = SPEC_EXCEPTIONS.flatMap((e) =>
      e.operations.filter((op) => !known.has(op)).map((op) => `${e.id}: ${op}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has unique ids, a reason and evidence for every entry', () => {
    const ids = [...SPEC_EXCEPTIONS.map((e) => e.id), ...SPEC_FIXES.map((f) => f.id)];
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const thin = [...SPEC_EXCEPTIONS, ...SPEC_FIXES].filter((e) => e.reason.length < 20 || e.evidence.length < 10);
    expect(thin.map((e) => e.id)).toEqual([]);
  });

  it('checks every exception against something (a real payload or the sandbox run)', () => {
    const unchecked = SPEC_EXCEPTIONS.filter((e) => !e.sandbox && !(e.realPayloads?.length ?? 0)).map((e) => e.id);
    expect(unchecked).toEqual([]);
  });

  it('fixes only files the contract run loads', () => {
    const files: readonly string[] = SPEC_FILES;
    expect(SPEC_FIXES.filter((f) => !files.includes(f.file)).map((f) => f.id)).toEqual([]);
  });
});
