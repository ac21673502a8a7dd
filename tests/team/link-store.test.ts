/**
 * The team service's link store on a real database: a lookup learns the stored link and the pair's
 * unlink marks in one query (`read`), and it answers what `get` and `unlinkedIds` answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../team-service/db/db';
import { migrate } from '../../team-service/db/migrations';
import { createDbLinkStore } from '../../team-service/team-state';
import type { Identity } from '../../lib/messages/identity';
import { BACKENDS, createTestDatabase, type TestDatabase } from './harness';

const jane: Identity = {
  gladlyCustomerId: 'g-jane',
  emails: [{ value: 'jane.cooper@example.com', source: 'panel' }],
  phones: [],
};
const sam: Identity = {
  gladlyCustomerId: 'g-sam',
  emails: [{ value: 'sam.lee@example.com', source: 'panel' }],
  phones: [],
};

describe.each(BACKENDS)('the team link store (%s)', (backend) => {
  let database: TestDatabase;
  let db: Db;
  /** Every query the store sends. */
  const queries: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(backend);
    db = await openDatabase({ url: database.env.DATABASE_URL, dataDir: database.args[1] ?? '' });
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });
  const counted = (): Db => ({
    ...db,
    kind: db.kind,
    label: db.label,
    query: (sql, params) => {
      queries.push(sql);
      return db.query(sql, params);
    },
    transaction: (work) => db.transaction(work),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  });

  it('reads the link and the unlink marks in one query, as get and unlinkedIds give them', async () => {
    const links = createDbLinkStore(counted(), () => 1_700_000_000_000);
    // Nothing stored yet.
    queries.length = 0;
    expect(await links.read!(jane, 'main')).toEqual({ link: undefined, unlinked: new Set() });
    expect(queries).toHaveLength(1);

    // Linked to 11 by an agent, 7 and 9 unlinked before.
    await links.link(jane, 'main', '7', 'agent');
    await links.unlink(jane, 'main');
    await links.link(jane, 'main', '9', 'agent');
    await links.unlink(jane, 'main');
    await links.link(jane, 'main', '11', 'agent');
    // Another pair's rows are not this pair's.
    await links.link(sam, 'main', '3', 'auto');
    await links.link(jane, 'europe', '501', 'auto');

    queries.length = 0;
    const read = await links.read!(jane, 'main');
    expect(queries).toHaveLength(1);
    expect(read).toEqual({
      link: { customerId: '11', linkedAt: 1_700_000_000_000, by: 'agent' },
      unlinked: new Set(['7', '9']),
    });
    expect(read).toEqual({ link: await links.get(jane, 'main'), unlinked: await links.unlinkedIds(jane, 'main') });

    // Unlinked and not linked again: marks, no link.
    await links.unlink(jane, 'main');
    expect(await links.read!(jane, 'main')).toEqual({ link: undefined, unlinked: new Set(['7', '9', '11']) });
    expect(await links.read!(sam, 'main')).toEqual({
      link: { customerId: '3', linkedAt: 1_700_000_000_000, by: 'auto' },
      unlinked: new Set(),
    });
  });
});
