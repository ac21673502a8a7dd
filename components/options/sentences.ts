/**
 * The sentences the options page shows from lib/settings (validation, store hash, credentials
 * file), from a connection test's scope probes (lib/bigcommerce/admin-api.ts) and from the
 * background (lib/background/options-service.ts, team-options.ts), in the page's language. Those
 * modules keep speaking English: they also serve the team service, the sidebar, logs and their
 * tests. Each English sentence here is the catalog's `optionsSentences.*` English text
 * (tests/unit/options-sentences.test.ts keeps them equal); a sentence it does not know is shown
 * as it came.
 */
import { i18n } from '#i18n';

type Values = readonly string[];

/** English template ($1… = a value) → the sentence in the page's language. */
export const SENTENCES: ReadonlyArray<readonly [string, (values: Values) => string]> = [
  ['Enter a name that tells this store apart, e.g. “Acme US”.', () => i18n.t('optionsSentences.fieldName')],
  ['Enter the store hash, e.g. abc123 (or paste the API path).', () => i18n.t('optionsSentences.fieldStoreHash')],
  ['Enter the Client ID from the API account.', () => i18n.t('optionsSentences.fieldClientId')],
  [
    'Enter an address such as http://127.0.0.1:4010 or https://127.0.0.1:4010, or leave it empty.',
    () => i18n.t('optionsSentences.fieldApiBaseUrl'),
  ],
  ['Enter a label.', () => i18n.t('optionsSentences.fieldLabel')],
  ['Enter an attribute, e.g. name or externalCustomerId.', () => i18n.t('optionsSentences.fieldAttribute')],
  ['Enter your Gladly address, e.g. https://acme.gladly.com.', () => i18n.t('optionsSentences.fieldHost')],
  ['Enter the team service address, e.g. https://team.example.com.', () => i18n.t('optionsSentences.fieldServiceUrl')],
  ['Enter the email of the Gladly user the API token belongs to.', () => i18n.t('optionsSentences.fieldEmail')],
  ['Enter the access token from the API account.', () => i18n.t('optionsSentences.token')],
  ['This store is already connected as “$1”.', (v) => i18n.t('optionsSentences.duplicateHash', [v[0] ?? ''])],
  [
    'Another store is already named “$1”: choose another name.',
    (v) => i18n.t('optionsSentences.duplicateName', [v[0] ?? '']),
  ],
  ['Enter the Gladly API token.', () => i18n.t('optionsSentences.gladlyToken')],
  ['Enter the access key your admin gave you, then press Connect.', () => i18n.t('optionsSentences.teamKey')],
  ['Enter a reason, or remove the row.', () => i18n.t('optionsSentences.reasonEmpty')],
  ['Keep at least one reason: a cancel needs one.', () => i18n.t('optionsSentences.reasonsNone')],
  ['Each reason can be listed once', () => i18n.t('optionsSentences.reasonsTwice')],
  [
    'A Gladly attribute key is letters, digits, "_", "." or "-", e.g. bcCompany',
    () => i18n.t('optionsSentences.gladlyKeyFormat'),
  ],
  ['A store hash is letters and digits, e.g. abc123', () => i18n.t('optionsSentences.hashFormat')],
  ['Use an http:// or https:// address', () => i18n.t('optionsSentences.httpAddress')],
  ['Keep at least one search query attribute', () => i18n.t('optionsSentences.queryNone')],
  ['Each attribute can be used once', () => i18n.t('optionsSentences.queryTwice')],
  ['Each Gladly attribute can be mapped once', () => i18n.t('optionsSentences.overwriteTwice')],
  [
    'Use your Gladly address, on gladly.com or gladly.qa (e.g. https://acme.gladly.com)',
    () => i18n.t('optionsSentences.gladlyHost'),
  ],
  [
    'The store hash is missing. Paste the store hash (e.g. abc123), the API path or the control-panel address.',
    () => i18n.t('optionsSentences.hashMissing'),
  ],
  [
    '“$1” is not a store hash: it is letters and digits only. Paste the store hash (e.g. abc123), the API path or the control-panel address.',
    (v) => i18n.t('optionsSentences.hashNotAHash', [v[0] ?? '']),
  ],
  [
    'That address could not be read. Paste the store hash (e.g. abc123), the API path or the control-panel address.',
    () => i18n.t('optionsSentences.hashUnreadable'),
  ],
  [
    'That address does not contain a store hash. Paste the store hash (e.g. abc123), the API path or the control-panel address.',
    () => i18n.t('optionsSentences.hashNotInAddress'),
  ],
  ['Store hash $1 (from “$2”)', (v) => i18n.t('optionsSentences.hashFrom', [v[0] ?? '', v[1] ?? ''])],
  ['Store hash $1 (from the API path)', (v) => i18n.t('optionsSentences.hashFromApiPath', [v[0] ?? ''])],
  [
    'Store hash $1 (from the control-panel address)',
    (v) => i18n.t('optionsSentences.hashFromControlPanel', [v[0] ?? '']),
  ],
  ['Store hash $1', (v) => i18n.t('optionsSentences.hash', [v[0] ?? ''])],
  [
    'This does not look like a BigCommerce API credentials file (it should have lines such as “ACCESS TOKEN: …” and “API PATH: …”).',
    () => i18n.t('optionsSentences.notCredentialsFile'),
  ],
  [
    'The credentials file has no $1 line. Use the file BigCommerce downloaded when the API account was created.',
    (v) => i18n.t('optionsSentences.credentialsLineMissing', [v[0] ?? '']),
  ],
  [
    'The ACCESS TOKEN line of the credentials file is not a single token.',
    () => i18n.t('optionsSentences.credentialsTokenNotSingle'),
  ],
  [
    'The API PATH line of the credentials file has no store hash (…/stores/abc123/…).',
    () => i18n.t('optionsSentences.credentialsNoHash'),
  ],
  ['Gladly accepted the token for $1.', (v) => i18n.t('optionsSentences.gladlyAccepted', [v[0] ?? ''])],
  ['The settings were malformed.', () => i18n.t('optionsSentences.malformed')],
  ['Enter the access token first: there is none saved for this store.', () => i18n.t('optionsSentences.tokenFirst')],
  [
    'The Gladly address differs from the saved one: enter the API token again to test it there.',
    () => i18n.t('optionsSentences.gladlyAddressChanged'),
  ],
  ['Enter the Gladly API token first: there is none saved.', () => i18n.t('optionsSentences.gladlyTokenFirst')],
  [
    'Review the imported settings, enter any missing access tokens, then press Save. Nothing is saved yet.',
    () => i18n.t('optionsSentences.importReview'),
  ],
  [
    'The file came from an older version (settings version $1) and was upgraded.',
    (v) => i18n.t('optionsSentences.importUpgraded', [v[0] ?? '']),
  ],
  [
    '$1 secret(s) in the file were ignored: enter tokens on this page.',
    (v) => i18n.t('optionsSentences.importSecretsIgnored', [v[0] ?? '']),
  ],
  ['The store did not answer in time.', () => i18n.t('optionsSentences.storeTimeout')],
  ['The team service address must start with https://.', () => i18n.t('optionsSentences.teamHttps')],
  [
    'Enter only the address of the team service, without a query or a user name.',
    () => i18n.t('optionsSentences.teamAddressOnly'),
  ],
  ['Paste the access key your admin gave you.', () => i18n.t('optionsSentences.teamPasteKey')],
  ['The mode is set by your administrator.', () => i18n.t('optionsSentences.teamModeLocked')],
  ['Connect to a team service first (address and access key).', () => i18n.t('optionsSentences.teamConnectFirst')],
  ['No team service is connected yet.', () => i18n.t('optionsSentences.teamNone')],
  ['That file is not a settings export (it is not JSON).', () => i18n.t('optionsSentences.importNotJson')],
  ['That file is not a settings export from this extension.', () => i18n.t('optionsSentences.importNotOurs')],
  ['The saved settings were not an object.', () => i18n.t('optionsSentences.savedNotObject')],
  [
    'The saved settings have no version this extension knows (they may come from an early preview).',
    () => i18n.t('optionsSentences.savedNoVersion'),
  ],
  [
    'The saved settings were written by a newer version of the extension (settings version $1).',
    (v) => i18n.t('optionsSentences.savedNewer', [v[0] ?? '']),
  ],
  ['The saved settings did not pass checks (at $1).', (v) => i18n.t('optionsSentences.savedChecksAt', [v[0] ?? ''])],
  ['The saved settings did not pass checks.', () => i18n.t('optionsSentences.savedChecks')],
  ['The imported settings were not an object.', () => i18n.t('optionsSentences.importedNotObject')],
  [
    'The imported settings have no version this extension knows (they may come from an early preview).',
    () => i18n.t('optionsSentences.importedNoVersion'),
  ],
  [
    'The imported settings were written by a newer version of the extension (settings version $1).',
    (v) => i18n.t('optionsSentences.importedNewer', [v[0] ?? '']),
  ],
  [
    'The imported settings did not pass checks (at $1).',
    (v) => i18n.t('optionsSentences.importedChecksAt', [v[0] ?? '']),
  ],
  ['The imported settings did not pass checks.', () => i18n.t('optionsSentences.importedChecks')],
  ['Settings version $1 can no longer be upgraded.', (v) => i18n.t('optionsSentences.versionTooOld', [v[0] ?? ''])],
  [
    "Your administrator's policy for this extension could not be read (at $1); it is ignored until fixed.",
    (v) => i18n.t('optionsSentences.policyUnreadableAt', [v[0] ?? '']),
  ],
  [
    "Your administrator's policy for this extension could not be read; it is ignored until fixed.",
    () => i18n.t('optionsSentences.policyUnreadable'),
  ],
  ['No safe way to test this scope.', () => i18n.t('optionsSentences.probeNoWay')],
  ['$1 → 403: the API account lacks “$2”.', (v) => i18n.t('optionsSentences.probeLacks', [v[0] ?? '', v[1] ?? ''])],
  ['$1 → 401: BigCommerce refused the access token.', (v) => i18n.t('optionsSentences.probeRefused', [v[0] ?? ''])],
  [
    "$1 → 429: the store's API quota is used up; test again shortly.",
    (v) => i18n.t('optionsSentences.probeQuota', [v[0] ?? '']),
  ],
  [
    '$1 → $2: BigCommerce had a problem; test again shortly.',
    (v) => i18n.t('optionsSentences.probeProblem', [v[0] ?? '', v[1] ?? '']),
  ],
  ['$1 → $2: an unexpected answer.', (v) => i18n.t('optionsSentences.probeUnexpected', [v[0] ?? '', v[1] ?? ''])],
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS = SENTENCES.map(([english, say]) => ({
  pattern: new RegExp(`^${escapeRegExp(english).replace(/\\\$\d/g, '(.+?)')}$`, 's'),
  say,
}));

/** The English sentence as one the catalog knows, or null. */
export function knownSentence(message: string): string | null {
  for (const { pattern, say } of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return say(match.slice(1));
  }
  return null;
}

/** A sentence from lib/ or the background in the page's language (as it came when unknown). */
export function translateSentence(message: string): string {
  return knownSentence(message) ?? message;
}
