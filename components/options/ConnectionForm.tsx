import { useRef, useState } from 'preact/hooks';
import type { TestConnectionResult } from '../../lib/messages/options';
import type { ActionSwitches, Connection, LastTest } from '../../lib/settings/schema';
import { parseCredentialsFile, type StoreCredentials } from '../../lib/settings/credentials-file';
import { parseStoreHash } from '../../lib/settings/store-hash';
import type { ScopeStatus } from '../../lib/core/store-ports';
import { messageOf, type OptionsApi } from './api';
import { Field, Locked, fieldId } from './Field';
import { OverwriteAttributesTable, SearchQueryTable, SearchResultsTable } from './AttributeTables';
import { i18n } from '#i18n';
import { browserLocale } from '../../lib/core/locale';
import { ScopeGuide } from './ScopeGuide';
import { translateSentence } from './sentences';
import { scopeVerdictText, storeSummary } from './store-summary';

export interface ConnectionFormProps {
  index: number;
  connection: Connection;
  /** What the admin typed for "Store hash" (the connection keeps only the bare hash). */
  hashInput: string;
  newToken: string;
  problems: Record<string, string>;
  locked: boolean;
  actionsOff: boolean;
  hasGladlyApi: boolean;
  isE2E: boolean;
  api: OptionsApi;
  /** The card shows its fields (else only its one-line summary). */
  open: boolean;
  onToggle(open: boolean): void;
  onChange(next: Connection): void;
  /** Recorded on the connection as it is when the answer arrives (the admin may have typed meanwhile). */
  onTested(lastTest: LastTest): void;
  onHashInput(text: string): void;
  onToken(text: string): void;
  onCredentials(credentials: StoreCredentials): void;
  onRemove(): void;
}

const ACTION_SWITCHES: ReadonlyArray<{ key: Exclude<keyof ActionSwitches, 'enabled'>; label: () => string }> = [
  { key: 'cancel', label: () => i18n.t('optionsStore.cancel') },
  { key: 'refund', label: () => i18n.t('optionsStore.refund') },
  { key: 'partialRefund', label: () => i18n.t('optionsStore.partialRefund') },
  { key: 'discount', label: () => i18n.t('optionsStore.discount') },
];

const STATUS_TEXT: Record<ScopeStatus, () => string> = {
  present: () => i18n.t('optionsStore.scopePresent'),
  missing: () => i18n.t('optionsStore.scopeMissing'),
  undecided: () => i18n.t('optionsStore.scopeUndecided'),
};

export function tokenSetText(hint: string | null): string | null {
  if (hint === null) return null;
  return hint ? i18n.t('optionsStore.tokenSetEnding', [hint]) : i18n.t('optionsStore.tokenSet');
}

export function ConnectionForm(props: ConnectionFormProps) {
  const { connection: c, index, problems, locked } = props;
  const at = `connections.${index}`;
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [test, setTest] = useState<
    | { state: 'idle' }
    | { state: 'running' }
    | { state: 'done'; result: TestConnectionResult }
    | { state: 'failed'; message: string }
  >({ state: 'idle' });
  const [fileMessage, setFileMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Connection>) => props.onChange({ ...c, ...patch });
  const hash = parseStoreHash(props.hashInput);
  const title = c.name.trim() || i18n.t('stores.newStore');
  const tokenSet = tokenSetText(c.tokenHint);

  async function readFile(file: File) {
    const result = parseCredentialsFile(await file.text());
    if (!result.ok) {
      setFileMessage({ ok: false, text: translateSentence(result.message) });
      return;
    }
    props.onCredentials(result.credentials);
    setFileMessage({
      ok: true,
      text: i18n.t('optionsStore.filledIn', [file.name, result.credentials.storeHash]),
    });
  }

  async function runTest() {
    setTest({ state: 'running' });
    try {
      const result = await props.api.testConnection(
        {
          id: c.id,
          storeHash: hash.ok ? hash.hash : props.hashInput,
          apiBaseUrl: props.isE2E ? c.apiBaseUrl : undefined,
          actions: c.actions,
        },
        props.newToken.trim() || undefined,
      );
      setTest({ state: 'done', result });
      props.onTested({
        at: new Date().toISOString(),
        storeName: result.store.name,
        currency: result.store.currency,
        timezone: result.store.timezone,
        scopes: result.scopes.map(({ scope, status }) => ({ scope, status })),
      });
    } catch (error) {
      setTest({ state: 'failed', message: messageOf(error) });
    }
  }

  const summary = storeSummary(c, test.state === 'failed' ? test.message : null, browserLocale());
  const bodyId = `${fieldId(at)}-body`;
  return (
    <article
      class={`store-card${dragging ? ' connection--drop' : ''}${c.enabled ? '' : ' connection--off'}${props.open ? ' store-card--open' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (file) void readFile(file);
      }}
    >
      <h3 id={`${fieldId(at)}-title`} class="store-card__title">
        <button
          type="button"
          class="store-card__toggle"
          aria-expanded={props.open}
          aria-controls={bodyId}
          onClick={() => props.onToggle(!props.open)}
        >
          <span class="store-card__name">{title}</span>
          <span class="store-card__hash">
            {hash.ok ? hash.hash : props.hashInput.trim() || i18n.t('stores.noHash')}
          </span>
          {c.enabled ? null : <span class="badge">{i18n.t('stores.off')}</span>}
          <span class={`badge badge--${summary.test.ok === null ? 'none' : summary.test.ok ? 'ok' : 'bad'}`}>
            {summary.test.text}
          </span>
          <span
            class={`badge badge--${summary.scopes.kind === 'ok' ? 'ok' : summary.scopes.kind === 'missing' ? 'bad' : 'none'}`}
          >
            {scopeVerdictText(summary.scopes)}
          </span>
        </button>
      </h3>
      <fieldset id={bodyId} class="connection" aria-labelledby={`${fieldId(at)}-title`} hidden={!props.open}>
        <Locked when={locked} />
        <div class="row">
          <label class="check">
            <input
              type="checkbox"
              checked={c.enabled}
              disabled={locked}
              onChange={(e) => set({ enabled: e.currentTarget.checked })}
            />
            {i18n.t('optionsStore.enabled')}
          </label>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {i18n.t('optionsStore.importFile')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".txt,text/plain"
            class="visually-hidden"
            tabIndex={-1}
            aria-label={i18n.t('optionsStore.credentialsFile')}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
              e.currentTarget.value = '';
            }}
          />
          <span class="help">{i18n.t('optionsStore.dropHere')}</span>
        </div>
        {fileMessage ? (
          <p role={fileMessage.ok ? 'status' : 'alert'} class={fileMessage.ok ? 'note' : 'field__error'}>
            {fileMessage.text}
          </p>
        ) : null}

        <fieldset>
          <legend>{i18n.t('optionsStore.actions')}</legend>
          <Locked when={props.actionsOff && !locked} />
          <label class="check">
            <input
              type="checkbox"
              checked={c.actions.enabled}
              disabled={locked || props.actionsOff}
              onChange={(e) => set({ actions: { ...c.actions, enabled: e.currentTarget.checked } })}
            />
            {i18n.t('optionsStore.actions')}
          </label>
          {ACTION_SWITCHES.map(({ key, label }) => (
            <label class="check switch" key={key}>
              <input
                type="checkbox"
                role="switch"
                aria-checked={c.actions[key]}
                checked={c.actions[key]}
                disabled={locked || props.actionsOff || !c.actions.enabled}
                onChange={(e) => set({ actions: { ...c.actions, [key]: e.currentTarget.checked } })}
              />
              {label()}
            </label>
          ))}
        </fieldset>
        <ScopeGuide actions={c.actions} id={`${fieldId(at)}-guide`} />

        <Field
          path={`${at}.name`}
          label={i18n.t('optionsStore.name')}
          value={c.name}
          disabled={locked}
          error={problems[`${at}.name`]}
          onInput={(name) => set({ name })}
        />
        <Field
          path={`${at}.storeHash`}
          label={i18n.t('optionsStore.storeHash')}
          value={props.hashInput}
          disabled={locked}
          placeholder={i18n.t('optionsStore.storeHashPlaceholder')}
          error={problems[`${at}.storeHash`]}
          hint={hash.ok ? i18n.t('optionsStore.understoodAs', [translateSentence(hash.understoodAs)]) : undefined}
          onInput={props.onHashInput}
        />
        <Field
          path={`${at}.clientId`}
          label={i18n.t('optionsStore.clientId')}
          value={c.clientId}
          disabled={locked}
          error={problems[`${at}.clientId`]}
          onInput={(clientId) => set({ clientId })}
        />
        <Field
          path={`${at}.token`}
          label={i18n.t('optionsStore.accessToken')}
          type="password"
          value={props.newToken}
          placeholder={tokenSet ? i18n.t('optionsStore.newTokenPlaceholder') : ''}
          hint={
            tokenSet && !props.newToken
              ? tokenSet
              : props.newToken && tokenSet
                ? i18n.t('optionsStore.tokenReplaces')
                : undefined
          }
          error={problems[`${at}.token`]}
          onInput={props.onToken}
        />
        {props.isE2E ? (
          <Field
            path={`${at}.apiBaseUrl`}
            label={i18n.t('optionsStore.apiBaseUrl')}
            type="url"
            value={c.apiBaseUrl ?? ''}
            disabled={locked}
            placeholder="https://api.bigcommerce.com"
            error={problems[`${at}.apiBaseUrl`]}
            onInput={(value) => set({ apiBaseUrl: value.trim() === '' ? undefined : value })}
          />
        ) : null}

        <div class="row">
          <button type="button" onClick={() => void runTest()} disabled={test.state === 'running'}>
            {i18n.t('optionsStore.test')}
          </button>
          {c.lastTest && test.state === 'idle' ? (
            <span class="help">
              {i18n.t('optionsStore.lastTested', [c.lastTest.storeName, c.lastTest.currency, c.lastTest.timezone])}
            </span>
          ) : null}
        </div>
        <div aria-live="polite">
          {test.state === 'running' ? <p>{i18n.t('optionsStore.testing')}</p> : null}
          {test.state === 'failed' ? (
            <p role="alert" class="field__error">
              {test.message}
            </p>
          ) : null}
          {test.state === 'done' ? <TestResult result={test.result} /> : null}
        </div>

        <SearchQueryTable
          base={`${at}.searchQueryAttributes`}
          rows={c.searchQueryAttributes}
          disabled={locked}
          problems={problems}
          onChange={(searchQueryAttributes) => set({ searchQueryAttributes })}
        />
        <SearchResultsTable
          base={`${at}.searchResultsAttributes`}
          rows={c.searchResultsAttributes}
          disabled={locked}
          problems={problems}
          onChange={(searchResultsAttributes) => set({ searchResultsAttributes })}
        />

        <fieldset>
          <legend>{i18n.t('optionsStore.autoLink')}</legend>
          <label class="check">
            <input
              type="checkbox"
              checked={c.autoLink.email}
              disabled={locked}
              onChange={(e) => set({ autoLink: { ...c.autoLink, email: e.currentTarget.checked } })}
            />
            {i18n.t('optionsStore.autoLinkEmail')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={c.autoLink.phone}
              disabled={locked}
              onChange={(e) => set({ autoLink: { ...c.autoLink, phone: e.currentTarget.checked } })}
            />
            {i18n.t('optionsStore.autoLinkPhone')}
          </label>
        </fieldset>

        <label class="check">
          <input
            type="checkbox"
            checked={c.overwriteExistingValues}
            disabled={locked || !props.hasGladlyApi}
            aria-describedby={props.hasGladlyApi ? undefined : `${fieldId(at)}-overwrite-why`}
            onChange={(e) => set({ overwriteExistingValues: e.currentTarget.checked })}
          />
          {i18n.t('optionsStore.overwrite')}
        </label>
        {props.hasGladlyApi ? null : (
          <p id={`${fieldId(at)}-overwrite-why`} class="help">
            {i18n.t('optionsStore.overwriteNeedsGladly')}
          </p>
        )}
        {c.overwriteExistingValues ? (
          <OverwriteAttributesTable
            base={`${at}.overwriteAttributes`}
            rows={c.overwriteAttributes}
            disabled={locked || !props.hasGladlyApi}
            problems={problems}
            onChange={(overwriteAttributes) => set({ overwriteAttributes })}
          />
        ) : null}

        {locked ? null : confirmingRemove ? (
          <div role="alertdialog" aria-labelledby={`${fieldId(at)}-remove`} class="confirm">
            <p id={`${fieldId(at)}-remove`}>{i18n.t('optionsStore.removeQuestion', [title])}</p>
            <button type="button" class="danger" onClick={props.onRemove}>
              {i18n.t('optionsStore.remove')}
            </button>
            <button type="button" onClick={() => setConfirmingRemove(false)}>
              {i18n.t('optionsStore.keep')}
            </button>
          </div>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirmingRemove(true)}>
            {i18n.t('optionsStore.removeStore')}
          </button>
        )}
      </fieldset>
    </article>
  );
}

/** The test's answer as one summary: a headline that says whether all is well, the store's facts, each scope. */
function TestResult({ result }: { result: TestConnectionResult }) {
  const missing = result.scopes.filter((s) => s.status === 'missing').length;
  const undecided = result.scopes.filter((s) => s.status === 'undecided').length;
  const state = missing > 0 ? 'bad' : undecided > 0 ? 'unsure' : 'ok';
  return (
    <div class={`test-result test-result--${state}`} role="status">
      <p class="test-result__headline">
        <span aria-hidden="true" class="test-result__icon">
          {state === 'ok' ? '✓' : state === 'bad' ? '✗' : '?'}
        </span>{' '}
        {i18n.t(state === 'ok' ? 'testResult.ok' : state === 'bad' ? 'testResult.missing' : 'testResult.unsure')}
      </p>
      <dl class="test-result__facts">
        <dt>{i18n.t('testResult.storeName')}</dt>
        <dd>{result.store.name}</dd>
        <dt>{i18n.t('testResult.currency')}</dt>
        <dd>{result.store.currency}</dd>
        <dt>{i18n.t('testResult.timezone')}</dt>
        <dd>{result.store.timezone}</dd>
      </dl>
      <p>
        {missing === 0
          ? i18n.t('optionsStore.scopesAll')
          : missing === 1
            ? i18n.t('optionsStore.scopesMissingOne')
            : i18n.t('optionsStore.scopesMissingMany', [missing])}
      </p>
      <ul class="scopes">
        {result.scopes.map((s) => (
          <li key={s.scope} class={`scope scope--${s.status}`} title={translateSentence(s.detail)}>
            {s.label} ({s.scope}): <strong>{STATUS_TEXT[s.status]()}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
