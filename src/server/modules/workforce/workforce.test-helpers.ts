/** Test helpers for the workforce module (multipart uploads, generated sheets). */
import type { Client } from '../../test/harness.js';

export function multipart(fileName: string, data: Buffer, contentType: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----congvu${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function upload(client: Client, fileName: string, data: Buffer, dryRun: boolean, jobId?: string) {
  const { payload, headers } = multipart(fileName, data, fileName.endsWith('.csv') ? 'text/csv' : XLSX);
  const url = `/api/v1/workforce/officials/import?dryRun=${dryRun}${jobId ? `&jobId=${jobId}` : ''}`;
  return client.request({ method: 'POST', url, payload, headers });
}
