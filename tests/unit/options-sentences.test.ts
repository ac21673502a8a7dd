/**
 * The options page says lib/settings' and the background's English sentences in its own language
 * (components/options/sentences.ts). Every sentence those modules really produce must be one the
 * table knows, and each table entry must be its catalog key's English text: otherwise a German
 * admin would read English again the day a sentence changes.
 */
import { describe, expect, it } from 'vitest';
import { knownSentence, SENTENCES } from '../../components/options/sentences';
import en from '../../locales/en.json';
import { checkServiceUrl } from '../../lib/background/team-options';
import { parseCredentialsFile } from '../../lib/settings/credentials-file';
import { DEFAULT_SETTINGS, newConnection, validateDraft, type Settings } from '../../lib/settings/schema';
import { importSettings, readSettings } from '../../lib/settings/storage';
import { parseStoreHash } from '../../lib/settings/store-hash';

/** In tests `#i18n` is the English catalog: a known sentence comes back word for word. */
function expectKnown(message: string) {
  expect(knownSentence(message), message).toBe(message);
}

describe('the options page translates the sentences it is given', () => {
  it('knows exactly the catalog’s optionsSentences, each as its English text', () => {
    const catalog = Object.values(en.optionsSentences);
    expect(SENTENCES.map(([english]) => english).sort()).toEqual([...catalog].sort());
    for (const english of catalog) expectKnown(english.replace(/\$(\d)/g, 'value$1'));
  });

  it('knows every validation sentence lib/settings gives for a bad draft', () => {
    const blank = { ...newConnection('n1'), apiBaseUrl: 'ftp://x' };
    const twice = { ...newConnection('n2'), name: 'Acme', storeHash: 'abc123', clientId: 'c' };
    const bad: Settings = {
      ...DEFAULT_SETTINGS,
      actionReasons: ['Late', 'late', ''],
      connections: [
        blank,
        twice,
        { ...twice, id: 'n3', searchQueryAttributes: [] },
        {
          ...twice,
          id: 'n4',
          name: 'Other',
          storeHash: 'Not A Hash',
          overwriteAttributes: [
            { field: 'company', attribute: '1bad' },
            { field: 'notes', attribute: 'x' },
            { field: 'id', attribute: 'x' },
          ],
        },
      ],
      gladlyApi: { host: 'https://example.com', email: 'nope', tokenHint: null },
    };
    const problems = [
      ...validateDraft(bad, { hasToken: () => false, hasGladlyToken: false }),
      ...validateDraft({ ...DEFAULT_SETTINGS, actionReasons: [] }, { hasToken: () => true, hasGladlyToken: true }),
      ...validateDraft(
        { ...DEFAULT_SETTINGS, team: { mode: 'team', serviceUrl: null, keyHint: null } },
        { hasToken: () => true, hasGladlyToken: true },
      ),
    ];
    expect(problems.length).toBeGreaterThan(10);
    for (const { message } of problems) expectKnown(message);
  });

  it('knows what the store-hash field, the credentials file, an import and the team address say', () => {
    const hashes = ['', 'not a hash!', 'https://exa mple', 'https://example.com/x', 'store-abc123', 'abc123'];
    hashes.push('/stores/abc123/v3', 'store-abc123.mybigcommerce.com');
    for (const input of hashes) {
      const result = parseStoreHash(input);
      expectKnown(result.ok ? result.understoodAs : result.message);
    }
    const files = ['hello', 'ACCESS TOKEN: a b\nCLIENT ID: c\nAPI PATH: /stores/x1/', 'ACCESS TOKEN: t'];
    files.push('ACCESS TOKEN: t\nCLIENT ID: c\nAPI PATH: https://example.com/');
    for (const text of files) {
      const result = parseCredentialsFile(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expectKnown(result.message);
    }
    for (const raw of [[], {}, { version: 99 }, { version: 3, connections: 'x' }]) {
      const result = readSettings(raw);
      expect(result.kind).toBe('unreadable');
      if (result.kind === 'unreadable') {
        expectKnown(result.reason);
        expectKnown(result.reason.replace('saved settings', 'imported settings'));
      }
    }
    for (const text of ['{', '{"format":"other"}']) {
      const result = importSettings(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expectKnown(result.message);
    }
    for (const address of ['', 'http://team.example.com', 'https://user@team.example.com']) {
      expect(() => checkServiceUrl(address, false)).toThrow();
      try {
        checkServiceUrl(address, false);
      } catch (error) {
        expectKnown((error as Error).message);
      }
    }
  });

  it('leaves a sentence it does not know as it came', () => {
    expect(knownSentence('The store said no.')).toBeNull();
  });
});
