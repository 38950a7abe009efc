import { useRef, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { describeError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { ProcedureImportResult } from '../../../shared/api-types';
import { uploadImport } from './procedures-api';

/** Choose a file, dry-run it (counts and rejected lines), then import for real. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { t, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ProcedureImportResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setBusy(dryRun ? 'check' : 'apply');
    setError(null);
    try {
      const r = await uploadImport(file, dryRun, lang);
      setReport(r);
      if (!dryRun) onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const canApply = !!report && report.dryRun && report.created + report.updated > 0;

  return (
    <section className="panel proc-import" aria-labelledby="proc-import-title">
      <h2 id="proc-import-title" className="subpanel-title">
        {t('procAdmin.importTitle')}
      </h2>
      <p className="field-hint">{t('procAdmin.importHint')}</p>
      <div className="proc-import-row">
        <div className={`field${missing ? ' field--invalid' : ''}`}>
          <label className="field-label" htmlFor="proc-import-file">
            {t('procAdmin.file')}
          </label>
          <input
            ref={input}
            id="proc-import-file"
            className="input"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={missing ? 'proc-import-file-error' : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setMissing(false);
            }}
          />
          {missing ? (
            <p className="field-error" id="proc-import-file-error">
              {t('procAdmin.chooseFile')}
            </p>
          ) : null}
        </div>
        <button type="button" className="btn btn--secondary" disabled={!!busy} onClick={() => void run(true)}>
          {busy === 'check' ? t('procAdmin.checking') : t('procAdmin.dryRun')}
        </button>
        <button type="button" className="btn btn--primary" disabled={!canApply || !!busy} onClick={() => void run(false)}>
          {busy === 'apply' ? t('procAdmin.applying') : t('procAdmin.apply')}
        </button>
      </div>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      {report ? (
        <div className="proc-report">
          <Alert kind={report.dryRun ? 'info' : 'success'}>{report.dryRun ? t('procAdmin.preview') : t('procAdmin.done')}</Alert>
          <ul className="proc-counts">
            <li>
              <strong>{report.created}</strong> {t('procAdmin.created')}
            </li>
            <li>
              <strong>{report.updated}</strong> {t('procAdmin.updated')}
            </li>
            <li>
              <strong>{report.unchanged}</strong> {t('procAdmin.unchanged')}
            </li>
            <li className={report.rejected.length ? 'is-bad' : undefined}>
              <strong>{report.rejected.length}</strong> {t('procAdmin.rejected')}
            </li>
          </ul>
          {report.rejected.length ? (
            <div className="table-wrap">
              <table className="table">
                <caption className="proc-caption">{t('procAdmin.rejectedTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('procAdmin.line')}
                    </th>
                    <th scope="col">{t('proc.code')}</th>
                    <th scope="col">{t('procAdmin.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.rejected.map((r) => (
                    <tr key={r.line}>
                      <td data-label={t('procAdmin.line')} className="num">
                        {r.line}
                      </td>
                      <td data-label={t('proc.code')}>{r.code ? <code>{r.code}</code> : t('common.none')}</td>
                      <td data-label={t('procAdmin.reason')}>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
