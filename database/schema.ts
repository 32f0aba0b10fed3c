/** How a collection is declared: one source for the local emulator and for the deploy script. */

export interface IndexSpec {
  /** Index name as created in CloudBase. */
  name: string;
  /** Dot paths in order, 1 ascending or -1 descending. */
  keys: Record<string, 1 | -1>;
  /** Unique indexes treat a missing field as null: only one document may lack it. */
  unique?: boolean;
}

/** CloudBase security rule; every collection here denies client access. */
export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionSpec {
  name: string;
  /** One line on what the collection holds. */
  description: string;
  indexes: IndexSpec[];
  rules: SecurityRule;
}

/** Only cloud functions touch the database. */
export const DENY_ALL: SecurityRule = { read: false, write: false };
