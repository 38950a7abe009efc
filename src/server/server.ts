import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type Database, migrateDatabase, openDatabase } from './db/client.js';
import { isDatabaseEmpty, seedDemo, seedReference } from './db/seed/index.js';

export interface Running {
  app: FastifyInstance;
  database: Database;
  demoLoaded: boolean;
}

/** Open the database, migrate, seed what is missing, and build the app. */
export async function prepare(config: Config): Promise<Running> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  await seedReference(database.db);
  let demoLoaded = false;
  if (config.loadDemo && !config.isProduction && (await isDatabaseEmpty(database.db))) {
    await seedDemo(database.db, config);
    demoLoaded = true;
  }
  const app = await buildApp(config, database);
  return { app, database, demoLoaded };
}
