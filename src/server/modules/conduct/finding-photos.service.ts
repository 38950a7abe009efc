/**
 * Photos of an inspection finding. Uploaded by an inspector or Home Affairs in the inspection's
 * scope; accepted only when the bytes are JPEG or PNG (whatever the file name says), within
 * PHOTO_MAX_BYTES; stored content-addressed (`<sha256>.<ext>`) with the hash kept on the finding.
 * Seen by those who may see the finding: staff reading the inspection's or the official's agency,
 * and the official concerned. Anyone else gets 404.
 */
import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal, requirePrincipal } from '../../platform/principal.js';
import { contentKey, createLocalStorage, type FileStorage, keepFilesIfCommitted } from '../../platform/storage.js';
import type { Upload, UploadRule } from '../../platform/uploads.js';
import type { FindingPhoto } from './cases.repo.js';
import * as repo from './cases.repo.js';
import * as policy from './conduct.policy.js';
import { presentFinding } from './conduct.presenter.js';

type P = Principal | null;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTOS_PER_FINDING = 10;
const PHOTOGRAPH = [...policy.INSPECT, ...policy.MANAGE];
const storageOf = (ctx: AppContext): FileStorage => createLocalStorage({ dataDir: ctx.config.dataDir });

/** A photo: JPEG or PNG by content, up to PHOTO_MAX_BYTES (platform/uploads.ts answers 413/415). */
export const PHOTO_FILE: UploadRule = { maxBytes: PHOTO_MAX_BYTES, accept: ['jpeg', 'png'], what: 'Ảnh' };

/** Adds one photo; `read` is called only after the caller is authorised. The same picture twice is kept once. */
export async function addFindingPhoto(ctx: AppContext, p: P, findingId: string, read: () => Promise<Upload>) {
  const finding = await repo.findFindingForPhotos(ctx.db, findingId);
  if (!finding) throw AppError.notFound('Kết quả kiểm tra');
  const principal = policy.requireIn(p, finding.inspectionAgencyId, PHOTOGRAPH, 'Kết quả kiểm tra');
  if (finding.photos.length >= PHOTOS_PER_FINDING) throw AppError.rule('TOO_MANY_PHOTOS', `Mỗi kết quả kiểm tra có tối đa ${PHOTOS_PER_FINDING} ảnh.`);
  const file = await read();
  const contentType = file.contentType as FindingPhoto['contentType'];
  const photo = { ...contentKey(file.data, contentType), contentType, size: file.data.length };
  if (finding.photos.some((x) => x.sha256 === photo.sha256)) return presentFinding(finding);
  const entry: FindingPhoto = { ...photo, uploadedAt: new Date().toISOString(), uploadedBy: principal.userId };
  // The file is kept only when the row naming it commits.
  return keepFilesIfCommitted(storageOf(ctx), async (stage) => {
    await stage(photo.key, file.data, { contentType });
    return ctx.db.transaction(async (tx) => {
      const updated = await repo.appendFindingPhoto(tx, finding.id, entry, PHOTOS_PER_FINDING);
      if (!updated) throw AppError.rule('TOO_MANY_PHOTOS', `Mỗi kết quả kiểm tra có tối đa ${PHOTOS_PER_FINDING} ảnh.`);
      if (updated.violationId) await repo.noteViolationPhotos(tx, updated.violationId, updated.photos.length);
      await appendAudit(tx, {
        stream: agencyStream(finding.agencyCode),
        actor: actorOf(principal),
        action: 'conduct.inspection.finding_photo',
        entityType: 'inspection_finding',
        entityId: finding.id,
        provinceCode: finding.provinceCode,
        data: { n: updated.photos.length, sha256: photo.sha256, contentType: photo.contentType, size: photo.size, fileName: file.fileName },
      });
      return presentFinding({ ...updated, officialName: finding.officialName });
    });
  });
}

/** The n-th photo (1-based) of a finding, for those who may see the finding. */
export async function getFindingPhoto(ctx: AppContext, p: P, findingId: string, n: number): Promise<{ contentType: string; bytes: Buffer; sha256: string }> {
  const principal = requirePrincipal(p);
  const finding = await repo.findFindingForPhotos(ctx.db, findingId);
  const mayRead =
    finding &&
    (policy.isSelf(principal, finding.officialUserId) ||
      policy.reaches(principal, finding.inspectionAgencyId, policy.READ) ||
      policy.reaches(principal, finding.officialAgencyId, policy.READ));
  if (!finding || !mayRead) throw AppError.notFound('Kết quả kiểm tra');
  const photo = finding.photos[n - 1];
  if (!photo) throw AppError.notFound('Ảnh');
  const bytes = await storageOf(ctx).get(photo.key);
  if (!bytes) throw AppError.notFound('Ảnh');
  return { contentType: photo.contentType, bytes, sha256: photo.sha256 };
}
