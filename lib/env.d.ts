/** True only in the e2e build (`npm run build:e2e`), which may talk to the loopback sandbox. */
declare const __E2E__: boolean;
/** True in the extension's own build (wxt.config.ts); undeclared in Node and the tests. */
declare const __EXTENSION_BUILD__: boolean | undefined;
