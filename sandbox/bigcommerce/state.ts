/** The live, mutable state of every sandbox store; reset() restores the seed. */
import { LIMITED_MISSING_SCOPE, grantsFor, tokensFor, type TokenGrant } from './scopes';
import { buildSeed } from './seed';
import type { SandboxStoreInfo, StoreData } from './types';

export class SandboxState {
  stores = new Map<string, StoreData>();
  readonly tokens = new Map<string, TokenGrant>();
  readonly info: SandboxStoreInfo[];

  constructor() {
    this.reset();
    this.info = [...this.stores.values()].map((store) => {
      for (const [token, grant] of grantsFor(store.meta.hash)) this.tokens.set(token, grant);
      return {
        hash: store.meta.hash,
        name: store.meta.name,
        currency: store.meta.currency,
        ...tokensFor(store.meta.hash),
        limitedMissingScope: LIMITED_MISSING_SCOPE,
      };
    });
  }

  reset(): void {
    const seed = buildSeed();
    this.stores = new Map([
      [seed.main.data.meta.hash, seed.main.data],
      [seed.europe.data.meta.hash, seed.europe.data],
    ]);
  }

  store(hash: string): StoreData | undefined {
    return this.stores.get(hash);
  }
}
