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
import { i18n } from '#i18n';
import { fill, ONE_PART, TWO_PARTS } from './fill';
import { translateSentence } from './sentences';
import { browserLocale } from '../../lib/core/locale';
import { formatDate } from '../../lib/sidebar/format';
import { TableHead } from './TableHead';

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
        text: next === 'standalone' ? i18n.t('optionsTeam.nowStandalone') : i18n.t('optionsTeam.nowTeam'),
      });
      props.onSaved();
    } catch (error) {
      setMode(team.mode);
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  function connect() {
    const address = (props.locks?.serviceUrl && team.serviceUrl) || url.trim();
    if (!address) return setStatus({ kind: 'error', text: i18n.t('optionsTeam.enterAddress') });
    if (!key.trim() && team.keyHint === null) return setStatus({ kind: 'error', text: i18n.t('optionsTeam.pasteKey') });
    // Asked synchronously, inside the click: the browser only shows its prompt for a user gesture.
    const granted = props.api.requestOrigin(address);
    setBusy(true);
    setStatus(null);
    void (async () => {
      try {
        if (!(await granted)) {
          setStatus({
            kind: 'error',
            text: i18n.t('optionsTeam.notAllowed'),
          });
          return;
        }
        const reply = await props.api.connect(address, key.trim() || undefined);
        setKey('');
        setProfile(reply.profile);
        setStatus({
          kind: 'ok',
          text: i18n.t('optionsTeam.connectedAs', [reply.profile.name, roleText(reply.profile.role)]),
        });
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
      <h2 id="team-title">{i18n.t('optionsTeam.title')}</h2>
      <p class="help">{i18n.t('optionsTeam.help')}</p>
      <fieldset>
        <legend>{i18n.t('optionsTeam.mode')}</legend>
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
            {value === 'standalone' ? i18n.t('optionsTeam.standalone') : i18n.t('optionsTeam.team')}
          </label>
        ))}
      </fieldset>

      {mode === 'team' ? (
        <div class="team-connect">
          <Field
            path="team.serviceUrl"
            label={i18n.t('optionsTeam.address')}
            type="url"
            value={url}
            placeholder="https://team.example.com"
            disabled={urlLocked}
            hint={urlLocked ? i18n.t('options.locked') : undefined}
            onInput={setUrl}
          />
          <Field
            path="team.key"
            label={i18n.t('optionsTeam.key')}
            type="password"
            value={key}
            autoComplete="new-password"
            hint={
              team.keyHint !== null
                ? team.keyHint
                  ? i18n.t('optionsTeam.keySavedEnding', [team.keyHint])
                  : i18n.t('optionsTeam.keySaved')
                : i18n.t('optionsTeam.keyFromAdmin')
            }
            onInput={setKey}
          />
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={connect}>
              {i18n.t('optionsTeam.connect')}
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
        {fill(i18n.t('optionsTeam.signedIn', TWO_PARTS), [
          <strong key="name">{profile.name}</strong>,
          roleText(profile.role),
        ])}
      </p>
      {profile.stores.length === 0 ? (
        <p>{i18n.t('optionsTeam.noStores')}</p>
      ) : (
        <ul aria-label={i18n.t('optionsTeam.storesLabel')}>
          {profile.stores.map((s) => (
            <li key={s.id}>
              {s.enabled ? s.name : i18n.t('optionsTeam.storeOff', [s.name])}
              {s.actions.enabled ? ` ${i18n.t('optionsTeam.actionsOn')}` : ''}
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
        <h3 id="team-audit-title">{i18n.t('optionsTeam.auditTitle')}</h3>
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

const SWITCHES: Array<[keyof TeamStoreInput['actions'], () => string]> = [
  ['enabled', () => i18n.t('optionsTeam.switchActions')],
  ['cancel', () => i18n.t('optionsTeam.switchCancel')],
  ['refund', () => i18n.t('optionsTeam.switchRefund')],
  ['partialRefund', () => i18n.t('optionsTeam.switchPartial')],
  ['discount', () => i18n.t('optionsTeam.switchDiscount')],
];

function roleText(role: 'admin' | 'agent'): string {
  return role === 'admin' ? i18n.t('optionsTeam.roleAdmin') : i18n.t('optionsTeam.roleAgent');
}

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
    if (!draft.name.trim()) return setStatus({ kind: 'error', text: i18n.t('optionsTeam.enterStoreName') });
    if (!hash.ok) return setStatus({ kind: 'error', text: translateSentence(hash.message) });
    if (draft.isNew && !draft.accessToken?.trim())
      return setStatus({ kind: 'error', text: i18n.t('optionsTeam.enterStoreToken') });
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
      setStatus({ kind: 'ok', text: i18n.t('optionsTeam.storeSaved', [store.name]) });
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
    if (!globalThis.confirm?.(i18n.t('optionsTeam.confirmRemoveStore', [store.name]))) return;
    try {
      await api.admin({ op: 'stores/delete', id: store.id });
      await refresh();
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  }

  return (
    <section aria-labelledby="team-stores-title">
      <h3 id="team-stores-title">{i18n.t('optionsTeam.storesLabel')}</h3>
      {stores === null && !status ? <p aria-live="polite">{i18n.t('optionsTeam.loading')}</p> : null}
      {stores?.length === 0 ? <p>{i18n.t('optionsTeam.noServiceStore')}</p> : null}
      {stores && stores.length > 0 ? (
        <table>
          <TableHead
            columns={[
              i18n.t('optionsTeam.colStore'),
              i18n.t('optionsTeam.colHash'),
              i18n.t('optionsTeam.colToken'),
              i18n.t('optionsTeam.colActions'),
            ]}
            buttons={i18n.t('optionsTeam.colManage')}
          />
          <tbody>
            {stores.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.enabled ? s.name : i18n.t('optionsTeam.storeOff', [s.name])}
                  {tested[s.id] ? <TestSummary result={tested[s.id] as TeamStoreTestResult} /> : null}
                </td>
                <td>{s.storeHash}</td>
                <td>{s.hasToken ? i18n.t('optionsTeam.tokenSaved') : i18n.t('optionsTeam.tokenMissing')}</td>
                <td>{s.actions.enabled ? i18n.t('optionsTeam.on') : i18n.t('optionsTeam.off')}</td>
                <td class="row">
                  <button type="button" onClick={() => setEditing(draftOf(s, s.id))}>
                    {i18n.t('optionsTeam.edit')} <span class="visually-hidden">{s.name}</span>
                  </button>
                  <button type="button" onClick={() => void test(s.id)}>
                    {i18n.t('optionsTeam.test')} <span class="visually-hidden">{s.name}</span>
                  </button>
                  <button type="button" class="danger" onClick={() => void remove(s)}>
                    {i18n.t('optionsTeam.remove')} <span class="visually-hidden">{s.name}</span>
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
          {i18n.t('optionsTeam.addStore')}
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
      {result.store.name} · {result.store.currency} · {result.store.timezone}{' '}
      {missing.length > 0
        ? i18n.t('optionsTeam.testMissing', [missing.map((s) => s.label).join(', ')])
        : i18n.t('optionsTeam.testAllPresent')}
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
      <legend>{draft.isNew ? i18n.t('optionsTeam.newStore') : i18n.t('optionsTeam.editStore', [draft.name])}</legend>
      <Field
        path="team.store.name"
        label={i18n.t('optionsTeam.storeName')}
        value={draft.name}
        onInput={(name) => set({ name })}
      />
      <Field
        path="team.store.storeHash"
        label={i18n.t('optionsTeam.storeHash')}
        value={draft.hashInput}
        onInput={(hashInput) => set({ hashInput })}
      />
      <Field
        path="team.store.clientId"
        label={i18n.t('optionsTeam.clientId')}
        value={draft.clientId}
        onInput={(clientId) => set({ clientId })}
      />
      <Field
        path="team.store.accessToken"
        label={i18n.t('optionsTeam.storeToken')}
        type="password"
        autoComplete="new-password"
        value={draft.accessToken ?? ''}
        hint={draft.hasToken ? i18n.t('optionsTeam.storeTokenSaved') : i18n.t('optionsTeam.storeTokenOnce')}
        onInput={(accessToken) => set({ accessToken })}
      />
      <label class="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
        {i18n.t('optionsTeam.storeOn')}
      </label>
      {SWITCHES.map(([name, label]) => (
        <label class="check" key={name}>
          <input
            type="checkbox"
            checked={draft.actions[name]}
            disabled={name !== 'enabled' && !draft.actions.enabled}
            onChange={(e) => set({ actions: { ...draft.actions, [name]: e.currentTarget.checked } })}
          />
          {label()}
        </label>
      ))}
      <div class="row">
        <button type="button" class="primary" onClick={() => props.onSave(draft)}>
          {i18n.t('optionsTeam.saveStore')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {i18n.t('optionsTeam.cancel')}
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
    if (!name.trim()) return setError(i18n.t('optionsTeam.enterKeyName'));
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
    if (!globalThis.confirm?.(i18n.t('optionsTeam.confirmRevoke', [key.name]))) return;
    try {
      await api.admin({ op: 'keys/revoke', id: key.id });
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section aria-labelledby="team-keys-title">
      <h3 id="team-keys-title">{i18n.t('optionsTeam.keysTitle')}</h3>
      <div class="row">
        <Field
          path="team.newKey.name"
          label={i18n.t('optionsTeam.keyFor')}
          value={name}
          onInput={setName}
          placeholder={i18n.t('optionsTeam.agentName')}
        />
        <label>
          {i18n.t('optionsTeam.role')}{' '}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as 'agent' | 'admin')}>
            <option value="agent">{roleText('agent')}</option>
            <option value="admin">{roleText('admin')}</option>
          </select>
        </label>
        <button type="button" onClick={() => void issue()}>
          {i18n.t('optionsTeam.issue')}
        </button>
      </div>
      {issued ? (
        <div class="issued-key" role="status">
          <p>{fill(i18n.t('optionsTeam.issuedFor', ONE_PART), [<strong key="name">{issued.name}</strong>])}</p>
          <input
            class="issued-key__value"
            aria-label={i18n.t('optionsTeam.newKey')}
            readOnly
            value={issued.key}
            onFocus={(e) => e.currentTarget.select()}
          />{' '}
          <button type="button" onClick={() => void copyText(issued.key).then(setCopied)}>
            {copied ? i18n.t('optionsTeam.copied') : i18n.t('optionsTeam.copy')}
          </button>{' '}
          <button type="button" onClick={() => setIssued(null)}>
            {i18n.t('optionsTeam.done')}
          </button>
        </div>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {keys && keys.length > 0 ? (
        <table>
          <TableHead
            columns={[
              i18n.t('optionsTeam.colName'),
              i18n.t('optionsTeam.colRole'),
              i18n.t('optionsTeam.colIssued'),
              i18n.t('optionsTeam.colStatus'),
            ]}
            buttons={i18n.t('optionsTeam.revoke')}
          />
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{roleText(k.role)}</td>
                <td>{formatDate(k.createdAt, browserLocale())}</td>
                <td>
                  {k.revokedAt
                    ? i18n.t('optionsTeam.revokedOn', [formatDate(k.revokedAt, browserLocale())])
                    : i18n.t('optionsTeam.active')}
                </td>
                <td>
                  {k.revokedAt ? null : (
                    <button type="button" class="danger" onClick={() => void revoke(k)}>
                      {i18n.t('optionsTeam.revoke')} <span class="visually-hidden">{k.name}</span>
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
