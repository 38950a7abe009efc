/**
 * Attachments cannot take the server down or litter it: the 413 names the field and the limit; a
 * file is kept only when the write that names it commits; the sweep purges what only waits to expire.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session } from '../../db/schema/index.js';
import { createLocalStorage, sha256Hex } from '../../platform/storage.js';
import { type Harness, makeUser, startHarness, uid } from '../../test/harness.js';
import { act, intakeBody, makeWorld, type World } from './dossiers.test-support.js';
import { purgeExpired, STAGED_FILE_MAX_AGE_MS, sweepOnce } from './lateness.js';

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-files-')) });
  w = await makeWorld(h);
}, 120_000);
afterAll(() => h.close());

const storage = () => createLocalStorage({ dataDir: h.config.dataDir });
const pdf = () => Buffer.from(`%PDF-1.7\n% tờ khai ${uid(8)}\n`);
const staged = () => (fs.existsSync(storage().stagingDir) ? fs.readdirSync(storage().stagingDir) : []);

/** Makes every insert of a document with these bytes fail inside the write (a constraint the test adds). */
async function failDocumentsWith(bytes: Buffer): Promise<() => Promise<void>> {
  const name = `h6_fail_${uid(4).toLowerCase()}`;
  await h.database.exec(`
    create function ${name}() returns trigger language plpgsql as $$ begin raise exception 'forced failure for the test'; end $$;
    create trigger ${name} before insert on dossier_document for each row when (new.sha256 = '${sha256Hex(bytes)}') execute function ${name}();`);
  return () => h.database.exec(`drop trigger ${name} on dossier_document; drop function ${name}();`);
}

const withAttachment = (bytes: Buffer, docIndex = 0) => ({
  procedureDocumentId: w.docs[docIndex].id,
  attachment: { fileName: 'to-khai.pdf', contentBase64: bytes.toString('base64') },
});

describe('dossier attachments', () => {
  it('an attachment over 10 MB answers 413 naming its field and the limit', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]);
    const body = intakeBody(w, { extra: { documents: [withAttachment(big), { procedureDocumentId: w.docs[1].id }] } });
    const res = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: body });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 10 * 1024 * 1024, errors: [{ field: 'documents[0].attachment.contentBase64' }] });
    // a whole request over the route's body limit answers alike, naming the body and its limit
    const small = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(7 * 1024 * 1024)]);
    const two = intakeBody(w, { extra: { documents: [withAttachment(small), withAttachment(small, 1)] } });
    const whole = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: two });
    expect(whole.statusCode).toBe(413);
    expect(whole.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 16 * 1024 * 1024, errors: [{ field: 'body' }] });
  });

  it('an intake whose write fails leaves no file behind; one that commits keeps its file', async () => {
    const doomed = pdf();
    const restore = await failDocumentsWith(doomed);
    try {
      const body = intakeBody(w, { extra: { documents: [withAttachment(doomed), { procedureDocumentId: w.docs[1].id }] } });
      const res = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: body });
      expect(res.statusCode).toBe(500);
    } finally {
      await restore();
    }
    const key = `${sha256Hex(doomed)}.pdf`;
    expect(await storage().exists(key)).toBe(false);
    expect(staged().filter((f) => f.endsWith(key))).toEqual([]);

    const kept = pdf();
    const ok = await w.counter.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { extra: { documents: [withAttachment(kept), { procedureDocumentId: w.docs[1].id }] } }),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await storage().get(`${sha256Hex(kept)}.pdf`)).toEqual(kept);
  });

  it('a supplement whose transaction fails leaves no file behind', async () => {
    const created = (await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { docs: [w.docs[0].id] }) })).json();
    expect(created.status).toBe('supplement_requested');
    const doomed = pdf();
    const restore = await failDocumentsWith(doomed);
    try {
      const res = await act(w.counter, created.code, 'submit-supplement', { documents: [withAttachment(doomed, 1)] });
      expect(res.statusCode).toBe(500);
    } finally {
      await restore();
    }
    const key = `${sha256Hex(doomed)}.pdf`;
    expect(await storage().exists(key)).toBe(false);
    expect(staged().filter((f) => f.endsWith(key))).toEqual([]);
    const again = await act(w.counter, created.code, 'submit-supplement', { documents: [withAttachment(doomed, 1)] });
    expect(again.statusCode, again.body).toBe(200);
    expect(await storage().exists(key)).toBe(true);
  });
});

describe('the background sweep', () => {
  it('purges expired sessions, spent lookup guards and abandoned staged files, and keeps live ones', async () => {
    const user = await makeUser(h, 'processing_officer', w.desk.id);
    const hour = 3600_000;
    const tag = uid(6);
    await h.database.db.insert(session).values([
      { tokenHash: `expired-${tag}`, userId: user.id, csrfToken: 'x', expiresAt: new Date(Date.now() - hour) },
      { tokenHash: `live-${tag}`, userId: user.id, csrfToken: 'x', expiresAt: new Date(Date.now() + hour) },
    ]);
    const guard = (name: string, windowAgoMin: number, lockedInMin: number | null) =>
      h.database.rows(
        sql`insert into dossier_lookup_guard (code, failures, window_started_at, locked_until) values (${`${name}-${tag}`}, 3, now() - make_interval(mins => ${windowAgoMin}), ${lockedInMin === null ? null : sql`now() + make_interval(mins => ${lockedInMin})`})`,
      );
    await guard('spent', 120, null); // window over, never locked
    await guard('unlocked', 150, -30); // lock over, window over
    await guard('counting', 10, null); // still counting wrong guesses
    await guard('locked', 90, 20); // still locked
    const files = storage();
    const old = await files.stage(`${'ab'.repeat(32)}.pdf`, Buffer.from('%PDF-old'));
    const fresh = await files.stage(`${'cd'.repeat(32)}.pdf`, Buffer.from('%PDF-new'));
    const past = new Date(Date.now() - STAGED_FILE_MAX_AGE_MS - 60_000);
    const oldName = staged().find((f) => f.endsWith(old.key))!;
    fs.utimesSync(path.join(files.stagingDir, oldName), past, past);

    const result = await sweepOnce(h.ctx);
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(result.lookupGuards).toBeGreaterThanOrEqual(2);
    expect(result.stagedFiles).toBeGreaterThanOrEqual(1);

    const sessions = await h.database.rows<{ token_hash: string }>(sql`select token_hash from session where token_hash like ${`%-${tag}`}`);
    expect(sessions.map((s) => s.token_hash)).toEqual([`live-${tag}`]);
    const guards = await h.database.rows<{ code: string }>(sql`select code from dossier_lookup_guard where code like ${`%-${tag}`} order by code`);
    expect(guards.map((g) => g.code)).toEqual([`counting-${tag}`, `locked-${tag}`]);
    expect(staged().some((f) => f.endsWith(old.key))).toBe(false);
    expect(staged().some((f) => f.endsWith(fresh.key))).toBe(true);
    await fresh.discard();
    expect(await purgeExpired(h.ctx)).toMatchObject({ sessions: expect.any(Number), lookupGuards: expect.any(Number), stagedFiles: 0 });
  });
});
