/**
 * npx congvu <command>: migrate, seed, user create, token create, audit verify.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { type Database, migrateDatabase, openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { seedDemo, seedReference } from './db/seed/index.js';
import { runCliCommand } from './cli-commands.js';

const USAGE = `Công Vụ — dòng lệnh / command line

  congvu migrate                         áp dụng migration / apply migrations
  congvu seed [--demo]                   nạp dữ liệu tham chiếu (và dữ liệu mẫu) / load reference (and demo) data
  congvu user create --username U --name "Họ tên" --password P [--kind official|citizen] [--role R --agency CODE]
  congvu token create --name N --role R --agency CODE
  congvu audit verify                    kiểm tra chuỗi nhật ký / verify the audit chains
  congvu import officials FILE [--dry-run]   nhập cán bộ từ Excel/CSV / import officials (.xlsx, .csv)

Môi trường / environment: DATABASE_URL (PostgreSQL) or CONGVU_DATA_DIR (embedded, default ./data)`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      kind: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      'dry-run': { type: 'boolean' },
    },
  });
  const [cmd, sub] = positionals;
  if (!cmd || values.help) {
    console.log(USAGE);
    return cmd ? 0 : 1;
  }
  const config = loadConfig();
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  try {
    await migrateDatabase(database);
    if (cmd === 'migrate') {
      console.log('Đã áp dụng migration. / Migrations applied.');
      return 0;
    }
    if (cmd === 'seed') {
      await seedReference(database.db);
      if (values.demo) await seedDemo(database.db, config);
      console.log(values.demo ? 'Đã nạp dữ liệu mẫu. / Demo data loaded.' : 'Đã nạp dữ liệu tham chiếu. / Reference data loaded.');
      return 0;
    }
    return await runCliCommand(database, cmd, sub, values, positionals.slice(2));
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
