import { i18n } from '#i18n';
import { attributeLabel } from '../../lib/sidebar/attribute-labels';
import { shownPhone } from '../../lib/sidebar/format';
import type { Customer } from '../../lib/core/model';
import type { SearchResultsAttribute } from '../../lib/settings/schema';

/** Gladly's default result columns, used when the admin listed none (labels in the browser's language). */
export const defaultResultColumns = (): SearchResultsAttribute[] => [
  { attribute: 'name', label: i18n.t('sidebar.columnName') },
  { attribute: 'email', label: i18n.t('sidebar.columnEmail') },
];

/** A customer's value for a results attribute; an attribute we do not know stays empty. */
export function resultValue(customer: Customer, attribute: string): string {
  switch (attribute) {
    case 'name':
      return customer.name;
    case 'email':
      return customer.email;
    case 'phone':
      return shownPhone(customer);
    case 'externalCustomerId':
      return customer.id;
    default:
      return '';
  }
}

/** An email wraps after its "@" (alex.morgan@ / example.com) before it wraps anywhere else. */
function breakableAtSign(value: string) {
  const at = value.indexOf('@');
  if (at <= 0) return value;
  return (
    <>
      {value.slice(0, at + 1)}
      <wbr />
      {value.slice(at + 1)}
    </>
  );
}

interface Props {
  storeName: string;
  candidates: Customer[];
  columns: SearchResultsAttribute[];
  /** null: linking is not possible here (no Gladly customer on screen). */
  onLink: ((customerId: string) => void) | null;
  busy: boolean;
}

/** The customers a search found in one store, in the admin's columns, each with a Link button. */
export function CandidatesTable({ storeName, candidates, columns, onLink, busy }: Props) {
  const shown = columns.length > 0 ? columns : defaultResultColumns();
  return (
    <div class="bc-table-wrap">
      <table class="bc-table">
        <caption class="bc-visually-hidden">{i18n.t('sidebar.matchingCustomers', [storeName])}</caption>
        <thead>
          <tr>
            {shown.map((column, i) => (
              <th key={`${column.attribute}-${i}`} scope="col">
                {attributeLabel(column)}
              </th>
            ))}
            <th scope="col">
              <span class="bc-visually-hidden">{i18n.t('sidebar.link')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((customer) => (
            <tr key={customer.id}>
              {shown.map((column, i) => {
                const value = resultValue(customer, column.attribute);
                return (
                  // Wrapped, never "…": alex.morgan@… and alexis.morgan@… must be told apart without hovering.
                  <td key={`${column.attribute}-${i}`} class="bc-wrap" title={value}>
                    {breakableAtSign(value)}
                  </td>
                );
              })}
              <td class="bc-table__action">
                <button
                  type="button"
                  class="bc-button bc-button--small"
                  disabled={!onLink || busy}
                  title={onLink ? undefined : i18n.t('sidebar.linkNeedsCustomer')}
                  aria-label={i18n.t('sidebar.linkWho', [
                    customer.name || customer.email || i18n.t('sidebar.customerWithId', [customer.id]),
                  ])}
                  onClick={() => onLink?.(customer.id)}
                >
                  {i18n.t('sidebar.link')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
