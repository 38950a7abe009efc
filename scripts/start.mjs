// npm start: build the web app if it is missing or older than its sources, then run the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const built = path.join(root, 'dist/web/index.html');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newest(path.join(root, 'src/web'))) {
  console.log('Đang dựng giao diện web… / building the web app…');
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const tsx = require.resolve('tsx/cli');
const r = spawnSync(process.execPath, [tsx, path.join(root, 'src/server/main.ts')], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
