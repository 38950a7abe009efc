import { useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { Link } from '../../lib/router';
import { CheckInPanel } from './CheckInPanel';
import type { AcknowledgeBody, DisciplineCase, Items, MyCommitments, Rating, ViolationPage } from '../../../shared/api-types';
import { useLoad } from './conduct-api';
import { useConductText } from './conduct-text';
import './conduct.css';

/** "My commitments, my record, my rating" for every official. */
export function MyRecordPage() {
  const { tx, t, formatDateTime, formatDate } = useConductText();
  const commitments = useLoad<MyCommitments>('/conduct/my/commitments');
  const violations = useLoad<ViolationPage>('/conduct/violations', { mine: 'true' });
  const cases = useLoad<Items<DisciplineCase>>('/conduct/discipline-cases', { mine: 'true' });
  const ratings = useLoad<Items<Rating>>('/conduct/ratings', { mine: 'true' });
  const [error, setError] = useState<unknown>(null);
  const acknowledge = async (i: MyCommitments['items'][number]) => {
    try {
      await api.post('/conduct/my/commitments', { campaignId: i.campaign.id, ruleSetId: i.ruleSetId, textHash: i.textHash } satisfies AcknowledgeBody);
      commitments.reload();
    } catch (e) {
      setError(e);
    }
  };
  if (commitments.data && !commitments.data.official)
    return (
      <>
        <PageHeader title={tx('me')} />
        <Alert kind="info">{tx('me.none')}</Alert>
      </>
    );
  return (
    <>
      <PageHeader title={tx('me')} intro={commitments.data?.official ? `${commitments.data.official.fullName} — ${tx('me.intro')}` : tx('me.intro')}>
        <Link className="btn btn--secondary" to="/conduct/code">
          {tx('code')}
        </Link>
      </PageHeader>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <CheckInPanel />
      <div className="cd-grid">
        <section className="panel">
          <h2 className="section-title">{tx('commitments')}</h2>
          {commitments.data?.items.length === 0 ? <p>{tx('none')}</p> : null}
          <ul className="assignment-list">
            {commitments.data?.items.map((i) => (
              <li key={`${i.campaign.id}:${i.ruleSetId}`}>
                <strong>{i.ruleSetTitle}</strong> (v{i.ruleSetVersion}){i.isSample ? <span className="cd-badge">{tx('sample')}</span> : null}
                <br />
                <span className="cell-meta">
                  {tx('campaign')}: {i.campaign.title}
                </span>
                <br />
                {i.acknowledgedAt ? (
                  <span className="cd-badge cd-badge--ok">{tx('acknowledged', { at: formatDateTime(i.acknowledgedAt) })}</span>
                ) : (
                  <button type="button" className="btn btn--small btn--primary" onClick={() => void acknowledge(i)}>
                    {tx('acknowledge')}: {i.ruleSetTitle}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h2 className="section-title">{tx('violations')}</h2>
          {violations.data?.items.length === 0 ? <p>{tx('none')}</p> : null}
          <ul className="assignment-list">
            {violations.data?.items.map((v) => (
              <li key={v.id}>
                <Link to={`/conduct/violations/${v.id}`}>
                  {formatDate(v.occurredOn)} — {v.description}
                </Link>{' '}
                <span className="cd-badge">{tx(`status.${v.status}`)}</span>
              </li>
            ))}
          </ul>
          <h2 className="section-title">{tx('discipline')}</h2>
          {cases.data?.items.length === 0 ? <p>{tx('none')}</p> : null}
          <ul className="assignment-list">
            {cases.data?.items.map((c) => (
              <li key={c.id}>
                <Link to={`/conduct/discipline/${c.id}`}>
                  {c.regime} — {c.decisionFormLabel ?? tx(`status.${c.status}`)}
                </Link>
              </li>
            ))}
          </ul>
          <h2 className="section-title">{tx('ratings')}</h2>
          {ratings.data?.items.length === 0 ? <p>{tx('none')}</p> : null}
          <ul className="assignment-list">
            {ratings.data?.items.map((r) => (
              <li key={r.id}>
                <Link to={`/conduct/ratings/${r.id}`}>
                  {tx('year')} {r.year}: {r.finalGrade ? tx(`grade.${r.finalGrade}`) : tx(`status.${r.status}`)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
