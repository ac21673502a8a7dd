import { z } from 'zod';

/**
 * The settings schema (stored in storage.local, never with a secret in it). Tokens live in the
 * vault (lib/vault.ts); a connection only records that one is set and its last 4 characters.
 * Bump SETTINGS_VERSION and add a migration in lib/settings.ts when the shape changes.
 */
export const SETTINGS_VERSION = 1;

export const SearchQueryAttributeSchema = z.object({
  attribute: z.enum(['email', 'phone']),
  label: z.string().trim().min(1).max(60),
});

export const SearchResultsAttributeSchema = z.object({
  /** name | phone | email | externalCustomerId, or any other (shown as an empty column). */
  attribute: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1).max(60),
});

export const ActionSwitchesSchema = z.object({
  enabled: z.boolean(),
  cancel: z.boolean(),
  refund: z.boolean(),
  partialRefund: z.boolean(),
  discount: z.boolean(),
});

export const StoreHashSchema = z.string().regex(/^[a-z0-9]{1,32}$/, 'A store hash is letters and digits, e.g. abc123');

export const ConnectionSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  storeHash: StoreHashSchema,
  clientId: z.string().trim().max(200),
  enabled: z.boolean(),
  /** Only honoured by the e2e build (the sandbox); production always uses https://api.bigcommerce.com. */
  apiBaseUrl: z.string().url().optional(),
  /** Last 4 characters of the saved access token, or null when none is saved. */
  tokenHint: z.string().max(4).nullable(),
  searchQueryAttributes: z.array(SearchQueryAttributeSchema).min(1),
  searchResultsAttributes: z.array(SearchResultsAttributeSchema),
  autoLink: z.object({ email: z.boolean(), phone: z.boolean() }),
  overwriteExistingValues: z.boolean(),
  actions: ActionSwitchesSchema,
});

export const GladlyApiSettingsSchema = z.object({
  /** e.g. https://acme.gladly.com */
  host: z.string().url(),
  email: z.string().email(),
  tokenHint: z.string().max(4).nullable(),
});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  connections: z.array(ConnectionSchema),
  /** Admin overrides of the Gladly detection selectors (key → CSS selector). */
  selectors: z.record(z.string(), z.string()),
  gladlyApi: GladlyApiSettingsSchema.nullable(),
  /** Sidebar width in px, remembered across pages. */
  sidebarWidth: z.number().int().min(280).max(900),
});

export type SearchQueryAttribute = z.infer<typeof SearchQueryAttributeSchema>;
export type SearchResultsAttribute = z.infer<typeof SearchResultsAttributeSchema>;
export type ActionSwitches = z.infer<typeof ActionSwitchesSchema>;
export type Connection = z.infer<typeof ConnectionSchema>;
export type GladlyApiSettings = z.infer<typeof GladlyApiSettingsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  connections: [],
  selectors: {},
  gladlyApi: null,
  sidebarWidth: 380,
};

/** A new connection as the options page starts it (Gladly's defaults). */
export function newConnection(id: string): Connection {
  return {
    id,
    name: '',
    storeHash: '',
    clientId: '',
    enabled: true,
    tokenHint: null,
    searchQueryAttributes: [
      { attribute: 'email', label: 'Email' },
      { attribute: 'phone', label: 'Phone' },
    ],
    searchResultsAttributes: [
      { attribute: 'name', label: 'Name' },
      { attribute: 'email', label: 'Email' },
    ],
    autoLink: { email: true, phone: true },
    overwriteExistingValues: false,
    actions: { enabled: false, cancel: true, refund: true, partialRefund: true, discount: true },
  };
}
