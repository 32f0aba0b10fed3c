import { COLLECTIONS } from '../../database/collections';
import { db, type Transaction } from './cloudbase';

/** One administrative change: who did what to which record, with the record before and after. */
export interface AuditEntry {
  actor: string;
  action: string;
  target: { collection: string; id: string };
  before: unknown;
  after: unknown;
  reason?: string;
}

/**
 * Append to the audit log. Pass the transaction when the change itself is transactional,
 * so the change and its record commit or fail together.
 */
export async function writeAudit(entry: AuditEntry, tx?: Transaction): Promise<void> {
  const doc = { ...entry, before: entry.before ?? null, after: entry.after ?? null, at: new Date() };
  const target = tx ?? db;
  await target.collection(COLLECTIONS.auditLog).add(doc);
}
