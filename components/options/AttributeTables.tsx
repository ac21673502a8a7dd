import {
  OVERWRITE_FIELDS,
  type OverwriteAttribute,
  type OverwriteField,
  type SearchQueryAttribute,
  type SearchResultsAttribute,
} from '../../lib/settings/schema';
import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { fieldId } from './Field';
import { TableHead } from './TableHead';

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

/** A text cell's input, tied to its validation message (`path` names it in `problems`). */
function CheckedInput(props: {
  path: string;
  problems: Record<string, string>;
  label: string;
  value: string;
  disabled: boolean;
  list?: string;
  onInput(value: string): void;
}) {
  const id = fieldId(props.path);
  const problem = props.problems[props.path];
  return (
    <>
      <input
        id={id}
        aria-label={props.label}
        list={props.list}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <RowError id={`${id}-error`} message={problem} />
    </>
  );
}

const replaceAt = <Row,>(rows: Row[], index: number, row: Row) => rows.map((r, i) => (i === index ? row : r));

/** An editable table's rows: each row's own cells, then the button that removes it. */
function EditableRows<Row>(props: {
  rows: Row[];
  disabled: boolean;
  cells(row: Row, index: number): ComponentChildren;
  removeLabel(row: Row, index: number): string;
  /** False keeps every row (e.g. the last search attribute). */
  canRemove?: boolean;
  onChange(rows: Row[]): void;
}) {
  const { rows, disabled, onChange } = props;
  return (
    <tbody>
      {rows.map((row, index) => (
        <tr key={index}>
          {props.cells(row, index)}
          <td>
            <TrashButton
              label={props.removeLabel(row, index)}
              disabled={disabled || props.canRemove === false}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            />
          </td>
        </tr>
      ))}
    </tbody>
  );
}

export function SearchQueryTable({ base, rows, disabled, problems, onChange }: TableProps<SearchQueryAttribute>) {
  const set = (index: number, row: SearchQueryAttribute) => onChange(replaceAt(rows, index, row));
  const unused = QUERY_ATTRIBUTES.find((a) => !rows.some((r) => r.attribute === a.value));
  const tableError = problems[base];
  return (
    <fieldset class="table-field" aria-describedby={tableError ? `${fieldId(base)}-error` : undefined}>
      <legend>{i18n.t('optionsTables.queryTitle')}</legend>
      <p class="help">{i18n.t('optionsTables.queryHelp')}</p>
      <table>
        <TableHead
          columns={[i18n.t('optionsTables.attribute'), i18n.t('optionsTables.label')]}
          buttons={i18n.t('optionsTables.remove')}
        />
        <EditableRows
          rows={rows}
          disabled={disabled}
          canRemove={rows.length > 1}
          removeLabel={(row) => i18n.t('optionsTables.removeAttribute', [row.attribute])}
          onChange={onChange}
          cells={(row, index) => (
            <>
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
                <CheckedInput
                  path={`${base}.${index}.label`}
                  problems={problems}
                  label={i18n.t('optionsTables.labelFor', [row.attribute])}
                  value={row.label}
                  disabled={disabled}
                  onInput={(label) => set(index, { ...row, label })}
                />
              </td>
            </>
          )}
        />
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
  const set = (index: number, row: SearchResultsAttribute) => onChange(replaceAt(rows, index, row));
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
        <TableHead
          columns={[i18n.t('optionsTables.attribute'), i18n.t('optionsTables.label')]}
          buttons={i18n.t('optionsTables.remove')}
        />
        <EditableRows
          rows={rows}
          disabled={disabled}
          removeLabel={(row, index) => i18n.t('optionsTables.removeResult', [row.attribute || index + 1])}
          onChange={onChange}
          cells={(row, index) => (
            <>
              <td>
                <CheckedInput
                  path={`${base}.${index}.attribute`}
                  problems={problems}
                  label={i18n.t('optionsTables.resultAttributeN', [index + 1])}
                  list={listId}
                  value={row.attribute}
                  disabled={disabled}
                  onInput={(attribute) => set(index, { ...row, attribute })}
                />
              </td>
              <td>
                <CheckedInput
                  path={`${base}.${index}.label`}
                  problems={problems}
                  label={i18n.t('optionsTables.resultLabelN', [index + 1])}
                  value={row.label}
                  disabled={disabled}
                  onInput={(label) => set(index, { ...row, label })}
                />
              </td>
            </>
          )}
        />
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
  const set = (index: number, row: OverwriteAttribute) => onChange(replaceAt(rows, index, row));
  const tableError = problems[base];
  return (
    <fieldset class="table-field" aria-describedby={tableError ? `${fieldId(base)}-error` : undefined}>
      <legend>{i18n.t('optionsTables.overwriteTitle')}</legend>
      <p class="help">{i18n.t('optionsTables.overwriteHelp')}</p>
      {rows.length > 0 ? (
        <table>
          <TableHead
            columns={[i18n.t('optionsTables.storeField'), i18n.t('optionsTables.gladlyKey')]}
            buttons={i18n.t('optionsTables.remove')}
          />
          <EditableRows
            rows={rows}
            disabled={disabled}
            removeLabel={(row, index) => i18n.t('optionsTables.removeOverwrite', [row.attribute || index + 1])}
            onChange={onChange}
            cells={(row, index) => (
              <>
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
                  <CheckedInput
                    path={`${base}.${index}.attribute`}
                    problems={problems}
                    label={i18n.t('optionsTables.gladlyKeyN', [index + 1])}
                    value={row.attribute}
                    disabled={disabled}
                    onInput={(attribute) => set(index, { ...row, attribute })}
                  />
                </td>
              </>
            )}
          />
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
