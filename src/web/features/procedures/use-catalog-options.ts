import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { CatalogOption, Items } from '../../../shared/api-types';

/** The field and agency filters of the catalog (public endpoints). */
export function useCatalogOptions(): { fields: CatalogOption[]; agencies: CatalogOption[] } {
  const [fields, setFields] = useState<CatalogOption[]>([]);
  const [agencies, setAgencies] = useState<CatalogOption[]>([]);
  useEffect(() => {
    const ctrl = new AbortController();
    api.get<Items<CatalogOption>>('/procedure-fields', undefined, ctrl.signal).then(
      (r) => setFields(r.items.filter((f) => f.count > 0)),
      () => undefined,
    );
    api.get<Items<CatalogOption>>('/procedure-agencies', undefined, ctrl.signal).then(
      (r) => setAgencies(r.items),
      () => undefined,
    );
    return () => ctrl.abort();
  }, []);
  return { fields, agencies };
}
