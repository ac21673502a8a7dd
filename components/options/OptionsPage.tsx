import { useEffect, useRef, useState } from 'preact/hooks';
import type { SettingsView } from '../../lib/messages/options';
import type { SettingsNotice } from '../../lib/settings/schema';
import {
  isTeamMode,
  newConnection,
  teamOf,
  validateDraft,
  type Connection,
  type DraftProblem,
  type Settings,
} from '../../lib/settings/schema';
import { parseStoreHash } from '../../lib/settings/store-hash';
import { i18n } from '#i18n';
import { formatDate } from '../../lib/sidebar/format';
import { AuditLogSection } from './AuditLogSection';
import { ConnectionForm } from './ConnectionForm';
import { fieldId } from './Field';
import { GladlyApiSection } from './GladlyApiSection';
import { ReasonsSection } from './ReasonsSection';
import { SelectorsSection } from './SelectorsSection';
import { ShortcutSection } from './ShortcutSection';
import { TeamSection, type TeamApi } from './TeamSection';
import { messageOf, type OptionsApi } from './api';
import { translateSentence } from './sentences';
import { browserLocale } from '../../lib/core/locale';

export interface OptionsPageProps {
  api: OptionsApi;
  /** The e2e build: shows "API base URL" (never in production). */
  isE2E: boolean;
  /** lib/gladly/selectors.ts DEFAULT_SELECTORS. */
  defaultSelectors: Readonly<Record<string, string>>;
  /** The current sidebar shortcut (browser.commands), or null when none is set. */
  shortcut: string | null;
  newId?: () => string;
  /** Team mode (the "Team service" section); absent, the page is standalone only. */
  teamApi?: TeamApi;
}

type Announcement = { kind: 'error' | 'ok'; text: string } | null;

interface Draft {
  settings: Settings;
  hashInputs: Record<string, string>;
  tokens: Record<string, string>;
  gladlyToken: string;
}

function draftFrom(settings: Settings): Draft {
  return {
    settings,
    hashInputs: Object.fromEntries(settings.connections.map((c) => [c.id, c.storeHash])),
    tokens: {},
    gladlyToken: '',
  };
}

export function OptionsPage(props: OptionsPageProps) {
  const newId = props.newId ?? (() => crypto.randomUUID());
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState<Announcement>(null);
  const [importNotes, setImportNotes] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  /** Store cards shown open: new ones and those with a problem; saved ones start as a summary line. */
  const [openCards, setOpenCards] = useState<ReadonlySet<string>>(new Set());
  const importInput = useRef<HTMLInputElement>(null);
  const saveBar = useRef<HTMLDivElement>(null);
  useSaveBarRoom(saveBar, view !== null && draft !== null);

  const load = (next: SettingsView) => {
    setView(next);
    setDraft(draftFrom(next.settings));
  };

  useEffect(() => {
    props.api.get().then(load, (error: unknown) => setLoadError(messageOf(error)));
  }, []);

  if (loadError)
    return (
      <main>
        <p role="alert">{loadError}</p>
      </main>
    );
  if (!view || !draft)
    return (
      <main aria-busy="true">
        <p>{i18n.t('options.loading')}</p>
      </main>
    );

  const { settings } = draft;
  const update = (patch: (d: Draft) => Draft) => setDraft((d) => (d ? patch(d) : d));
  const setSettings = (next: Partial<Settings>) => update((d) => ({ ...d, settings: { ...d.settings, ...next } }));
  const setConnection = (id: string, next: Connection) =>
    update((d) => ({
      ...d,
      settings: { ...d.settings, connections: d.settings.connections.map((c) => (c.id === id ? next : c)) },
    }));

  /** The settings as they would be saved, and every field that must be fixed first. */
  function check(d: Draft): { next: Settings; found: DraftProblem[] } {
    const connections = d.settings.connections.map((c) => {
      const hash = parseStoreHash(d.hashInputs[c.id] ?? '');
      return { ...c, storeHash: hash.ok ? hash.hash : (d.hashInputs[c.id] ?? '').trim() };
    });
    const next: Settings = { ...d.settings, connections };
    const found = validateDraft(next, {
      hasToken: (id) => Boolean(d.tokens[id]?.trim()) || connections.find((c) => c.id === id)?.tokenHint != null,
      hasGladlyToken: Boolean(d.gladlyToken.trim()) || d.settings.gladlyApi?.tokenHint != null,
    }).map((p) => {
      // The store-hash parser explains a bad hash better than the schema can.
      const m = /^connections\.(\d+)\.storeHash$/.exec(p.path);
      const c = m ? connections[Number(m[1])] : undefined;
      const parsed = c ? parseStoreHash(d.hashInputs[c.id] ?? '') : null;
      return parsed && !parsed.ok ? { ...p, message: parsed.message } : p;
    });
    return { next, found };
  }

  function showProblems(found: DraftProblem[]) {
    // A problem in a closed card opens it: the field is shown, outlined and focused.
    const withProblems = found
      .map((p) => /^connections\.(\d+)\./.exec(p.path))
      .map((m) => (m ? draft?.settings.connections[Number(m[1])]?.id : undefined))
      .filter((id): id is string => id !== undefined);
    if (withProblems.length > 0) setOpenCards((open) => new Set([...open, ...withProblems]));
    setProblems(Object.fromEntries(found.map((p) => [p.path, translateSentence(p.message)])));
    setAnnouncement({
      kind: 'error',
      text: found.length === 1 ? i18n.t('options.notSavedOne') : i18n.t('options.notSavedMany', [found.length]),
    });
    const first = found[0];
    if (first) queueMicrotask(() => document.getElementById(fieldId(first.path))?.focus());
  }

  async function save() {
    if (!draft) return;
    const { next, found } = check(draft);
    if (found.length > 0) return showProblems(found);
    setSaving(true);
    try {
      const secrets = Object.fromEntries(
        Object.entries(draft.tokens)
          .map(([id, t]) => [id, t.trim()])
          .filter(([, t]) => t !== ''),
      );
      const reply = await props.api.save({
        settings: next,
        secrets,
        gladlyApiToken: draft.gladlyToken.trim() || undefined,
      });
      if (!reply.saved) return showProblems(reply.problems);
      load(reply.view);
      setProblems({});
      setImportNotes([]);
      setAnnouncement({ kind: 'ok', text: i18n.t('options.saved') });
    } catch (error) {
      setAnnouncement({ kind: 'error', text: i18n.t('options.notSavedBecause', [messageOf(error)]) });
    } finally {
      setSaving(false);
    }
  }

  async function exportFile() {
    try {
      const { json, filename } = await props.api.exportSettings();
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: filename });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setAnnouncement({ kind: 'error', text: messageOf(error) });
    }
  }

  async function importFile(file: File) {
    try {
      const reply = await props.api.importSettings(await file.text());
      setDraft(draftFrom(reply.settings));
      setImportNotes(reply.notes.map(translateSentence));
      setProblems({});
      setAnnouncement({ kind: 'ok', text: i18n.t('options.imported') });
    } catch (error) {
      setAnnouncement({ kind: 'error', text: messageOf(error) });
    }
  }

  const locks = view.locks;
  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <Notices notices={view.notices} />
      {importNotes.length > 0 ? (
        <ul class="note">
          {importNotes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}

      {props.teamApi ? (
        <TeamSection
          api={props.teamApi}
          team={teamOf(view.settings)}
          locks={view.locks.team}
          // Only the view: the team settings are saved by the background, never through this draft.
          onSaved={() => void props.api.get().then(setView, () => undefined)}
        />
      ) : null}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <section aria-labelledby="stores-title">
          <h2 id="stores-title">{i18n.t('options.storesTitle')}</h2>
          {isTeamMode(view.settings) ? <p class="note">{i18n.t('options.teamModeOn')}</p> : null}
          {settings.connections.length === 0 ? <p>{i18n.t('options.noStore')}</p> : null}
          <p class="help">{i18n.t('stores.intro')}</p>
          {settings.connections.map((c, index) => (
            <ConnectionForm
              key={c.id}
              index={index}
              connection={c}
              hashInput={draft.hashInputs[c.id] ?? ''}
              newToken={draft.tokens[c.id] ?? ''}
              problems={problems}
              locked={locks.connections.includes(c.id)}
              actionsOff={locks.actionsOff}
              hasGladlyApi={settings.gladlyApi !== null}
              isE2E={props.isE2E}
              api={props.api}
              open={openCards.has(c.id)}
              onToggle={(open) =>
                setOpenCards((cards) => {
                  const next = new Set(cards);
                  if (open) next.add(c.id);
                  else next.delete(c.id);
                  return next;
                })
              }
              onChange={(next) => setConnection(c.id, next)}
              onTested={(lastTest) =>
                update((d) => ({
                  ...d,
                  settings: {
                    ...d.settings,
                    connections: d.settings.connections.map((x) => (x.id === c.id ? { ...x, lastTest } : x)),
                  },
                }))
              }
              onHashInput={(text) => update((d) => ({ ...d, hashInputs: { ...d.hashInputs, [c.id]: text } }))}
              onToken={(text) => update((d) => ({ ...d, tokens: { ...d.tokens, [c.id]: text } }))}
              onCredentials={(cred) =>
                update((d) => ({
                  ...d,
                  hashInputs: { ...d.hashInputs, [c.id]: cred.storeHash },
                  tokens: { ...d.tokens, [c.id]: cred.accessToken },
                  settings: {
                    ...d.settings,
                    connections: d.settings.connections.map((x) =>
                      x.id === c.id ? { ...x, clientId: cred.clientId, name: x.name.trim() || cred.name } : x,
                    ),
                  },
                }))
              }
              onRemove={() =>
                update((d) => ({
                  ...d,
                  settings: { ...d.settings, connections: d.settings.connections.filter((x) => x.id !== c.id) },
                }))
              }
            />
          ))}
          <button
            type="button"
            onClick={() => {
              const id = newId();
              setOpenCards((open) => new Set([...open, id]));
              update((d) => ({
                ...d,
                hashInputs: { ...d.hashInputs, [id]: '' },
                settings: { ...d.settings, connections: [...d.settings.connections, newConnection(id)] },
              }));
            }}
          >
            {i18n.t('options.addStore')}
          </button>
        </section>

        <GladlyApiSection
          value={settings.gladlyApi}
          newToken={draft.gladlyToken}
          problems={problems}
          locked={locks.gladlyApi}
          api={props.api}
          onChange={(gladlyApi) => setSettings({ gladlyApi })}
          onToken={(gladlyToken) => update((d) => ({ ...d, gladlyToken }))}
        />

        <ReasonsSection
          reasons={settings.actionReasons}
          problems={problems}
          onChange={(actionReasons) => setSettings({ actionReasons })}
        />

        <SelectorsSection
          defaults={props.defaultSelectors}
          overrides={settings.selectors}
          lockedKeys={locks.selectors}
          onChange={(selectors) => setSettings({ selectors })}
        />

        <div class="save-bar" ref={saveBar}>
          <button type="submit" class="primary" disabled={saving}>
            {i18n.t('options.save')}
          </button>
          {/* An alert is announced when it appears; the status region is there from the start. */}
          {announcement?.kind === 'error' ? (
            <p role="alert" class="field__error">
              {announcement.text}
            </p>
          ) : null}
          <p role="status" class="note">
            {announcement?.kind === 'ok' ? announcement.text : ''}
          </p>
        </div>
      </form>

      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">{i18n.t('options.transferTitle')}</h2>
        <p class="help">{i18n.t('options.transferHelp')}</p>
        <div class="row">
          <button type="button" onClick={() => void exportFile()}>
            {i18n.t('options.export')}
          </button>
          <button type="button" onClick={() => importInput.current?.click()}>
            {i18n.t('options.import')}
          </button>
        </div>
        <input
          ref={importInput}
          type="file"
          accept=".json,application/json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label={i18n.t('options.settingsFile')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void importFile(file);
            e.currentTarget.value = '';
          }}
        />
      </section>

      <ShortcutSection shortcut={props.shortcut} />

      <section aria-labelledby="audit-title">
        <h2 id="audit-title">{i18n.t('options.auditTitle')}</h2>
        <AuditLogSection load={props.api.auditLog} />
      </section>
    </main>
  );
}

/**
 * The sticky Save bar must never cover a field: the page keeps as much room at its bottom, and
 * scrolling a field into view (focus, a validation error) stops above the bar, whatever its height
 * (it grows with an error message).
 */
function useSaveBarRoom(bar: { current: HTMLElement | null }, ready: boolean) {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const apply = () => root.style.setProperty('--save-bar-height', `${Math.ceil(element.offsetHeight)}px`);
    apply();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(apply);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ready]);
}

function Notices({ notices }: { notices: SettingsNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <ul class="notices" role="status">
      {notices.map((n, i) => (
        <li key={i}>
          {n.kind === 'migrated'
            ? i18n.t('options.migrated', [n.from, n.to])
            : n.kind === 'set-aside'
              ? i18n.t('options.setAside', [formatDate(n.at, browserLocale()), translateSentence(n.reason)]) +
                (n.removedSecrets > 0 ? ` ${i18n.t('options.setAsideTokens', [n.removedSecrets])}` : '')
              : translateSentence(n.reason)}
        </li>
      ))}
    </ul>
  );
}
