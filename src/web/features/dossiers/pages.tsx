import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../lib/router';
import { seg } from '../../lib/api';
import { IntakeForm } from './IntakeForm';
import { ProcedurePicker } from './ProcedurePicker';
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
  return (
    <>
      <PageHeader title={tx('online.title')} intro={tx('online.intro')} />
      {code ? (
        <IntakeForm mode="online" initialCode={code} />
      ) : (
        <>
          <ProcedurePicker mode="online" onPick={(p) => navigate(`/nop-ho-so/${seg(p.code)}`)} />
          <QueuePage kind="citizen" embedded />
        </>
      )}
    </>
  );
}
