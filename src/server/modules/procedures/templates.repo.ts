/** SQL of the form templates (tờ khai theo mẫu) attached to a procedure's documents. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { procedure, procedureDocument, procedureDocumentTemplate as t } from '../../db/schema/index.js';

export type TemplateRow = typeof t.$inferSelect;

/** The templates of these documents, by document id. */
export async function templatesOf(db: DbOrTx, documentIds: string[]): Promise<Map<string, TemplateRow>> {
  if (!documentIds.length) return new Map();
  const rows = await db.select().from(t).where(inArray(t.documentId, documentIds));
  return new Map(rows.map((r) => [r.documentId, r]));
}

/** One document's template, or replace it: one file per document. */
export async function upsertTemplate(db: DbOrTx, row: typeof t.$inferInsert): Promise<TemplateRow> {
  const { documentId: _key, ...set } = row;
  const [saved] = await db
    .insert(t)
    .values(row)
    .onConflictDoUpdate({ target: t.documentId, set: { ...set, uploadedAt: new Date() } })
    .returning();
  return saved;
}

export async function deleteTemplate(db: DbOrTx, documentId: string): Promise<TemplateRow | undefined> {
  const [gone] = await db.delete(t).where(eq(t.documentId, documentId)).returning();
  return gone;
}

/** A template the public may download: its document is current and its procedure in force. */
export async function findPublicTemplate(db: DbOrTx, documentId: string): Promise<TemplateRow | undefined> {
  const [row] = await db
    .select({ template: t })
    .from(t)
    .innerJoin(procedureDocument, eq(procedureDocument.id, t.documentId))
    .innerJoin(procedure, eq(procedure.id, procedureDocument.procedureId))
    .where(and(eq(t.documentId, documentId), isNull(procedureDocument.retiredAt), eq(procedure.isActive, true)));
  return row?.template;
}

/** A current document of procedure `code` in a province, by its name (the demo seed finds its forms so). */
export async function findDocumentByName(db: DbOrTx, provinceCode: string, code: string, name: string) {
  const [row] = await db
    .select({ id: procedureDocument.id, agencyId: procedure.agencyId })
    .from(procedureDocument)
    .innerJoin(procedure, eq(procedure.id, procedureDocument.procedureId))
    .where(and(eq(procedure.provinceCode, provinceCode), eq(procedure.code, code), eq(procedureDocument.name, name), isNull(procedureDocument.retiredAt)));
  return row;
}
