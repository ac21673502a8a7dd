/** The audit log as a table: the extension's AuditLog interface, plus who held the key. */
import type { AuditEntry, AuditLog } from '../lib/actions/audit-log';
import type { Queryable } from './db/db';
import { requestContext } from './request-context';

export interface TeamAuditEntry extends AuditEntry {
  /** The access key's name: the acting agent as the service knows it. */
  keyName: string;
  /** What the agent's page said (X-Gladly-Agent), for reference only. */
  reportedAgent: string | null;
}

interface AuditRow {
  id: string;
  at: string;
  key_name: string;
  reported_agent: string | null;
  agent: string;
  connection_id: string;
  store_name: string;
  order_id: string;
  action: AuditEntry['action'];
  amount: string | null;
  currency: string | null;
  result: AuditEntry['result'];
  detail: string;
  reference: string | null;
  action_id: string | null;
}

const toEntry = (row: AuditRow): TeamAuditEntry => ({
  id: String(row.id),
  at: row.at,
  agent: row.agent,
  connectionId: row.connection_id,
  storeName: row.store_name,
  orderId: row.order_id,
  action: row.action,
  amount: row.amount,
  currency: row.currency,
  result: row.result,
  detail: row.detail,
  reference: row.reference,
  actionId: row.action_id,
  keyName: row.key_name,
  reportedAgent: row.reported_agent,
});

/** The newest entries listed (the table itself keeps everything; export it with pg_dump). */
export const AUDIT_LIST_MAX = 2000;

export function createDbAuditLog(db: Queryable): AuditLog & { list(): Promise<TeamAuditEntry[]> } {
  return {
    async append(entry) {
      const context = requestContext.getStore();
      const keyName = context?.key.name ?? entry.agent;
      const [row] = await db.query<AuditRow>(
        `INSERT INTO audit_log (at, key_name, reported_agent, agent, connection_id, store_name, order_id, action, amount, currency, result, detail, reference, action_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING *`,
        [
          entry.at,
          keyName,
          context?.reportedAgent ?? null,
          entry.agent,
          entry.connectionId,
          entry.storeName,
          entry.orderId,
          entry.action,
          entry.amount,
          entry.currency,
          entry.result,
          entry.detail,
          entry.reference,
          entry.actionId,
        ],
      );
      return toEntry(row!);
    },
    async list() {
      return (await db.query<AuditRow>(`SELECT * FROM audit_log ORDER BY id DESC LIMIT ${AUDIT_LIST_MAX}`)).map(
        toEntry,
      );
    },
  };
}
