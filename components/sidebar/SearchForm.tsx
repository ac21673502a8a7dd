import { i18n } from '#i18n';
import { useMemo, useState } from 'preact/hooks';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import { attributeLabel } from '../../lib/sidebar/attribute-labels';
import type { ManualQuery } from '../../lib/sidebar/store';
import { useSidebarState } from './context';

type Attribute = ManualQuery['attribute'];

const ALL = '';
// A plain text field (no browser validation in the way of an exact search), with the right keyboard.
const INPUT_MODES: Record<Attribute, string> = { email: 'email', phone: 'tel', orderNumber: 'numeric' };

/** The admin's search attributes (with their labels) for one store or all, then order number. */
export function searchOptions(
  connections: SidebarConnection[],
  connectionId: string,
): { attribute: Attribute; label: string }[] {
  const scope = connectionId ? connections.filter((c) => c.id === connectionId) : connections;
  const seen = new Map<Attribute, string>();
  for (const connection of scope) {
    for (const row of connection.searchQueryAttributes)
      if (!seen.has(row.attribute)) seen.set(row.attribute, attributeLabel(row));
  }
  return [
    ...[...seen].map(([attribute, label]) => ({ attribute, label })),
    { attribute: 'orderNumber', label: i18n.t('sidebar.orderNumber') },
  ];
}

/** Manual search: by an attribute the admin allowed, or by order number, in one store or all. */
export function SearchForm({ initial }: { initial?: ManualQuery | null }) {
  const connections = useSidebarState((s) => s.config?.connections) ?? [];
  const search = useSidebarState((s) => s.search);
  const [connectionId, setConnectionId] = useState(initial?.connectionId ?? ALL);
  const options = useMemo(() => searchOptions(connections, connectionId), [connections, connectionId]);
  const [attribute, setAttribute] = useState<Attribute>(initial?.attribute ?? options[0]!.attribute);
  const [value, setValue] = useState(initial?.value ?? '');
  const chosen = options.find((o) => o.attribute === attribute) ?? options[0]!;

  const submit = (event: Event) => {
    event.preventDefault();
    const text = value.trim();
    if (!text) return;
    search({ kind: 'manual', attribute: chosen.attribute, value: text, ...(connectionId ? { connectionId } : {}) });
  };

  return (
    <form class="bc-search" role="search" aria-label={i18n.t('sidebar.searchLabel')} onSubmit={submit}>
      <div class="bc-search__row">
        {connections.length > 1 && (
          <label class="bc-field">
            <span class="bc-field__label">{i18n.t('sidebar.store')}</span>
            <select value={connectionId} onChange={(e) => setConnectionId(e.currentTarget.value)}>
              <option value={ALL}>{i18n.t('sidebar.allStores')}</option>
              {connections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="bc-field">
          <span class="bc-field__label">{i18n.t('sidebar.searchBy')}</span>
          <select value={chosen.attribute} onChange={(e) => setAttribute(e.currentTarget.value as Attribute)}>
            {options.map((o) => (
              <option key={o.attribute} value={o.attribute}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="bc-search__row">
        <label class="bc-field bc-field--grow">
          <span class="bc-field__label">{chosen.label}</span>
          <input
            type="text"
            inputMode={INPUT_MODES[chosen.attribute]}
            autoComplete="off"
            value={value}
            maxLength={320}
            required
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="bc-button bc-button--primary">
          {i18n.t('sidebar.search')}
        </button>
      </div>
    </form>
  );
}
