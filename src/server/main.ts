import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/lock.js';
import { DEMO_ACCOUNTS } from './db/seed/demo.js';
import { startDossierWorkers } from './modules/dossiers/index.js';
import { EXIT_REFUSED, StartRefusedError } from './production.js';
import { prepare } from './server.js';

const config = loadConfig();
try {
  const { app, database } = await prepare(config);
  await app.listen({ port: config.port, host: config.host });
  const stopDossierWorkers = startDossierWorkers({ config, database, db: database.db }, { log: (e) => app.log.error(e) });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  Công Vụ đang chạy tại / is running at  ${url}`,
    `  Cơ sở dữ liệu / database: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`,
    `  Tài liệu API / API docs: ${url}/api/docs`,
  ];
  if (config.loadDemo && !config.isProduction) {
    lines.push(`  Tài khoản mẫu / demo accounts (mật khẩu / password: ${config.demoPassword}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(19)} ${a.role}`);
  }
  console.log(lines.join('\n') + '\n');
  const stop = async () => {
    stopDossierWorkers();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (err) {
  if (err instanceof DataDirLockedError) {
    console.error(`\n${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof StartRefusedError) {
    console.error(`\n${err.message}\n`);
    process.exit(EXIT_REFUSED);
  }
  throw err;
}
