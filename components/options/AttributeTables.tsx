import {
  OVERWRITE_FIELDS,
  type OverwriteAttribute,
  type OverwriteField,
  type SearchQueryAttribute,
  type SearchResultsAttribute,
} from '../../lib/settings/schema';
import { i18n } from '#i18n';
import { fieldId } from './Field';

/** The attributes' own names, as in the search results' help: identifiers, the same in every language. */
const QUERY_ATTRIBUTES: ReadonlyArray<{ value: SearchQueryAttribute['attribute'] }> = [
  { value: 'email' },
  { value: 'phone' },
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
      <legend>{i18n.t('optionsTables.queryTitle')}</legend>
      <p class="help">{i18n.t('optionsTables.queryHelp')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('optionsTables.attribute')}</th>
            <th scope="col">{i18n.t('optionsTables.label')}</th>
            <th scope="col">
              <span class="visually-hidden">{i18n.t('optionsTables.remove')}</span>
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
                    aria-label={i18n.t('optionsTables.attributeN', [index + 1])}
                    value={row.attribute}
                    disabled={disabled}
                    onChange={(e) =>
                      set(index, { ...row, attribute: e.currentTarget.value as SearchQueryAttribute['attribute'] })
                    }
                  >
                    {QUERY_ATTRIBUTES.map((a) => (
                      <option key={a.value} value={a.value}>
                        {a.value}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    id={labelId}
                    aria-label={i18n.t('optionsTables.labelFor', [row.attribute])}
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
                    label={i18n.t('optionsTables.removeAttribute', [row.attribute])}
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
            onChange([
              ...rows,
              {
                attribute: unused.value,
                label:
                  unused.value === 'email'
                    ? i18n.t('optionsTables.defaultEmailLabel')
                    : i18n.t('optionsTables.defaultPhoneLabel'),
              },
            ])
          }
        >
          {i18n.t('optionsTables.addQuery')}
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
      <legend>{i18n.t('optionsTables.resultsTitle')}</legend>
      <p class="help">{i18n.t('optionsTables.resultsHelp')}</p>
      <datalist id={listId}>
        {KNOWN_RESULT_ATTRIBUTES.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('optionsTables.attribute')}</th>
            <th scope="col">{i18n.t('optionsTables.label')}</th>
            <th scope="col">
              <span class="visually-hidden">{i18n.t('optionsTables.remove')}</span>
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
                    aria-label={i18n.t('optionsTables.resultAttributeN', [index + 1])}
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
                    aria-label={i18n.t('optionsTables.resultLabelN', [index + 1])}
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
                    label={i18n.t('optionsTables.removeResult', [row.attribute || index + 1])}
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
        {i18n.t('optionsTables.addResult')}
      </button>
    </fieldset>
  );
}

/** How each mappable store field reads in the options page. */
const OVERWRITE_FIELD_LABELS: Record<OverwriteField, () => string> = {
  id: () => i18n.t('optionsTables.fieldId'),
  company: () => i18n.t('optionsTables.fieldCompany'),
  customerGroupName: () => i18n.t('optionsTables.fieldGroup'),
  storeCreditAmount: () => i18n.t('optionsTables.fieldCredit'),
  notes: () => i18n.t('optionsTables.fieldNotes'),
  acceptsMarketing: () => i18n.t('optionsTables.fieldMarketing'),
  createdAt: () => i18n.t('optionsTables.fieldSince'),
};

/** Which editable Gladly custom attributes "Overwrite Existing Values" keeps equal to a store field. */
export function OverwriteAttributesTable({ base, rows, disabled, problems, onChange }: TableProps<OverwriteAttribute>) {
  const set = (index: number, row: OverwriteAttribute) => onChange(rows.map((r, i) => (i === index ? row : r)));
  const tableError = problems[base];
  return (
    <fieldset class="table-field" aria-describedby={tableError ? `${fieldId(base)}-error` : undefined}>
      <legend>{i18n.t('optionsTables.overwriteTitle')}</legend>
      <p class="help">{i18n.t('optionsTables.overwriteHelp')}</p>
      {rows.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{i18n.t('optionsTables.storeField')}</th>
              <th scope="col">{i18n.t('optionsTables.gladlyKey')}</th>
              <th scope="col">
                <span class="visually-hidden">{i18n.t('optionsTables.remove')}</span>
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
                      aria-label={i18n.t('optionsTables.storeFieldN', [index + 1])}
                      value={row.field}
                      disabled={disabled}
                      onChange={(e) => set(index, { ...row, field: e.currentTarget.value as OverwriteField })}
                    >
                      {OVERWRITE_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {OVERWRITE_FIELD_LABELS[field]()}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      id={attributeId}
                      aria-label={i18n.t('optionsTables.gladlyKeyN', [index + 1])}
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
                      label={i18n.t('optionsTables.removeOverwrite', [row.attribute || index + 1])}
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
        {i18n.t('optionsTables.addOverwrite')}
      </button>
      <RowError id={`${fieldId(base)}-error`} message={tableError} />
    </fieldset>
  );
}
