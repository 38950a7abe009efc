import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api, seg } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { formatBudget, formatLimit, formatMoney, onlineLabel } from './format';
import { TemplateDownload } from './TemplateDownload';
import type { ProcedureDetail } from '../../../shared/api-types';
import './procedures.css';

/** One procedure: facts, documents (originals/copies), steps with their time budgets, fees, law. */
export function ProcedureDetailPage({ code }: { code: string }) {
  const { t, lang, formatDate } = useI18n();
  // the answer is kept with the code it belongs to: a new code shows "loading" without a reset
  const [state, setState] = useState<{ code: string; detail?: ProcedureDetail; error?: unknown } | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.get<ProcedureDetail>(`/procedures/${seg(code)}`, undefined, ctrl.signal).then(
      (d) => setState({ code, detail: d }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ code, error: e });
      },
    );
    return () => ctrl.abort();
  }, [code]);
  const current = state?.code === code ? state : null;
  const detail = current?.detail ?? null;
  const error = current?.error ?? null;

  const back = (
    <p className="proc-back">
      <Link to="/thu-tuc">← {t('proc.back')}</Link>
    </p>
  );
  if (error)
    return (
      <>
        {back}
        <PageHeader title={t('proc.title')} />
        <ErrorAlert error={describeError(error, t)} />
      </>
    );
  if (!detail)
    return (
      <>
        {back}
        <p role="status">{t('common.loading')}</p>
      </>
    );
  const d = detail;
  const isOnline = d.onlineLevel !== 'none';

  return (
    <>
      {back}
      <PageHeader
        title={d.name}
        intro={
          <>
            <code>{d.code}</code> · {d.agencyName}
          </>
        }
      >
        {isOnline ? (
          <Link to={`/nop-ho-so/${seg(d.code)}`} className="btn btn--primary">
            {t('proc.submitOnline')}
          </Link>
        ) : null}
      </PageHeader>
      {!isOnline ? <p className="alert alert--info">{t('proc.submitInPerson')}</p> : null}
      <section className="panel" aria-label={t('proc.title')}>
        <dl className="proc-summary">
          <div>
            <dt>{t('proc.code')}</dt>
            <dd>
              <code>{d.code}</code>
            </dd>
          </div>
          <div>
            <dt>{t('proc.field')}</dt>
            <dd>{d.fieldName}</dd>
          </div>
          <div>
            <dt>{t('proc.agency')}</dt>
            <dd>{d.agencyName}</dd>
          </div>
          <div>
            <dt>{t('proc.timeLimit')}</dt>
            <dd className="proc-strong">{formatLimit(d.timeLimit, t, lang)}</dd>
          </div>
          <div>
            <dt>{t('proc.onlineLevel')}</dt>
            <dd>
              <span className={`proc-level proc-level--${d.onlineLevel}`}>{onlineLabel(d.onlineLevel, t)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('proc.fee')}</dt>
            <dd className="proc-strong">{formatMoney(d.fee, t, lang)}</dd>
          </div>
          <div>
            <dt>{t('proc.resultType')}</dt>
            <dd>{t(`proc.result.${d.resultType}` as MessageKey)}</dd>
          </div>
          <div>
            <dt>{t('proc.version')}</dt>
            <dd>{t('proc.versionValue', { rule: d.ruleVersion, date: formatDate(d.effectiveFrom) })}</dd>
          </div>
        </dl>
      </section>

      <section className="proc-section" aria-labelledby="proc-docs">
        <h2 id="proc-docs" className="section-title">
          {t('proc.documents')}
        </h2>
        {d.documents.length === 0 ? (
          <p>{t('proc.noDocuments')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table proc-docs">
              <thead>
                <tr>
                  <th scope="col">{t('proc.doc.no')}</th>
                  <th scope="col">{t('proc.doc.name')}</th>
                  <th scope="col" className="num">
                    {t('proc.doc.originals')}
                  </th>
                  <th scope="col" className="num">
                    {t('proc.doc.copies')}
                  </th>
                  <th scope="col">{t('proc.doc.required')}</th>
                </tr>
              </thead>
              <tbody>
                {d.documents.map((doc, i) => (
                  <tr key={doc.id}>
                    <td data-label={t('proc.doc.no')}>{i + 1}</td>
                    <td data-label={t('proc.doc.name')} className="cell-primary">
                      {doc.name}
                      {doc.templateFile ? (
                        <TemplateDownload file={doc.templateFile} />
                      ) : doc.templateUrl ? (
                        <>
                          {' '}
                          · <a href={doc.templateUrl}>{doc.templateName ?? t('proc.doc.template')}</a>
                        </>
                      ) : doc.templateName ? (
                        <span className="cell-meta"> · {doc.templateName}</span>
                      ) : null}
                      {doc.note ? <span className="cell-meta proc-note">{doc.note}</span> : null}
                    </td>
                    <td data-label={t('proc.doc.originals')} className="num">
                      {doc.originals}
                    </td>
                    <td data-label={t('proc.doc.copies')} className="num">
                      {doc.copies}
                    </td>
                    <td data-label={t('proc.doc.required')}>{doc.isRequired ? t('proc.doc.yes') : t('proc.doc.optional')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="proc-section" aria-labelledby="proc-steps">
        <h2 id="proc-steps" className="section-title">
          {t('proc.steps')}
        </h2>
        <ol className="proc-steps">
          {d.steps.map((s) => (
            <li key={s.id}>
              <span className="proc-step-name">{s.name}</span>
              <span className="proc-step-who">{t(`proc.step.${s.handlingAgency}` as MessageKey, { code: s.agencyName ?? s.agencyCode ?? '' })}</span>
              <span className="proc-step-budget">{formatBudget(s.budget, d.timeLimit.unit, t, lang)}</span>
            </li>
          ))}
        </ol>
        <p className="cell-meta">{t('proc.stepsTotal', { total: formatLimit(d.timeLimit, t, lang) })}</p>
      </section>

      <section className="proc-section" aria-labelledby="proc-fees">
        <h2 id="proc-fees" className="section-title">
          {t('proc.fee')}
        </h2>
        {d.fees.length === 0 ? (
          <p>{t('proc.noFees')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('proc.fee.name')}</th>
                  <th scope="col" className="num">
                    {t('proc.fee.amount')}
                  </th>
                  <th scope="col">{t('proc.fee.note')}</th>
                </tr>
              </thead>
              <tbody>
                {d.fees.map((f, i) => (
                  <tr key={i}>
                    <td data-label={t('proc.fee.name')} className="cell-primary">
                      {f.name}
                    </td>
                    <td data-label={t('proc.fee.amount')} className="num">
                      {formatMoney(f.amount, t, lang)}
                    </td>
                    <td data-label={t('proc.fee.note')}>{f.note ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="proc-section" aria-labelledby="proc-law">
        <h2 id="proc-law" className="section-title">
          {t('proc.legalBasis')}
        </h2>
        <p className="proc-law">{d.legalBasis || t('common.none')}</p>
      </section>
    </>
  );
}
