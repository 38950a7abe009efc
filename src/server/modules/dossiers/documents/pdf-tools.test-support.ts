/** Poppler/zbar helpers for the document tests: text of a PDF, page size, QR codes on page 1. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function hasBinary(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

function writeTemp(bytes: Uint8Array, name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'congvu-doc-'));
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Text of the PDF with whitespace collapsed (pdftotext from poppler-utils is required). */
export function pdfText(pdf: Uint8Array): string {
  if (!hasBinary('pdftotext')) throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
  const file = writeTemp(pdf, 'doc.pdf');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function pdfInfo(pdf: Uint8Array): { pages: number; width: number; height: number } {
  const file = writeTemp(pdf, 'doc.pdf');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  return { pages: Number(pages?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** QR payloads found on page 1 rendered at 150 dpi, or null when zbarimg is not installed. */
export function decodeQrCodes(pdf: Uint8Array): string[] | null {
  if (!hasBinary('zbarimg')) return null;
  const file = writeTemp(pdf, 'doc.pdf');
  const dir = path.dirname(file);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
  const png = readdirSync(dir).find((name) => name.endsWith('.png'));
  if (!png) throw new Error('pdftoppm produced no image');
  const out = spawnSync('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', path.join(dir, png)], { encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean);
}
