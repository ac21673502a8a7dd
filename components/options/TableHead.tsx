/** An options table's head: its named columns, then one named for screen readers only (the row's buttons). */
export function TableHead({ columns, buttons }: { columns: string[]; buttons: string }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        <th scope="col">
          <span class="visually-hidden">{buttons}</span>
        </th>
      </tr>
    </thead>
  );
}
