import { useRef, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { OfficialImportJob, OfficialImportResult } from '../../../shared/api-types';
import { uploadOfficials } from './api';
import './workforce.css';

/**
 * Choose a file → dry run (every refused row with its line) → import. The POST answers when the
 * import is done; meanwhile the page polls the job row for the progress bar.
 */
export function ImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<OfficialImportResult | null>(null);
  const [progress, setProgress] = useState<Pick<OfficialImportJob, 'processed' | 'total'> | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const jobId = crypto.randomUUID();
    setProgress({ processed: 0, total: 0 });
    const timer = window.setInterval(() => {
      api.get<OfficialImportJob>(`/workforce/imports/${jobId}`).then(
        (j) => setProgress({ processed: j.processed, total: j.total }),
        () => undefined, // not created yet
      );
    }, 500);
    try {
      setResult(await uploadOfficials(file, dryRun, jobId));
    } catch (e) {
      setError(e);
    } finally {
      window.clearInterval(timer);
      setProgress(null);
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('wf.import.title')} intro={t('wf.import.intro')} />
      <section className="panel">
        <div className="field">
          <label className="field-label" htmlFor="wf-file">
            {t('wf.import.file')}
          </label>
          <input
            id="wf-file"
            ref={input}
            className="input"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
          <p className="field-hint">{t('wf.import.hint')}</p>
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn--secondary" disabled={!file || isBusy} onClick={() => void run(true)}>
            {t('wf.import.dryRun')}
          </button>
          <button type="button" className="btn btn--primary" disabled={!file || isBusy || !result?.dryRun} onClick={() => void run(false)}>
            {t('wf.import.run')}
          </button>
        </div>
        {progress ? (
          <div role="status">
            <label className="field-label" htmlFor="wf-progress">
              {t('wf.import.progress', { done: progress.processed, total: progress.total || '…' })}
            </label>
            <progress id="wf-progress" className="wf-progress" max={progress.total || 1} value={progress.processed} />
          </div>
        ) : null}
      </section>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      {result ? (
        <section className="panel" aria-live="polite">
          <h2 className="section-title">{result.dryRun ? t('wf.import.previewTitle') : t('wf.import.doneTitle')}</h2>
          <div className="wf-summary">
            <span>{t('wf.import.total', { n: result.total })}</span>
            <span>{t(result.dryRun ? 'wf.import.willImport' : 'wf.import.imported', { n: result.imported })}</span>
            <span>{t(result.dryRun ? 'wf.import.willUpdate' : 'wf.import.updated', { n: result.updated })}</span>
            <strong>{t('wf.import.rejected', { n: result.rejected.length })}</strong>
          </div>
          {result.rejected.length === 0 ? (
            <Alert kind="success">{t('wf.import.noErrors')}</Alert>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('wf.import.rejectedCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="wf-line">
                      {t('wf.import.line')}
                    </th>
                    <th scope="col">{t('wf.import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejected.map((r) => (
                    <tr key={r.line}>
                      <td data-label={t('wf.import.line')} className="wf-line">
                        {r.line}
                      </td>
                      <td data-label={t('wf.import.reason')}>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
