import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Page, PickedAgency } from '../../shared/api-types';
import type { Role } from '../../shared/roles';
import { api } from '../lib/api';
import { Combobox } from './Combobox';

const agencyText = (a: PickedAgency) => `${a.name} (${a.code})`;

interface Props {
  id: string;
  label: string;
  /** The agency code chosen ('' for none). */
  value: string;
  onChange: (code: string) => void;
  /** The roles the page acts with: only the agencies they reach are offered (default: any of the user's). */
  roles?: readonly Role[];
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  className?: string;
  disabled?: boolean;
}

/**
 * Pick an agency the user may act on: search as you type by name (accent-insensitive) or code;
 * the server offers only the agencies his grants (of `roles`) reach.
 */
export function AgencyPicker({ id, label, value, onChange, roles, hint, error, optional, className, disabled }: Props) {
  const [chosen, setChosen] = useState<PickedAgency | null>(null);
  const roleList = roles?.join(',');
  const search = useCallback(
    async (q: string, signal: AbortSignal) => (await api.get<Page<PickedAgency>>('/agencies', { q, roles: roleList, limit: 20 }, signal)).items,
    [roleList],
  );
  // A preset code (the user's own agency, say) gets its name from the same search.
  useEffect(() => {
    if (!value || chosen?.code === value) return;
    const ctrl = new AbortController();
    search(value, ctrl.signal).then(
      (found) => setChosen(found.find((a) => a.code === value) ?? null),
      () => undefined,
    );
    return () => ctrl.abort();
  }, [value, chosen, search]);

  return (
    <Combobox<PickedAgency>
      id={id}
      label={label}
      search={search}
      keyOf={(a) => a.code}
      textOf={agencyText}
      selectedText={value && chosen?.code === value ? agencyText(chosen) : ''}
      onPick={(a) => {
        setChosen(a);
        onChange(a?.code ?? '');
      }}
      renderOption={(a) => (
        <>
          <span className="combobox-option-name">{a.name}</span>
          <code className="combobox-option-meta">{a.code}</code>
        </>
      )}
      hint={hint}
      error={error}
      optional={optional}
      className={className}
      disabled={disabled}
    />
  );
}
