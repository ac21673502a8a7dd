import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import { isGladlyDomain } from '../gladly/routes';
import { DEFAULT_ACTION_REASONS } from './action-reasons';

/**
 * The settings schema (stored in the background's IndexedDB store, never with a secret in it). Tokens live in the
 * vault (lib/settings/vault.ts); a connection only records that one is set and its last 4 characters.
 * Bump SETTINGS_VERSION and add a migration in lib/settings/storage.ts when the shape changes.
 * v2: a connection remembers its last successful "Test connection" (`lastTest`); a search query
 * attribute appears at most once; the store hash is always the bare lower-case hash.
 * v3: the reasons agents pick from when they cancel or refund (`actionReasons`).
 */
export const SETTINGS_VERSION = 3;

/**
 * The reason picklist for cancels and refunds (required for a cancel, optional for a refund),
 * written into the order's staff note and the audit log.
 */
export const ActionReasonSchema = lazySchema(() =>
  z.string().trim().min(1, 'Enter a reason, or remove the row.').max(80),
);
export const ActionReasonsSchema = lazySchema(() =>
  z
    .array(ActionReasonSchema)
    .min(1, 'Keep at least one reason: a cancel needs one.')
    .max(30)
    .refine(
      (rows) => new Set(rows.map((row) => row.toLocaleLowerCase())).size === rows.length,
      'Each reason can be listed once',
    ),
);

export { DEFAULT_ACTION_REASONS };

export const SearchQueryAttributeSchema = lazySchema(() =>
  z.object({
    attribute: z.enum(['email', 'phone']),
    label: z.string().trim().min(1).max(60),
  }),
);

export const SearchResultsAttributeSchema = lazySchema(() =>
  z.object({
    /** name | phone | email | externalCustomerId, or any other (shown as an empty column). */
    attribute: z.string().trim().min(1).max(60),
    label: z.string().trim().min(1).max(60),
  }),
);

/** BigCommerce customer fields an admin can copy into a Gladly custom attribute. */
export const OVERWRITE_FIELDS = [
  'id',
  'company',
  'customerGroupName',
  'storeCreditAmount',
  'notes',
  'acceptsMarketing',
  'createdAt',
] as const;
export type OverwriteField = (typeof OVERWRITE_FIELDS)[number];

/** One editable Gladly custom attribute that "Overwrite Existing Values" keeps equal to a store field. */
export const OverwriteAttributeSchema = lazySchema(() =>
  z.object({
    field: z.enum(OVERWRITE_FIELDS),
    /** The custom attribute's key in Gladly (Settings → Customer Profile Attributes), e.g. "bcCompany". */
    attribute: z
      .string()
      .trim()
      .regex(/^[A-Za-z][\w.-]{0,59}$/, 'A Gladly attribute key is letters, digits, "_", "." or "-", e.g. bcCompany'),
  }),
);

export const ActionSwitchesSchema = lazySchema(() =>
  z.object({
    enabled: z.boolean(),
    cancel: z.boolean(),
    refund: z.boolean(),
    partialRefund: z.boolean(),
    discount: z.boolean(),
  }),
);

export const StoreHashSchema = lazySchema(() =>
  z.string().regex(/^[a-z0-9]{1,32}$/, 'A store hash is letters and digits, e.g. abc123'),
);

/** What the last successful "Test connection" learnt about the store. */
export const LastTestSchema = lazySchema(() =>
  z.object({
    /** ISO 8601 instant. */
    at: z.string().min(1).max(40),
    storeName: z.string().max(200),
    currency: z.string().max(10),
    timezone: z.string().max(100),
    /**
     * What the test found for each scope it checked (absent when the save, not the page, asked the
     * store: that only learns name, currency and timezone). Optional, so v2 settings read as before.
     */
    scopes: z
      .array(z.object({ scope: z.string().max(80), status: z.enum(['present', 'missing', 'undecided']) }))
      .max(20)
      .optional(),
  }),
);

const HttpUrlSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .url()
    .refine((value) => /^https?:\/\//i.test(value), 'Use an http:// or https:// address'),
);

/** Also part of the vault's secret name (`connection:<id>`), hence the narrow alphabet. */
export const ConnectionIdSchema = lazySchema(() =>
  z.string().regex(/^[\w.-]{1,64}$/, 'A connection id is 1–64 letters, digits, "_", "." or "-"'),
);

export const ConnectionSchema = lazySchema(() =>
  z.object({
    id: ConnectionIdSchema,
    name: z.string().trim().min(1).max(80),
    storeHash: StoreHashSchema,
    clientId: z.string().trim().max(200),
    enabled: z.boolean(),
    /** Only honoured by the e2e build (the sandbox); production always uses https://api.bigcommerce.com. */
    apiBaseUrl: HttpUrlSchema.optional(),
    /** Last 4 characters of the saved access token, or null when none is saved. */
    tokenHint: z.string().max(4).nullable(),
    searchQueryAttributes: z
      .array(SearchQueryAttributeSchema)
      .min(1, 'Keep at least one search query attribute')
      .refine(
        (rows) => new Set(rows.map((row) => row.attribute)).size === rows.length,
        'Each attribute can be used once',
      ),
    searchResultsAttributes: z.array(SearchResultsAttributeSchema),
    autoLink: z.object({ email: z.boolean(), phone: z.boolean() }),
    overwriteExistingValues: z.boolean(),
    /** Gladly custom attributes overwritten along with name and address (absent in older settings: none). */
    overwriteAttributes: z
      .array(OverwriteAttributeSchema)
      .max(20)
      .refine(
        (rows) => new Set(rows.map((row) => row.attribute)).size === rows.length,
        'Each Gladly attribute can be mapped once',
      )
      .default([]),
    actions: ActionSwitchesSchema,
    lastTest: LastTestSchema.nullable(),
  }),
);

/** The Gladly API token goes to this host: Gladly's own domains only (loopback in the e2e build). */
export const GladlyHostSchema = lazySchema(() =>
  z
    .string()
    .trim()
    .url()
    .refine(
      (value) => isGladlyDomain(value),
      'Use your Gladly address, on gladly.com or gladly.qa (e.g. https://acme.gladly.com)',
    ),
);

export const GladlyApiSettingsSchema = lazySchema(() =>
  z.object({
    /** e.g. https://acme.gladly.com */
    host: GladlyHostSchema,
    email: z.string().email(),
    tokenHint: z.string().max(4).nullable(),
  }),
);

export const TeamModeSchema = lazySchema(() => z.enum(['standalone', 'team']));

/**
 * Team mode (optional): the background forwards lookups and actions to a team service, which
 * alone holds the store tokens. The access key is sealed in the vault ('team-key'); only its
 * hint is here. Absent means standalone, as every profile was before team mode existed, so no
 * migration is needed and switching back and forth keeps the standalone connections untouched.
 */
export const TeamSettingsSchema = lazySchema(() =>
  z.object({
    mode: TeamModeSchema,
    /** The service's origin, e.g. https://team.example.com (no path). */
    serviceUrl: HttpUrlSchema.nullable(),
    keyHint: z.string().max(4).nullable(),
  }),
);

export const SettingsSchema = lazySchema(() =>
  z.object({
    version: z.literal(SETTINGS_VERSION),
    team: TeamSettingsSchema.optional(),
    connections: z.array(ConnectionSchema),
    /** Admin overrides of the Gladly detection selectors (key → CSS selector). */
    selectors: z.record(z.string(), z.string()),
    gladlyApi: GladlyApiSettingsSchema.nullable(),
    actionReasons: ActionReasonsSchema,
    // The sidebar's width is each agent's own (dragged, kept by the content script), not a setting.
  }),
);

export type SearchQueryAttribute = z.infer<typeof SearchQueryAttributeSchema>;
export type SearchResultsAttribute = z.infer<typeof SearchResultsAttributeSchema>;
export type OverwriteAttribute = z.infer<typeof OverwriteAttributeSchema>;
export type ActionSwitches = z.infer<typeof ActionSwitchesSchema>;
export type LastTest = z.infer<typeof LastTestSchema>;
export type Connection = z.infer<typeof ConnectionSchema>;
export type GladlyApiSettings = z.infer<typeof GladlyApiSettingsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type TeamMode = z.infer<typeof TeamModeSchema>;
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

export const STANDALONE: TeamSettings = { mode: 'standalone', serviceUrl: null, keyHint: null };

/** The team settings of any saved settings: absent (every profile before team mode) is standalone. */
export function teamOf(settings: Pick<Settings, 'team'>): TeamSettings {
  return settings.team ?? STANDALONE;
}

/** True when the background forwards to a team service (mode team, with an address). */
export function isTeamMode(settings: Pick<Settings, 'team'>): boolean {
  const team = teamOf(settings);
  return team.mode === 'team' && team.serviceUrl !== null;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  connections: [],
  selectors: {},
  gladlyApi: null,
  actionReasons: [...DEFAULT_ACTION_REASONS],
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
    overwriteAttributes: [],
    actions: { enabled: false, cancel: true, refund: true, partialRefund: true, discount: true },
    lastTest: null,
  };
}

/** A field that must be fixed before saving; `path` is dotted into Settings ("connections.0.name"). */
export interface DraftProblem {
  path: string;
  message: string;
}

export interface DraftContext {
  /** A token is saved in the vault for this connection, or a new one was typed. */
  hasToken(connectionId: string): boolean;
  hasGladlyToken: boolean;
  /** A team service access key is sealed in the vault (only asked in team mode). */
  hasTeamKey?: boolean;
}

/** Plain-words messages for the fields an admin fills in (zod's own wording is for developers). */
const FIELD_MESSAGES: Record<string, string> = {
  name: 'Enter a name that tells this store apart, e.g. “Acme US”.',
  storeHash: 'Enter the store hash, e.g. abc123 (or paste the API path).',
  clientId: 'Enter the Client ID from the API account.',
  apiBaseUrl: 'Enter an address such as http://127.0.0.1:4010 or https://127.0.0.1:4010, or leave it empty.',
  label: 'Enter a label.',
  attribute: 'Enter an attribute, e.g. name or externalCustomerId.',
  host: 'Enter your Gladly address, e.g. https://acme.gladly.com.',
  serviceUrl: 'Enter the team service address, e.g. https://team.example.com.',
  email: 'Enter the email of the Gladly user the API token belongs to.',
};

/**
 * Everything that must hold before settings are saved: the schema plus what the schema can't
 * know (a token for each connection, a Client ID, one connection per store, one store per name). Used by the page
 * (to mark fields) and by the background (which never trusts the page).
 */
export function validateDraft(draft: Settings, context: DraftContext): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const parsed = SettingsSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = [...issue.path].reverse().find((part) => typeof part === 'string');
      // The overwrite table's key rule has its own wording (not the search results' "attribute").
      const custom = issue.code === 'custom' || issue.path.includes('overwriteAttributes');
      const message = (!custom && typeof key === 'string' && FIELD_MESSAGES[key]) || issue.message;
      problems.push({ path: issue.path.map(String).join('.'), message });
    }
  }
  const seenHashes = new Map<string, string>();
  // Agents tell stores apart by name (the sidebar's headings, the audit log): one name, one store.
  const seenNames = new Set<string>();
  draft.connections.forEach((connection, index) => {
    const at = `connections.${index}`;
    if (connection.clientId.trim() === '')
      problems.push({ path: `${at}.clientId`, message: FIELD_MESSAGES.clientId ?? '' });
    if (!context.hasToken(connection.id))
      problems.push({ path: `${at}.token`, message: 'Enter the access token from the API account.' });
    const other = seenHashes.get(connection.storeHash);
    if (other !== undefined && connection.storeHash !== '') {
      problems.push({ path: `${at}.storeHash`, message: `This store is already connected as “${other}”.` });
    }
    seenHashes.set(connection.storeHash, connection.name || 'another connection');
    const name = connection.name.trim().toLocaleLowerCase();
    if (name !== '' && seenNames.has(name)) {
      problems.push({
        path: `${at}.name`,
        message: `Another store is already named “${connection.name.trim()}”: choose another name.`,
      });
    }
    seenNames.add(name);
  });
  if (draft.gladlyApi && !context.hasGladlyToken)
    problems.push({ path: 'gladlyApi.token', message: 'Enter the Gladly API token.' });
  const team = teamOf(draft);
  if (team.mode === 'team') {
    if (team.serviceUrl === null)
      problems.push({
        path: 'team.serviceUrl',
        message: 'Enter the team service address, e.g. https://team.example.com.',
      });
    else if (!context.hasTeamKey)
      problems.push({ path: 'team.key', message: 'Enter the access key your admin gave you, then press Connect.' });
  }
  // One message per field: the first is the most useful.
  const seen = new Set<string>();
  return problems.filter((problem) => (seen.has(problem.path) ? false : (seen.add(problem.path), true)));
}

// ---- What the options page shows about the saved settings (display types, no storage) ----

export type SettingsNotice =
  | { kind: 'migrated'; from: number; to: number; at: string }
  | { kind: 'set-aside'; reason: string; at: string; removedSecrets: number }
  | { kind: 'managed-invalid'; reason: string };

/** What the administrator's policy fixes; the page shows these disabled ("Set by your administrator"). */
export interface SettingsLocks {
  /** Connections set wholly by policy (their access token is still entered on the page). */
  connections: string[];
  /** Actions forced off on every connection. */
  actionsOff: boolean;
  /** Gladly host and agent email (not the token). */
  gladlyApi: boolean;
  /** Selector keys fixed by policy. */
  selectors: string[];
  /** Team mode and service address pushed by policy (the access key is still entered on the page). */
  team?: { mode: boolean; serviceUrl: boolean };
}

export const NO_LOCKS: SettingsLocks = { connections: [], actionsOff: false, gladlyApi: false, selectors: [] };
