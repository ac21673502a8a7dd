import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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

export default defineConfig({
  imports: false,
  outDir: isE2E ? '.output-e2e' : '.output',
  vite: () => ({
    plugins: [preact()],
    define: { __E2E__: JSON.stringify(isE2E) },
    build: { sourcemap: false },
  }),
  hooks: {
    // Content-script matches come from the entrypoint; the e2e build adds loopback pages.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!isE2E) return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), ...LOOPBACK_HOSTS];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: 'BigCommerce for Gladly',
    description: "Shows a customer's BigCommerce profile and recent orders beside the Gladly agent desktop.",
    permissions: ['storage'],
    host_permissions: ['https://api.bigcommerce.com/*', ...GLADLY_HOSTS, ...(isE2E ? LOOPBACK_API_HOSTS : [])],
    // Team mode: the team service's address is the admin's choice, so its one origin is asked for
    // on the options page when Connect is pressed (permissions.request), never granted up front.
    // MV2 (Firefox) spells it optional_permissions; WXT does not carry the MV3 key over.
    ...(browser === 'firefox'
      ? { optional_permissions: TEAM_SERVICE_HOSTS as never }
      : { optional_host_permissions: [...TEAM_SERVICE_HOSTS, ...(isE2E ? LOOPBACK_HOSTS : [])] }),
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self' https://*.gladly.com https://*.gladly.qa" +
        (isE2E ? ' http://127.0.0.1:* http://localhost:*' : ''),
    },
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: [...GLADLY_HOSTS, ...(isE2E ? LOOPBACK_HOSTS : [])] },
    ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Show or hide the BigCommerce sidebar',
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
