/**
 * The admin names the search and result attributes (Gladly's Lookup Adaptor does the same). A
 * label still at the default a new connection starts with (lib/settings/schema.ts, Gladly's own
 * "Email", "Phone", "Name") is shown in the browser's language; a label the admin wrote is theirs.
 */
import { i18n } from '#i18n';

const DEFAULTS: Record<string, { label: string; key: 'sidebar.email' | 'sidebar.phone' | 'sidebar.columnName' }> = {
  email: { label: 'Email', key: 'sidebar.email' },
  phone: { label: 'Phone', key: 'sidebar.phone' },
  name: { label: 'Name', key: 'sidebar.columnName' },
};

export function attributeLabel(row: { attribute: string; label: string }): string {
  const fallback = DEFAULTS[row.attribute];
  return fallback && row.label.trim() === fallback.label ? i18n.t(fallback.key) : row.label;
}
