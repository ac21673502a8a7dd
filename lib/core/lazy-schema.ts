/**
 * A module-level zod schema built on first use instead of at import. The background's bundle
 * defines a few hundred schemas; building them all while an MV3 service worker starts (Chrome
 * starts one for most first lookups after a pause) took about half of its start-up, although a
 * lookup needs a handful. `lazySchema(() => z.object(...))` stands for the schema it builds: same
 * type, same call sites (`X.safeParse`, `z.infer<typeof X>`, `X.optional()`, `X` inside another
 * schema), built once, the first time anything reads a property of it.
 *
 * It is a Proxy over a schema that does not exist yet. Methods are bound to the built schema, so
 * what they return (`X.optional()`, `X.pick()`) is an ordinary zod schema, never another proxy.
 * The Proxy keeps the call sites; a getter function (`X()`) would have changed every one of them.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const bound = new Map<PropertyKey, unknown>();
  const real = (): T => {
    built ??= build();
    return built;
  };
  return new Proxy({} as T, {
    get(_target, key) {
      const schema = real();
      const value: unknown = Reflect.get(schema, key, schema);
      if (typeof value !== 'function') return value;
      let fn = bound.get(key);
      if (fn === undefined) {
        fn = (value as (...args: unknown[]) => unknown).bind(schema);
        bound.set(key, fn);
      }
      return fn;
    },
    has: (_target, key) => Reflect.has(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    set: (_target, key, value) => Reflect.set(real(), key, value),
  });
}
