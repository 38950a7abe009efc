import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';

/** What every service receives: configuration and the database. No globals. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
}
