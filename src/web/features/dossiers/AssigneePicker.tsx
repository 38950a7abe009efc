import { useCallback, useEffect, useRef } from 'react';
import { Combobox } from '../../components/Combobox';
import { codeLabel, useI18n } from '../../lib/i18n';
import type { Assignee } from '../../../shared/api-types';
import { foldVietnamese } from '../../../shared/fold';
import { dossierApi } from './dossiers-api';

/**
 * Pick the officer a dossier goes to from the staff the server says may take it (processing
 * officers and leaders of the agency handling it), by name without diacritics. `roles` narrows
 * the list (assign: processing officers).
 */
export function AssigneePicker({
  id,
  code,
  label,
  roles,
  error,
  onPick,
}: {
  id: string;
  code: string;
  label: string;
  roles: readonly Assignee['role'][];
  error?: string;
  onPick: (userId: string) => void;
}) {
  const { t } = useI18n();
  const staff = useRef<Promise<Assignee[]> | null>(null);
  useEffect(() => {
    staff.current = null;
  }, [code]);
  const search = useCallback(
    async (q: string) => {
      staff.current ??= dossierApi.assignees(code).then((r) => r.items);
      const wanted = foldVietnamese(q);
      return (await staff.current).filter(
        (u) => roles.includes(u.role) && (!wanted || foldVietnamese(u.name).includes(wanted) || u.username.toLowerCase().includes(wanted)),
      );
    },
    [code, roles],
  );
  return (
    <Combobox<Assignee>
      id={id}
      label={label}
      hint={t('picker.assigneeHint')}
      error={error}
      search={search}
      keyOf={(u) => `${u.id}:${u.role}:${u.agencyCode}`}
      textOf={(u) => u.name}
      onPick={(u) => onPick(u?.id ?? '')}
      renderOption={(u) => (
        <>
          <span className="combobox-option-name">{u.name}</span>
          <span className="combobox-option-meta">
            {codeLabel(t, 'role', u.role)} · {u.agencyName}
          </span>
        </>
      )}
    />
  );
}
