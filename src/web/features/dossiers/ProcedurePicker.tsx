import { useCallback, useState } from 'react';
import { Combobox } from '../../components/Combobox';
import { useI18n } from '../../lib/i18n';
import type { IntakeProcedure, IntakeProcedures } from '../../../shared/api-types';
import { dossierApi } from './dossiers-api';

/**
 * Intake starts here: search the procedure by name (accent-insensitive, on the server), the desk's
 * most used first (a citizen's: those he submitted before), and pick it.
 */
export function ProcedurePicker({ mode, onPick }: { mode: 'counter' | 'online'; onPick: (p: IntakeProcedure) => void }) {
  const { t } = useI18n();
  const [windowDays, setWindowDays] = useState(90);
  const search = useCallback(async (q: string, signal: AbortSignal) => {
    const found: IntakeProcedures = await dossierApi.intakeProcedures(q, signal);
    setWindowDays(found.windowDays);
    return found.items;
  }, []);
  return (
    <Combobox<IntakeProcedure>
      id="procedure-picker"
      label={t('picker.procedure')}
      hint={mode === 'counter' ? t('picker.procedureHint', { days: windowDays }) : t('picker.procedureHintCitizen')}
      search={search}
      keyOf={(p) => p.code}
      textOf={(p) => p.name}
      onPick={(p) => p && onPick(p)}
      renderOption={(p) => (
        <>
          <span className="combobox-option-name">{p.name}</span>
          <span className="combobox-option-meta">
            <code>{p.code}</code> · {p.agencyName}
            {p.uses ? ` · ${t('picker.procedureUses', { count: p.uses })}` : ''}
          </span>
        </>
      )}
    />
  );
}
