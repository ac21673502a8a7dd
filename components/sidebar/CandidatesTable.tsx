import { formatPhone } from '../../lib/core/phone';
import type { Customer } from '../../lib/core/model';
import type { SearchResultsAttribute } from '../../lib/settings/schema';

/** Gladly's default result columns, used when the admin listed none. */
export const DEFAULT_RESULT_COLUMNS: SearchResultsAttribute[] = [
  { attribute: 'name', label: 'Name' },
  { attribute: 'email', label: 'Email' },
];

/** A customer's value for a results attribute; an attribute we do not know stays empty. */
export function resultValue(customer: Customer, attribute: string): string {
  switch (attribute) {
    case 'name':
      return customer.name;
    case 'email':
      return customer.email;
    case 'phone':
      return formatPhone(customer.phone, customer.address?.countryCode || undefined);
    case 'externalCustomerId':
      return customer.id;
    default:
      return '';
  }
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
  const shown = columns.length > 0 ? columns : DEFAULT_RESULT_COLUMNS;
  return (
    <div class="bc-table-wrap">
      <table class="bc-table">
        <caption class="bc-visually-hidden">Matching customers in {storeName}</caption>
        <thead>
          <tr>
            {shown.map((column, i) => (
              <th key={`${column.attribute}-${i}`} scope="col">
                {column.label}
              </th>
            ))}
            <th scope="col">
              <span class="bc-visually-hidden">Link</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((customer) => (
            <tr key={customer.id}>
              {shown.map((column, i) => {
                const value = resultValue(customer, column.attribute);
                return (
                  <td key={`${column.attribute}-${i}`} class="bc-ellipsis" title={value}>
                    {value}
                  </td>
                );
              })}
              <td class="bc-table__action">
                <button
                  type="button"
                  class="bc-button bc-button--small"
                  disabled={!onLink || busy}
                  title={onLink ? undefined : 'Open a customer in Gladly to link'}
                  aria-label={`Link ${customer.name || customer.email || `customer ${customer.id}`}`}
                  onClick={() => onLink?.(customer.id)}
                >
                  Link
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
