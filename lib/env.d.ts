/** True only in the e2e build (`npm run build:e2e`), which may talk to the loopback sandbox. */
declare const __E2E__: boolean;
