/**
 * Form templates (tờ khai "theo mẫu"): a document of a procedure that must follow a form gets the
 * form's file, uploaded by the procedure's administrator (PDF, Word .docx or Excel .xlsx, judged by
 * the bytes), stored content-addressed in the file store, and downloaded by anyone from the
 * procedure's public page. One file per document; a new upload replaces it. Audited.
 */
import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { createLocalStorage, type FileStorage, keepFilesIfCommitted, sha256Hex } from '../../platform/storage.js';
import type { Upload, UploadRule } from '../../platform/uploads.js';
import { presentDetailDocument } from './procedures.presenter.js';
import * as repo from './procedures.repo.js';
import { procedureForAdmin } from './procedures.service.js';
import * as templates from './templates.repo.js';

export const TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;
export const TEMPLATE_FILE: UploadRule = { maxBytes: TEMPLATE_MAX_BYTES, accept: ['pdf', 'docx', 'xlsx'], what: 'Tệp mẫu' };
const EXTENSIONS: Record<string, string> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx' };

export const templateStorage = (dataDir: string): FileStorage => createLocalStorage({ dataDir });

/** A download name: the uploaded name when it has one, else the document's name, with the kind's extension. */
function fileNameFor(upload: Upload, documentName: string): string {
  const ext = EXTENSIONS[upload.kind];
  const given = upload.fileName.replace(/[\\/\r\n"]/g, ' ').trim();
  const base = given && given !== 'upload' ? given.replace(/\.[^.]*$/, '') : documentName.replace(/\s*\(.*\)\s*$/, '');
  return `${base.slice(0, 150)}.${ext}`;
}

async function documentForAdmin(ctx: AppContext, p: Principal | null, code: string, documentId: string) {
  const { row, principal } = await procedureForAdmin(ctx, p, code);
  const doc = (await repo.documentsOf(ctx.db, [row.id])).find((d) => d.id === documentId);
  if (!doc) throw AppError.notFound('Thành phần hồ sơ');
  return { row, principal, doc };
}

/** Uploads (or replaces) the template of a document; `read` is called only after the policy check. */
export async function uploadTemplate(ctx: AppContext, p: Principal | null, code: string, documentId: string, read: () => Promise<Upload>) {
  const { row, principal, doc } = await documentForAdmin(ctx, p, code, documentId);
  const file = await read();
  const sha256 = sha256Hex(file.data);
  const key = `${sha256}.${EXTENSIONS[file.kind]}`;
  const fileName = fileNameFor(file, doc.name);
  return keepFilesIfCommitted(templateStorage(ctx.config.dataDir), async (stage) => {
    await stage(key, file.data, { contentType: file.contentType });
    return ctx.db.transaction(async (tx) => {
      const saved = await templates.upsertTemplate(tx, {
        documentId: doc.id,
        storageKey: key,
        sha256,
        fileName,
        contentType: file.contentType,
        size: file.data.length,
        uploadedBy: principal.userId,
      });
      await appendAudit(tx, {
        stream: agencyStream(row.agencyCode),
        actor: actorOf(principal),
        action: 'procedure.template.upload',
        entityType: 'procedure_document',
        entityId: doc.id,
        provinceCode: row.provinceCode,
        data: { code: row.code, document: doc.name, fileName, contentType: file.contentType, size: file.data.length, sha256 },
      });
      return presentDetailDocument(doc, new Map([[doc.id, saved]]));
    });
  });
}

/** Removes a document's template (the file stays in the content-addressed store). */
export async function removeTemplate(ctx: AppContext, p: Principal | null, code: string, documentId: string) {
  const { row, principal, doc } = await documentForAdmin(ctx, p, code, documentId);
  return ctx.db.transaction(async (tx) => {
    const gone = await templates.deleteTemplate(tx, doc.id);
    if (!gone) throw AppError.notFound('Tệp mẫu');
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(principal),
      action: 'procedure.template.remove',
      entityType: 'procedure_document',
      entityId: doc.id,
      provinceCode: row.provinceCode,
      data: { code: row.code, document: doc.name, fileName: gone.fileName, sha256: gone.sha256 },
    });
    return presentDetailDocument(doc, new Map());
  });
}

/** The file of a template, for anyone, while its document is current and its procedure in force. */
export async function downloadTemplate(ctx: AppContext, documentId: string): Promise<{ fileName: string; contentType: string; sha256: string; bytes: Buffer }> {
  const t = await templates.findPublicTemplate(ctx.db, documentId);
  const bytes = t ? await templateStorage(ctx.config.dataDir).get(t.storageKey) : null;
  if (!t || !bytes) throw AppError.notFound('Tệp mẫu');
  return { fileName: t.fileName, contentType: t.contentType, sha256: t.sha256, bytes };
}
