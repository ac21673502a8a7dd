import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEFAULT_SHORTCUT } from './lib/background/commands';

// The e2e build is the same extension pointed at the local sandbox: its content script also
// runs on loopback pages, its background may call a loopback API base (http, or https when the
// sandbox speaks HTTP/2 over TLS), and its options page shows an "API base URL" field.
// `npm run build:e2e` sets WXT_E2E=1.
const isE2E = process.env.WXT_E2E === '1';

const GLADLY_HOSTS = ['https://*.gladly.com/*', 'https://*.gladly.qa/*'];
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
/** The sandbox's API base: plain HTTP/1.1, or HTTPS with HTTP/2 (`startSandbox({ tls: true })`). */
/** Any https origin, granted one at a time by the admin at Connect (the team service). */
const TEAM_SERVICE_HOSTS = ['https://*/*'];
const LOOPBACK_API_HOSTS = [...LOOPBACK_HOSTS, 'https://127.0.0.1/*', 'https://localhost/*'];

/**
 * Where product images may load from: BigCommerce's CDN hosts only (cdn11 serves current stores,
 * cdn8 appears in BigCommerce's own OpenAPI examples, older stores still have images on the lower
 * numbers). An image from anywhere else would tell that host the agent's IP and when an order was
 * opened. The e2e build adds the sandbox, which serves its images itself.
 */
const BIGCOMMERCE_CDN = Array.from({ length: 11 }, (_, i) => `https://cdn${i + 1}.bigcommerce.com`);
const LOOPBACK_ORIGINS = ['http://127.0.0.1:*', 'https://127.0.0.1:*', 'http://localhost:*', 'https://localhost:*'];

/**
 * Team mode: the service's origin, fixed when the organisation builds its package
 * (`TEAM_SERVICE_ORIGIN=https://team.example.com npm run build`). The pages' CSP is static, so a
 * service the build does not name cannot be reached from a production build: connect-src stays
 * a list of known origins, never `https:`. Anything but a bare https origin fails the build.
 */
const TEAM_SERVICE_ORIGIN = teamServiceOrigin(process.env.TEAM_SERVICE_ORIGIN);
function teamServiceOrigin(raw: string | undefined): string[] {
  if (!raw) return [];
  const url = new URL(raw);
  if (url.protocol !== 'https:' || url.origin !== raw.replace(/\/$/, ''))
    throw new Error(`TEAM_SERVICE_ORIGIN must be a bare https origin such as https://team.example.com (got ${raw})`);
  return [url.origin];
}

/**
 * The extension pages' policy (the MV3 service worker included, so connect-src is what the
 * background may call: BigCommerce's API and the organisation's Gladly API, as the manifest's hosts).
 */
function extensionPagesCsp(): string {
  const loopback = isE2E ? LOOPBACK_ORIGINS : [];
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", ...BIGCOMMERCE_CDN, ...loopback]],
    [
      'connect-src',
      [
        "'self'",
        'https://api.bigcommerce.com',
        'https://*.gladly.com',
        'https://*.gladly.qa',
        ...TEAM_SERVICE_ORIGIN,
        ...loopback,
      ],
    ],
    [
      'frame-ancestors',
      [
        "'self'",
        'https://*.gladly.com',
        'https://*.gladly.qa',
        ...(isE2E ? ['http://127.0.0.1:*', 'http://localhost:*'] : []),
      ],
    ],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

export default defineConfig({
  imports: false,
  // `browser` from 'wxt/browser' is Mozilla's webextension-polyfill everywhere: the same
  // promise-based API in Chrome and Firefox (WXT's supported way of using it).
  // locales/{en,de}.json become _locales/<lang>/messages.json and the typed `i18n.t` of '#i18n'.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDir: isE2E ? '.output-e2e' : '.output',
  vite: () => ({
    plugins: [preact()],
    // __EXTENSION_BUILD__: lib/core/i18n.ts leaves its English fallback catalog out of the extension.
    define: { __E2E__: JSON.stringify(isE2E), __EXTENSION_BUILD__: 'true' },
    // The bench asks for source maps (not referenced from the scripts) to tell what each bundle holds.
    build: { sourcemap: process.env.BUNDLE_SOURCEMAPS === '1' ? ('hidden' as const) : false },
  }),
  hooks: {
    // `imports: false` turns WXT's auto-imports off, but its unimport plugin still runs with the
    // presets and injects an import wherever a name looks free: a parameter called `storage`
    // (lib/actions/order-guard.ts) pulled @wxt-dev/storage and superlock (3 kB gzip, a storage
    // object built at start-up) into the worker. No presets: nothing is ever injected.
    'config:resolved': (wxt) => {
      wxt.config.imports.presets = [];
      wxt.config.imports.imports = [];
    },
    // Content-script matches come from the entrypoint; the e2e build adds loopback pages.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!isE2E) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...LOOPBACK_HOSTS];
      }
    },
  },
  manifest: ({ browser }) => ({
    // The browser's language picks the catalog (locales/), English where it has none.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage'],
    host_permissions: ['https://api.bigcommerce.com/*', ...GLADLY_HOSTS, ...(isE2E ? LOOPBACK_API_HOSTS : [])],
    // Team mode: the team service's address is the admin's choice, so its one origin is asked for
    // on the options page when Connect is pressed (permissions.request), never granted up front.
    // MV2 (Firefox) spells it optional_permissions; WXT does not carry the MV3 key over.
    ...(browser === 'firefox'
      ? { optional_permissions: TEAM_SERVICE_HOSTS as never }
      : { optional_host_permissions: [...TEAM_SERVICE_HOSTS, ...(isE2E ? LOOPBACK_HOSTS : [])] }),
    content_security_policy: {
      extension_pages: extensionPagesCsp(),
    },
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: [...GLADLY_HOSTS, ...(isE2E ? LOOPBACK_HOSTS : [])] },
    ],
    // The toolbar button: no popup, so a click reaches action.onClicked (lib/background/commands.ts).
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Drawn by scripts/make-icons.mjs: every size Chrome's and Firefox's stores and extension pages ask for.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    commands: {
      'toggle-sidebar': {
        // Not Alt+Shift+B: Chromium keeps it for "focus the bookmarks bar" and so assigns it to no extension.
        suggested_key: { default: DEFAULT_SHORTCUT },
        description: '__MSG_commandToggle__',
      },
    },
    // IT can push connections and settings by browser policy (Chrome's managed storage).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'bigcommerce-for-gladly@example.com',
              strict_min_version: '140.0',
              // Mozilla's required declaration: the extension sends no user data to its authors.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
