/**
 * A dossier's uploaded files (scans of its documents), opened by the people who may read the
 * dossier. A staff opening is a read of personal data: it goes to the access log, one entry each.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { EXTENSION_BY_TYPE, type SniffedFileType } from '../../platform/storage.js';
import * as policy from './dossiers.policy.js';
import * as repo from './dossiers.repo.js';
import { logStaffRead, type P } from './dossiers.service.js';
import { dossierFiles } from './intake.service.js';

export interface OpenedAttachment {
  bytes: Buffer;
  contentType: string;
  /** The document's name with the file's extension ("Tờ khai đăng ký khai sinh.pdf"). */
  fileName: string;
  sha256: string;
}

/** The file of document `documentId` of dossier `code`: same scope as reading the dossier, else 404. */
export async function openAttachment(ctx: AppContext, p: P, code: string, documentId: string): Promise<OpenedAttachment> {
  const d = await repo.findDossierByCode(ctx.db, code);
  const { principal, isStaff } = policy.requireReader(p, d);
  const dossier = d!;
  const doc = await repo.findDocument(ctx.db, dossier.id, documentId);
  if (!doc?.storageKey || !doc.mime || !doc.sha256) throw AppError.notFound('Tệp đính kèm');
  const bytes = await dossierFiles(ctx).get(doc.storageKey);
  if (!bytes) throw new AppError('INTERNAL', 'Tệp đính kèm không còn trong kho lưu trữ.');
  if (isStaff) await logStaffRead(ctx.db, principal, dossier, `Mở tệp đính kèm: ${doc.name}`);
  const extension = EXTENSION_BY_TYPE[doc.mime as SniffedFileType] ?? 'bin';
  return { bytes, contentType: doc.mime, fileName: `${doc.name}.${extension}`, sha256: doc.sha256 };
}
