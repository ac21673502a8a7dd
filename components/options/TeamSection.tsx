/**
 * "Team service" on the options page: choose the mode, connect with the service's address and
 * an access key (the key is handed to the background once and never shown again), and — with an
 * admin key — manage the service's stores, its access keys and its audit log. Every call goes
 * through TeamApi (background messages); the page never holds a saved key or a store token.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamAdminSender } from '../../lib/messages/protocol';
import type { TeamKey, TeamServiceStore, TeamStoreInput, TeamStoreTestResult } from '../../lib/messages/team';
import { newConnection, type SettingsLocks, type TeamMode, type TeamSettings } from '../../lib/settings/schema';
import { parseStoreHash } from '../../lib/settings/store-hash';
import type { TeamProfile } from '../../lib/team/client';
import { copyText } from '../../lib/sidebar/clipboard';
import { AuditLogSection } from './AuditLogSection';
import { Field, Locked } from './Field';
import { messageOf } from './api';

export interface TeamApi {
  /**
   * Asks the browser for access to the service's origin. Must be called in the click handler
   * itself, before any await: the browser only asks from a user gesture.
   */
  requestOrigin(serviceUrl: string): Promise<boolean>;
  connect(serviceUrl: string, key?: string): Promise<{ profile: TeamProfile }>;
  setMode(mode: TeamMode): Promise<void>;
  me(): Promise<{ profile: TeamProfile }>;
  /** One admin operation; its reply is typed per operation (lib/messages/protocol.ts TeamAdminReplies). */
  admin: TeamAdminSender;
}

export interface TeamSectionProps {
  api: TeamApi;
  team: TeamSettings;
  locks: SettingsLocks['team'];
  /** The saved settings changed (mode, address, key): reload the page's view. */
  onSaved(): void;
}

type Status = { kind: 'error' | 'ok'; text: string } | null;

export function TeamSection(props: TeamSectionProps) {
  const { team } = props;
  const connected = team.serviceUrl !== null && team.keyHint !== null;
  const [mode, setMode] = useState<TeamMode>(team.mode);
  const [url, setUrl] = useState(team.serviceUrl ?? '');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [profile, setProfile] = useState<TeamProfile | null>(null);

  useEffect(() => {
    setMode(team.mode);
    if (team.serviceUrl) setUrl(team.serviceUrl);
  }, [team.mode, team.serviceUrl]);

  // Who this key is and which stores it sees, each time the page opens in team mode.
  useEffect(() => {
    if (team.mode !== 'team' || !connected) return;
    props.api.me().then(
      (reply) => setProfile(reply.profile),
      (error: unknown) => setStatus({ kind: 'error', text: messageOf(error) }),
    );
  }, [team.mode, team.serviceUrl, team.keyHint]);

  async function chooseMode(next: TeamMode) {
    setMode(next);
    setStatus(null);
    // Team mode needs a Connect first; with an address and key saved, switching is immediate.
    if (next === 'team' && !connected) return;
    if (next === team.mode) return;
    try {
      await props.api.setMode(next);
      if (next === 'standalone') setProfile(null);
      setStatus({
        kind: 'ok',
        text:
          next === 'standalone'
            ? 'Standalone mode: this browser uses its own store connections again.'
            : 'Team mode: lookups and actions go through the team service.',
      });
      props.onSaved();
    } catch (error) {
      setMode(team.mode);
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  function connect() {
    const address = (props.locks?.serviceUrl && team.serviceUrl) || url.trim();
    if (!address) return setStatus({ kind: 'error', text: 'Enter the team service address first.' });
    if (!key.trim() && team.keyHint === null)
      return setStatus({ kind: 'error', text: 'Paste the access key your admin gave you.' });
    // Asked synchronously, inside the click: the browser only shows its prompt for a user gesture.
    const granted = props.api.requestOrigin(address);
    setBusy(true);
    setStatus(null);
    void (async () => {
      try {
        if (!(await granted)) {
          setStatus({
            kind: 'error',
            text: 'The browser did not allow the extension to reach that address. Press Connect again and choose Allow.',
          });
          return;
        }
        const reply = await props.api.connect(address, key.trim() || undefined);
        setKey('');
        setProfile(reply.profile);
        setStatus({ kind: 'ok', text: `Connected as ${reply.profile.name} (${reply.profile.role}).` });
        props.onSaved();
      } catch (error) {
        setStatus({ kind: 'error', text: messageOf(error) });
      } finally {
        setBusy(false);
      }
    })();
  }

  const modeLocked = props.locks?.mode === true;
  const urlLocked = props.locks?.serviceUrl === true;
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">Team service</h2>
      <p class="help">
        Standalone: this browser keeps the store tokens and its own links and audit log. Team service: one service keeps
        them for the whole team; this browser only keeps an access key.
      </p>
      <fieldset>
        <legend>Mode</legend>
        <Locked when={modeLocked} />
        {(['standalone', 'team'] as const).map((value) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name="team-mode"
              value={value}
              checked={mode === value}
              disabled={modeLocked || busy}
              onChange={() => void chooseMode(value)}
            />
            {value === 'standalone' ? 'Standalone (this browser)' : 'Team (a shared team service)'}
          </label>
        ))}
      </fieldset>

      {mode === 'team' ? (
        <div class="team-connect">
          <Field
            path="team.serviceUrl"
            label="Team service address"
            type="url"
            value={url}
            placeholder="https://team.example.com"
            disabled={urlLocked}
            hint={urlLocked ? 'Set by your administrator' : undefined}
            onInput={setUrl}
          />
          <Field
            path="team.key"
            label="Access key"
            type="password"
            value={key}
            autoComplete="new-password"
            hint={
              team.keyHint !== null
                ? `A key is saved${team.keyHint ? ` (ending in ${team.keyHint})` : ''}. Paste a new one to replace it.`
                : 'From your admin. It is kept encrypted and never shown again.'
            }
            onInput={setKey}
          />
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={connect}>
              Connect
            </button>
          </div>
        </div>
      ) : null}
      {status?.kind === 'error' ? (
        <p role="alert" class="field__error">
          {status.text}
        </p>
      ) : null}
      <p role="status" class="note">
        {status?.kind === 'ok' ? status.text : ''}
      </p>

      {mode === 'team' && profile ? <ProfileSummary profile={profile} /> : null}
      {mode === 'team' && profile?.role === 'admin' ? <AdminPanels api={props.api} /> : null}
    </section>
  );
}

function ProfileSummary({ profile }: { profile: TeamProfile }) {
  return (
    <div class="team-profile">
      <p>
        Signed in to the team service as <strong>{profile.name}</strong> ({profile.role === 'admin' ? 'admin' : 'agent'}
        ).
      </p>
      {profile.stores.length === 0 ? (
        <p>The service has no store connected yet.</p>
      ) : (
        <ul aria-label="Stores on the team service">
          {profile.stores.map((s) => (
            <li key={s.id}>
              {s.name}
              {s.enabled ? '' : ' (off)'}
              {s.actions.enabled ? ' — actions on' : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function AdminPanels({ api }: { api: TeamApi }) {
  return (
    <>
      <TeamStores api={api} />
      <TeamKeys api={api} />
      <section aria-labelledby="team-audit-title">
        <h3 id="team-audit-title">Team audit log</h3>
        <AuditLogSection
          load={async () => (await api.admin({ op: 'audit/list' })).entries}
          exportCsv={() => api.admin({ op: 'audit/csv' })}
        />
      </section>
    </>
  );
}

// ---- stores on the service ----------------------------------------------------------------------

type StoreDraft = TeamStoreInput & { id: string; hashInput: string; hasToken: boolean; isNew: boolean };

function draftOf(store: TeamServiceStore | null, id: string): StoreDraft {
  const base = newConnection(id);
  const from = store ?? {
    name: '',
    storeHash: '',
    clientId: '',
    enabled: true,
    searchQueryAttributes: base.searchQueryAttributes,
    searchResultsAttributes: base.searchResultsAttributes,
    autoLink: base.autoLink,
    overwriteExistingValues: base.overwriteExistingValues,
    actions: base.actions,
    hasToken: false,
  };
  return { ...from, id: store?.id ?? id, hashInput: from.storeHash, accessToken: '', isNew: store === null };
}

const SWITCHES: Array<[keyof TeamStoreInput['actions'], string]> = [
  ['enabled', 'Actions on'],
  ['cancel', 'Cancel'],
  ['refund', 'Refund'],
  ['partialRefund', 'Partial refund'],
  ['discount', 'Discount codes'],
];

function TeamStores({ api }: { api: TeamApi }) {
  const [stores, setStores] = useState<TeamServiceStore[] | null>(null);
  const [editing, setEditing] = useState<StoreDraft | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [tested, setTested] = useState<Record<string, TeamStoreTestResult>>({});

  const refresh = async () => {
    try {
      setStores((await api.admin({ op: 'stores/list' })).stores);
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  async function save(draft: StoreDraft) {
    const hash = parseStoreHash(draft.hashInput);
    if (!draft.name.trim()) return setStatus({ kind: 'error', text: 'Enter a name for the store.' });
    if (!hash.ok) return setStatus({ kind: 'error', text: hash.message });
    if (draft.isNew && !draft.accessToken?.trim())
      return setStatus({ kind: 'error', text: 'Enter the store’s access token.' });
    const { id, hashInput: _h, hasToken: _t, isNew: _n, accessToken, ...fields } = draft;
    const store: TeamStoreInput = {
      ...fields,
      name: fields.name.trim(),
      storeHash: hash.hash,
      ...(accessToken?.trim() ? { accessToken: accessToken.trim() } : {}),
    };
    try {
      await api.admin({ op: 'stores/save', id, store });
      setEditing(null);
      setStatus({ kind: 'ok', text: `Saved “${store.name}” on the team service.` });
      await refresh();
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  async function test(id: string) {
    try {
      const result = await api.admin({ op: 'stores/test', id });
      setTested((t) => ({ ...t, [id]: result }));
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  async function remove(store: TeamServiceStore) {
    if (!globalThis.confirm?.(`Remove “${store.name}” from the team service? Agents will no longer see it.`)) return;
    try {
      await api.admin({ op: 'stores/delete', id: store.id });
      await refresh();
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <section aria-labelledby="team-stores-title">
      <h3 id="team-stores-title">Stores on the team service</h3>
      {stores === null && !status ? <p aria-live="polite">Loading…</p> : null}
      {stores?.length === 0 ? <p>No store is connected on the service yet.</p> : null}
      {stores && stores.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Hash</th>
              <th scope="col">Token</th>
              <th scope="col">Actions</th>
              <th scope="col">
                <span class="visually-hidden">Manage</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {stores.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.name}
                  {s.enabled ? '' : ' (off)'}
                  {tested[s.id] ? <TestSummary result={tested[s.id] as TeamStoreTestResult} /> : null}
                </td>
                <td>{s.storeHash}</td>
                <td>{s.hasToken ? 'Saved' : 'Missing'}</td>
                <td>{s.actions.enabled ? 'On' : 'Off'}</td>
                <td class="row">
                  <button type="button" onClick={() => setEditing(draftOf(s, s.id))}>
                    Edit <span class="visually-hidden">{s.name}</span>
                  </button>
                  <button type="button" onClick={() => void test(s.id)}>
                    Test <span class="visually-hidden">{s.name}</span>
                  </button>
                  <button type="button" class="danger" onClick={() => void remove(s)}>
                    Remove <span class="visually-hidden">{s.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <StoreEditor draft={editing} onChange={setEditing} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing(draftOf(null, crypto.randomUUID().slice(0, 8)))}>
          Add a store to the team service
        </button>
      )}
      {status?.kind === 'error' ? <p role="alert">{status.text}</p> : null}
      <p role="status" class="note">
        {status?.kind === 'ok' ? status.text : ''}
      </p>
    </section>
  );
}

function TestSummary({ result }: { result: TeamStoreTestResult }) {
  const missing = result.scopes.filter((s) => s.status === 'missing');
  return (
    <p class="note">
      {result.store.name} · {result.store.currency} · {result.store.timezone}
      {missing.length > 0
        ? ` — missing: ${missing.map((s) => s.label).join(', ')}`
        : ' — every scope needed is present'}
    </p>
  );
}

function StoreEditor(props: {
  draft: StoreDraft;
  onChange(next: StoreDraft): void;
  onSave(draft: StoreDraft): void;
  onCancel(): void;
}) {
  const { draft } = props;
  const set = (patch: Partial<StoreDraft>) => props.onChange({ ...draft, ...patch });
  return (
    <fieldset class="connection">
      <legend>{draft.isNew ? 'New store on the team service' : `Edit “${draft.name}”`}</legend>
      <Field path="team.store.name" label="Store name" value={draft.name} onInput={(name) => set({ name })} />
      <Field
        path="team.store.storeHash"
        label="Store hash"
        value={draft.hashInput}
        onInput={(hashInput) => set({ hashInput })}
      />
      <Field
        path="team.store.clientId"
        label="Client ID"
        value={draft.clientId}
        onInput={(clientId) => set({ clientId })}
      />
      <Field
        path="team.store.accessToken"
        label="Store access token"
        type="password"
        autoComplete="new-password"
        value={draft.accessToken ?? ''}
        hint={
          draft.hasToken
            ? 'A token is saved on the service. Leave empty to keep it; it is never shown.'
            : 'Sent once to the service, which keeps it encrypted; never shown again.'
        }
        onInput={(accessToken) => set({ accessToken })}
      />
      <label class="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        Store on
      </label>
      {SWITCHES.map(([name, label]) => (
        <label class="check" key={name}>
          <input
            type="checkbox"
            checked={draft.actions[name]}
            disabled={name !== 'enabled' && !draft.actions.enabled}
            onChange={(e) => set({ actions: { ...draft.actions, [name]: e.currentTarget.checked } })}
          />
          {label}
        </label>
      ))}
      <div class="row">
        <button type="button" class="primary" onClick={() => props.onSave(draft)}>
          Save store
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}

// ---- access keys -------------------------------------------------------------------------------

function TeamKeys({ api }: { api: TeamApi }) {
  const [keys, setKeys] = useState<TeamKey[] | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    try {
      setKeys((await api.admin({ op: 'keys/list' })).keys);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useEffect(() => {
    void refresh();
  }, []);

  async function issue() {
    if (!name.trim()) return setError('Enter who the key is for, e.g. the agent’s name.');
    setError(null);
    try {
      const reply = await api.admin({ op: 'keys/issue', name: name.trim(), role });
      setIssued({ name: name.trim(), key: reply.key });
      setCopied(false);
      setName('');
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function revoke(key: TeamKey) {
    if (!globalThis.confirm?.(`Revoke the key of “${key.name}”? It stops working at once.`)) return;
    try {
      await api.admin({ op: 'keys/revoke', id: key.id });
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section aria-labelledby="team-keys-title">
      <h3 id="team-keys-title">Access keys</h3>
      <div class="row">
        <Field path="team.newKey.name" label="Key for" value={name} onInput={setName} placeholder="Agent name" />
        <label>
          Role{' '}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as 'agent' | 'admin')}>
            <option value="agent">agent</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <button type="button" onClick={() => void issue()}>
          Issue a key
        </button>
      </div>
      {issued ? (
        <div class="issued-key" role="status">
          <p>
            The key for <strong>{issued.name}</strong>. Copy it now: it is shown only this once.
          </p>
          <input
            class="issued-key__value"
            aria-label="New access key"
            readOnly
            value={issued.key}
            onFocus={(e) => e.currentTarget.select()}
          />{' '}
          <button type="button" onClick={() => void copyText(issued.key).then(setCopied)}>
            {copied ? 'Copied' : 'Copy'}
          </button>{' '}
          <button type="button" onClick={() => setIssued(null)}>
            Done
          </button>
        </div>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {keys && keys.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Issued</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{k.role}</td>
                <td>{k.createdAt.slice(0, 10)}</td>
                <td>{k.revokedAt ? `Revoked ${k.revokedAt.slice(0, 10)}` : 'Active'}</td>
                <td>
                  {k.revokedAt ? null : (
                    <button type="button" class="danger" onClick={() => void revoke(k)}>
                      Revoke <span class="visually-hidden">{k.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
