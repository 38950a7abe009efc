import { PageHeader } from '../../components/PageHeader';
import { useState } from 'react';
import { navigate } from '../../lib/router';
import { seg } from '../../lib/api';
import { IntakeForm } from './IntakeForm';
import { QueuePage } from './QueuePage';
import { useDossierText } from './dossiers-text';

export function CounterIntakePage() {
  const { tx } = useDossierText();
  return (
    <>
      <PageHeader title={tx('intake.title')} intro={tx('intake.intro')} />
      <IntakeForm mode="counter" />
    </>
  );
}

/** /nop-ho-so/:code — the citizen's online submission; /nop-ho-so — pick a procedure, see my dossiers. */
export function OnlineSubmissionPage({ code }: { code?: string }) {
  const { tx } = useDossierText();
  const [pick, setPick] = useState('');
  return (
    <>
      <PageHeader title={tx('online.title')} intro={tx('online.intro')} />
      {code ? (
        <IntakeForm mode="online" initialCode={code} />
      ) : (
        <>
          <form
            className="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              if (pick.trim()) navigate(`/nop-ho-so/${seg(pick.trim())}`);
            }}
          >
            <label className="field">
              <span className="field-label">{tx('online.pick')}</span>
              <input className="input input--mono" value={pick} onChange={(e) => setPick(e.target.value)} />
            </label>
            <button className="btn btn--primary" type="submit">
              {tx('online.open')}
            </button>
          </form>
          <QueuePage kind="citizen" embedded />
        </>
      )}
    </>
  );
}
