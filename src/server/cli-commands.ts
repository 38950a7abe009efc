import { eq } from 'drizzle-orm';
import type { Database } from './db/client.js';
import { agency, apiToken, roleAssignment, userAccount } from './db/schema/index.js';
import { hashPassword } from './modules/auth/index.js';
import { appendAudit, SYSTEM_STREAM, verifyAudit } from './platform/audit.js';
import { randomToken, sha256 } from './platform/crypto.js';
import { ROLES, type Role } from './platform/principal.js';
import { importOfficials } from './modules/workforce/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Values = Record<string, string | boolean | undefined>;
const cliActor = { userId: null, label: 'cli' };

function need(values: Values, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || !v) throw new Error(`Thiếu --${key} / missing --${key}`);
  return v;
}

function roleOf(values: Values): Role {
  const role = need(values, 'role');
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`Vai trò không hợp lệ / unknown role: ${role} (${ROLES.join(', ')})`);
  return role as Role;
}

async function agencyId(database: Database, code: string): Promise<string> {
  const [a] = await database.db.select({ id: agency.id }).from(agency).where(eq(agency.code, code));
  if (!a) throw new Error(`Không có cơ quan / no agency ${code}`);
  return a.id;
}

/** Commands that act on data (the database is open and migrated). Returns the exit code. */
export async function runCliCommand(database: Database, cmd: string, sub: string | undefined, values: Values, _rest: string[]): Promise<number> {
  const { db } = database;
  if (cmd === 'audit' && sub === 'verify') {
    const r = await verifyAudit(db);
    if (r.problems.length === 0) {
      console.log(`Nhật ký toàn vẹn / audit log intact: ${r.streams} streams, ${r.events} events.`);
      return 0;
    }
    for (const p of r.problems) console.error(`BROKEN stream=${p.stream} seq=${p.seq}: ${p.reason}`);
    return 3;
  }
  if (cmd === 'user' && sub === 'create') {
    const username = need(values, 'username');
    const passwordHash = await hashPassword(need(values, 'password'));
    const kind = typeof values.kind === 'string' ? values.kind : 'official';
    const role = values.role ? roleOf(values) : undefined;
    const aid = role ? await agencyId(database, need(values, 'agency')) : undefined;
    await db.transaction(async (tx) => {
      const [u] = await tx
        .insert(userAccount)
        .values({ username, displayName: (typeof values.name === 'string' ? values.name : username).normalize('NFC'), kind, passwordHash })
        .returning();
      if (role && aid) await tx.insert(roleAssignment).values({ userId: u.id, role, agencyId: aid });
      await appendAudit(tx, {
        stream: SYSTEM_STREAM,
        actor: cliActor,
        action: 'user.create',
        entityType: 'user',
        entityId: u.id,
        data: { username, role: role ?? null },
      });
    });
    console.log(`Đã tạo người dùng / user created: ${username}`);
    return 0;
  }
  if (cmd === 'token' && sub === 'create') {
    const role = roleOf(values);
    const aid = await agencyId(database, need(values, 'agency'));
    const token = `cv_${randomToken(30)}`;
    await db.transaction(async (tx) => {
      const [t] = await tx
        .insert(apiToken)
        .values({ name: need(values, 'name'), tokenHash: sha256(token), prefix: token.slice(0, 10), role, agencyId: aid })
        .returning();
      await appendAudit(tx, {
        stream: SYSTEM_STREAM,
        actor: cliActor,
        action: 'api_token.create',
        entityType: 'api_token',
        entityId: t.id,
        data: { name: t.name, role },
      });
    });
    console.log(token);
    return 0;
  }
  if (cmd === 'import' && sub === 'officials') {
    const file = _rest[0];
    if (!file) throw new Error('Cách dùng / usage: congvu import officials FILE.xlsx|FILE.csv [--dry-run]');
    const dryRun = values['dry-run'] === true;
    const r = await importOfficials(db, { fileName: path.basename(file), data: readFileSync(file), dryRun, scope: null, actor: cliActor });
    for (const x of r.rejected) console.error(`dòng/line ${x.line}: ${x.reason}`);
    console.log(
      `${dryRun ? 'Chạy thử / dry run' : 'Đã nhập / imported'}: ${r.imported} mới/new, ${r.updated} cập nhật/updated, ${r.rejected.length} bị từ chối/rejected (${r.total} dòng/rows).`,
    );
    return r.rejected.length ? 4 : 0;
  }
  console.error(`Lệnh không hợp lệ / unknown command: ${cmd} ${sub ?? ''}`);
  return 1;
}
