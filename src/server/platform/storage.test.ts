import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, createLocalStorage, inspectAttachment, isValidStorageKey, sha256Hex, sniffFileType } from './storage.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');

function tempStorage() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'congvu-storage-'));
  return { dataDir, storage: createLocalStorage({ dataDir }) };
}

describe('local file storage', () => {
  it('puts, gets, checks and deletes under ${dataDir}/files, sharded by the key prefix', async () => {
    const { dataDir, storage } = tempStorage();
    const bytes = Buffer.from('nội dung tệp', 'utf8');
    const key = `${sha256Hex(bytes)}.pdf`;
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    await storage.put(key, bytes);
    expect(storage.pathOf(key)).toBe(path.join(dataDir, 'files', key.slice(0, 2), key.slice(2, 4), key));
    expect(existsSync(storage.pathOf(key))).toBe(true);
    expect(await storage.exists(key)).toBe(true);
    expect((await storage.get(key))?.equals(bytes)).toBe(true);
    await storage.put(key, PNG);
    expect((await storage.get(key))?.equals(PNG)).toBe(true);
    expect(await storage.delete(key)).toBe(true);
    expect(await storage.delete(key)).toBe(false);
    expect(await storage.exists(key)).toBe(false);
  });

  it('refuses keys that could leave the folder', async () => {
    const { storage } = tempStorage();
    const bad = [
      '../../etc/passwd',
      'abcd/../../x',
      '/etc/passwd',
      'abcd\\..\\x',
      'ab',
      'ABCD1234',
      'abcd..',
      'abcd.pdf/..',
      'abcd\0.pdf',
      '',
      'abcd.' + 'x'.repeat(20),
    ];
    for (const key of bad) {
      expect(isValidStorageKey(key)).toBe(false);
      await expect(storage.put(key, PNG)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(storage.get(key)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(storage.exists(key)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(storage.delete(key)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(isValidStorageKey('0190f3a2-7b1c-7def-8123-456789abcdef')).toBe(true);
    expect(isValidStorageKey(`${'a'.repeat(64)}.png`)).toBe(true);
  });
});

describe('content checks', () => {
  it('sniffs the type from the bytes, not the name', () => {
    const upload = { filename: 'giay-khai-sinh.pdf', bytes: PNG };
    expect(sniffFileType(upload.bytes)).toBe('image/png');
    expect(sniffFileType(JPEG)).toBe('image/jpeg');
    expect(sniffFileType(PDF)).toBe('application/pdf');
    expect(sniffFileType(Buffer.from('%PDF'))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
    let random = randomBytes(64);
    while (sniffFileType(random) !== null) random = randomBytes(64);
    expect(sniffFileType(random)).toBeNull();
    expect(sniffFileType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
  });

  it('hashes and limits attachments', () => {
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(ATTACHMENT_LIMITS.maxBytes).toBe(10 * 1024 * 1024);
    expect(ATTACHMENT_LIMITS.allowedTypes).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
    const ok = inspectAttachment(JPEG);
    expect(ok).toEqual({ type: 'image/jpeg', sha256: sha256Hex(JPEG), key: `${sha256Hex(JPEG)}.jpg`, size: JPEG.length });
    expect(isValidStorageKey(ok.key)).toBe(true);
    expect(() => inspectAttachment(Buffer.from('MZ executable'))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }));
    const tooBig = Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1);
    PDF.copy(tooBig);
    expect(() => inspectAttachment(tooBig)).toThrow(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
  });
});
