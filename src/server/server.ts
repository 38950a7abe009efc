import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { type Database, migrateDatabase, openDatabase } from './db/client.js';
import { isDatabaseEmpty, seedDemo, seedReference } from './db/seed/index.js';
import { findDemoRows } from './modules/meta/index.js';
import { demoRowsProblem, productionConfigProblems, StartRefusedError } from './production.js';

export interface Running {
  app: FastifyInstance;
  database: Database;
  demoLoaded: boolean;
}

/**
 * Open the database, migrate, seed what is missing, and build the app. In production, refuses
 * (StartRefusedError) a development configuration before touching the database, and a database
 * holding demo rows after migrating it.
 */
export async function prepare(config: Config): Promise<Running> {
  const configProblems = productionConfigProblems(config);
  if (configProblems.length) throw new StartRefusedError(configProblems);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    await seedReference(database.db);
    const demoRows = config.isProduction ? demoRowsProblem(await findDemoRows(database.db)) : undefined;
    if (demoRows) throw new StartRefusedError([demoRows]);
  } catch (err) {
    await database.close();
    throw err;
  }
  let demoLoaded = false;
  if (config.loadDemo && !config.isProduction && (await isDatabaseEmpty(database.db))) {
    await seedDemo(database.db, config);
    demoLoaded = true;
  }
  const app = await buildApp(config, database);
  return { app, database, demoLoaded };
}
