import type { SyncDoc } from './docs';

/**
 * The slice of PouchDB's API the mirror uses, typed here (PouchDB ships no types). Never add
 * `query()`, `filter` strings or `view`: those run code from documents (docs/sync-design.md).
 */
export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  changes: Array<{ rev: string }>;
  doc?: SyncDoc & { _conflicts?: string[] };
}

export interface PouchBulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  reason?: string;
}

export interface PouchLike {
  bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<PouchBulkResult[]>;
  allDocs(options: { keys: string[]; include_docs?: boolean; conflicts?: boolean }): Promise<{
    rows: Array<{
      key: string;
      id?: string;
      error?: string;
      value?: { rev: string; deleted?: boolean };
      doc?: (SyncDoc & { _conflicts?: string[] }) | null;
    }>;
  }>;
  changes(options: {
    since: number | string;
    include_docs: boolean;
    conflicts?: boolean;
    limit?: number;
  }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
  get(
    id: string,
    options?: { rev?: string; revs?: boolean },
  ): Promise<SyncDoc & { _revisions?: { start: number; ids: string[] } }>;
  remove(id: string, rev: string): Promise<unknown>;
}
