/**
 * An open workspace: its database, its write path, and the live stores of its tables.
 */
import { KebuDB, workspaceDbName, type TableName } from './schema';
import { TableStore } from './table-store.svelte';
import { WritePath, type Actor } from './write-path';
import type { WorkspaceInfo } from './registry';

export class OpenWorkspace {
  readonly db: KebuDB;
  readonly writes: WritePath;
  readonly customers: TableStore<'customers'>;
  readonly contacts: TableStore<'contacts'>;
  readonly followUps: TableStore<'followUps'>;
  readonly staff: TableStore<'staff'>;
  readonly orgUnits: TableStore<'orgUnits'>;
  readonly customColumns: TableStore<'customColumns'>;
  readonly savedViews: TableStore<'savedViews'>;
  readonly settings: TableStore<'settings'>;
  /** the other tables' stores, made on first use and shared by every screen (credit, receivables) */
  readonly #more = new Map<TableName, TableStore<TableName>>();

  constructor(
    readonly info: WorkspaceInfo,
    actor: Actor
  ) {
    this.db = new KebuDB(workspaceDbName(info.id));
    this.writes = new WritePath(this.db, actor);
    this.customers = new TableStore(this.db, this.writes, 'customers');
    this.contacts = new TableStore(this.db, this.writes, 'contacts');
    this.followUps = new TableStore(this.db, this.writes, 'followUps');
    this.staff = new TableStore(this.db, this.writes, 'staff');
    this.orgUnits = new TableStore(this.db, this.writes, 'orgUnits');
    this.customColumns = new TableStore(this.db, this.writes, 'customColumns');
    this.savedViews = new TableStore(this.db, this.writes, 'savedViews');
    this.settings = new TableStore(this.db, this.writes, 'settings');
  }

  /** The live store of any table, made once per open workspace. */
  store<K extends TableName>(table: K): TableStore<K> {
    let s = this.#more.get(table);
    if (!s) this.#more.set(table, (s = new TableStore(this.db, this.writes, table) as unknown as TableStore<TableName>));
    return s as unknown as TableStore<K>;
  }

  close() {
    for (const s of this.#more.values()) s.destroy();
    this.#more.clear();
    for (const s of [this.customers, this.contacts, this.followUps, this.staff, this.orgUnits, this.customColumns, this.savedViews, this.settings]) {
      s.destroy();
    }
    this.writes.destroy();
    this.db.close();
  }
}
