import {
  OVERWRITE_FIELDS,
  type OverwriteAttribute,
  type OverwriteField,
  type SearchQueryAttribute,
  type SearchResultsAttribute,
} from '../../lib/settings/schema';
import { fieldId } from './Field';

const QUERY_ATTRIBUTES: ReadonlyArray<{ value: SearchQueryAttribute['attribute']; label: string }> = [
  { value: 'email', label: 'email' },
  { value: 'phone', label: 'phone' },
];
/** Attributes the sidebar fills in; any other still gets its (empty) column. */
const KNOWN_RESULT_ATTRIBUTES = ['name', 'phone', 'email', 'externalCustomerId'];

function TrashButton(props: { label: string; disabled?: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
        <path fill="currentColor" d="M6 1h4l1 1h3v2H2V2h3l1-1zM3 5h10l-1 10H4L3 5z" />
      </svg>
    </button>
  );
}

interface TableProps<Row> {
  base: string;
  rows: Row[];
  disabled: boolean;
  problems: Record<string, string>;
  onChange(rows: Row[]): void;
}

function RowError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} class="field__error">
      {message}
    </span>
  ) : null;
}

export function SearchQueryTable({ base, rows, disabled, problems, onChange }: TableProps<SearchQueryAttribute>) {
  const set = (index: number, row: SearchQueryAttribute) => onChange(rows.map((r, i) => (i === index ? row : r)));
  const unused = QUERY_ATTRIBUTES.find((a) => !rows.some((r) => r.attribute === a.value));
  const tableError = problems[base];
  return (
    <fieldset class="table-field" aria-describedby={tableError ? `${fieldId(base)}-error` : undefined}>
      <legend>Search Query Attributes</legend>
      <p class="help">What the sidebar searches the store by (exact matches only).</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Label</th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const labelPath = `${base}.${index}.label`;
            const labelId = fieldId(labelPath);
            return (
              <tr key={index}>
                <td>
                  <select
                    aria-label={`Attribute ${index + 1}`}
                    value={row.attribute}
                    disabled={disabled}
                    onChange={(e) =>
                      set(index, { ...row, attribute: e.currentTarget.value as SearchQueryAttribute['attribute'] })
                    }
                  >
                    {QUERY_ATTRIBUTES.map((a) => (
                      <option key={a.value} value={a.value}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    id={labelId}
                    aria-label={`Label for ${row.attribute}`}
                    value={row.label}
                    disabled={disabled}
                    aria-invalid={problems[labelPath] ? 'true' : undefined}
                    aria-describedby={problems[labelPath] ? `${labelId}-error` : undefined}
                    onInput={(e) => set(index, { ...row, label: e.currentTarget.value })}
                  />
                  <RowError id={`${labelId}-error`} message={problems[labelPath]} />
                </td>
                <td>
                  <TrashButton
                    label={`Remove ${row.attribute}`}
                    disabled={disabled || rows.length <= 1}
                    onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unused ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            onChange([...rows, { attribute: unused.value, label: unused.value === 'email' ? 'Email' : 'Phone' }])
          }
        >
          Add a search query attribute
        </button>
      ) : null}
      <RowError id={`${fieldId(base)}-error`} message={tableError} />
    </fieldset>
  );
}

export function SearchResultsTable({ base, rows, disabled, problems, onChange }: TableProps<SearchResultsAttribute>) {
  const set = (index: number, row: SearchResultsAttribute) => onChange(rows.map((r, i) => (i === index ? row : r)));
  const listId = `${fieldId(base)}-known`;
  return (
    <fieldset class="table-field">
      <legend>Search Results Attributes</legend>
      <p class="help">
        Columns of the search results: name, phone, email, externalCustomerId, or any other (left empty).
      </p>
      <datalist id={listId}>
        {KNOWN_RESULT_ATTRIBUTES.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <table>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Label</th>
            <th scope="col">
              <span class="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const attributePath = `${base}.${index}.attribute`;
            const labelPath = `${base}.${index}.label`;
            return (
              <tr key={index}>
                <td>
                  <input
                    id={fieldId(attributePath)}
                    aria-label={`Result attribute ${index + 1}`}
                    list={listId}
                    value={row.attribute}
                    disabled={disabled}
                    aria-invalid={problems[attributePath] ? 'true' : undefined}
                    aria-describedby={problems[attributePath] ? `${fieldId(attributePath)}-error` : undefined}
                    onInput={(e) => set(index, { ...row, attribute: e.currentTarget.value })}
                  />
                  <RowError id={`${fieldId(attributePath)}-error`} message={problems[attributePath]} />
                </td>
                <td>
                  <input
                    id={fieldId(labelPath)}
                    aria-label={`Result label ${index + 1}`}
                    value={row.label}
                    disabled={disabled}
                    aria-invalid={problems[labelPath] ? 'true' : undefined}
                    aria-describedby={problems[labelPath] ? `${fieldId(labelPath)}-error` : undefined}
                    onInput={(e) => set(index, { ...row, label: e.currentTarget.value })}
                  />
                  <RowError id={`${fieldId(labelPath)}-error`} message={problems[labelPath]} />
                </td>
                <td>
                  <TrashButton
                    label={`Remove result column ${row.attribute || index + 1}`}
                    disabled={disabled}
                    onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" disabled={disabled} onClick={() => onChange([...rows, { attribute: '', label: '' }])}>
        Add a result column
      </button>
    </fieldset>
  );
}

/** How each mappable store field reads in the options page. */
const OVERWRITE_FIELD_LABELS: Record<OverwriteField, string> = {
  id: 'Customer ID',
  company: 'Company',
  customerGroupName: 'Customer group',
  storeCreditAmount: 'Store credit',
  notes: 'Notes',
  acceptsMarketing: 'Accepts marketing',
  createdAt: 'Customer since',
};

/** Which editable Gladly custom attributes "Overwrite Existing Values" keeps equal to a store field. */
export function OverwriteAttributesTable({ base, rows, disabled, problems, onChange }: TableProps<OverwriteAttribute>) {
  const set = (index: number, row: OverwriteAttribute) => onChange(rows.map((r, i) => (i === index ? row : r)));
  const tableError = problems[base];
  return (
    <fieldset class="table-field" aria-describedby={tableError ? `${fieldId(base)}-error` : undefined}>
      <legend>Custom attributes to overwrite</legend>
      <p class="help">
        Besides name and address, these Gladly custom attributes (their keys, as in Gladly's Customer Profile
        Attributes) get the store's value on every visit of a linked customer.
      </p>
      {rows.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Store field</th>
              <th scope="col">Gladly attribute key</th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const attributePath = `${base}.${index}.attribute`;
              const attributeId = fieldId(attributePath);
              return (
                <tr key={index}>
                  <td>
                    <select
                      aria-label={`Store field ${index + 1}`}
                      value={row.field}
                      disabled={disabled}
                      onChange={(e) => set(index, { ...row, field: e.currentTarget.value as OverwriteField })}
                    >
                      {OVERWRITE_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {OVERWRITE_FIELD_LABELS[field]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      id={attributeId}
                      aria-label={`Gladly attribute key ${index + 1}`}
                      value={row.attribute}
                      disabled={disabled}
                      aria-invalid={problems[attributePath] ? 'true' : undefined}
                      aria-describedby={problems[attributePath] ? `${attributeId}-error` : undefined}
                      onInput={(e) => set(index, { ...row, attribute: e.currentTarget.value })}
                    />
                    <RowError id={`${attributeId}-error`} message={problems[attributePath]} />
                  </td>
                  <td>
                    <TrashButton
                      label={`Remove attribute ${row.attribute || index + 1}`}
                      disabled={disabled}
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <button
        type="button"
        disabled={disabled}
        onClick={() => onChange([...rows, { field: 'company', attribute: '' }])}
      >
        Add a custom attribute
      </button>
      <RowError id={`${fieldId(base)}-error`} message={tableError} />
    </fieldset>
  );
}
