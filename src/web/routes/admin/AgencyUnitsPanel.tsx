import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { FormPanel } from '../../components/FormPanel';
import { SelectField, TextField } from '../../components/Field';
import { api, seg } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { codeLabel, useI18n } from '../../lib/i18n';
import type { Agency, Items, OrgUnit, OrgUnitKind } from '../../../shared/api-types';
import { useForm } from '../../lib/use-form';
import { optional, requireText } from './validation';

/** The kinds the server accepts (CreateOrgUnit), in the order the form offers them. */
const ORG_UNIT_KINDS = ['phong', 'bo_phan', 'to'] as const satisfies readonly OrgUnitKind[];

/** Units as a flat list in tree order, each with its depth (for indentation). */
function treeOrder(units: OrgUnit[]): { unit: OrgUnit; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: OrgUnit; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const u of list) {
      out.push({ unit: u, depth });
      if (depth < 10) walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Internal units (phòng, bộ phận, tổ) of one agency: the tree and a form to add one. */
export function AgencyUnitsPanel({ agency }: { agency: Agency }) {
  const { t } = useI18n();
  const [units, setUnits] = useState<OrgUnit[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const base = `/admin/agencies/${seg(agency.code)}/units`;

  useEffect(() => {
    const ctrl = new AbortController();
    api
      .get<Items<OrgUnit>>(base, undefined, ctrl.signal)
      .then((res) => setUnits(res.items))
      .catch((err) => !ctrl.signal.aborted && setLoadError(err));
    return () => ctrl.abort();
  }, [base]);

  const prefix = `au-${agency.code.replace(/\W/g, '_')}`;
  const form = useForm({
    idPrefix: prefix,
    initial: { name: '', kind: 'phong', parentId: '' },
    t,
    validate: (v) => ({ name: requireText(t, v.name, t('agencies.unit.name'), 200) }),
    onSubmit: async (v) => {
      const created = await api.post<OrgUnit>(base, {
        name: v.name.trim().normalize('NFC'),
        kind: v.kind,
        parentId: optional(v.parentId),
      });
      setUnits((prev) => [...(prev ?? []), created]);
      form.reset({ kind: v.kind, parentId: v.parentId });
    },
  });

  const ordered = units ? treeOrder(units) : [];
  return (
    <div className="subpanel">
      <h3 className="subpanel-title">{t('agencies.unitsTitle', { name: agency.name })}</h3>
      {loadError ? <ErrorAlert error={describeError(loadError, t)} /> : null}
      {units === null && !loadError ? <p role="status">{t('common.loading')}</p> : null}
      {units && units.length === 0 ? <p>{t('agencies.noUnits')}</p> : null}
      {ordered.length > 0 ? (
        <ul className="tree">
          {ordered.map(({ unit, depth }) => (
            <li key={unit.id} className={`tree-item tree-depth-${Math.min(depth, 4)}`}>
              {unit.name}
              <span className="tree-kind">{codeLabel(t, 'agencies.kind', unit.kind)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <FormPanel
        idPrefix={prefix}
        title={t('agencies.unit.add')}
        submitLabel={t('agencies.unit.add')}
        submitting={form.submitting}
        formError={form.formError}
        extraFields={form.extraFields}
        onSubmit={(e) => void form.handleSubmit(e)}
        className="form-panel--inline"
      >
        <TextField {...form.field('name')} label={t('agencies.unit.name')} maxLength={200} autoComplete="off" />
        <SelectField
          {...form.field('kind')}
          label={t('agencies.unit.kind')}
          options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`agencies.kind.${k}`) }))}
        />
        <SelectField
          {...form.field('parentId')}
          label={t('agencies.unit.parent')}
          options={[
            { value: '', label: t('agencies.unit.parentNone') },
            ...ordered.map(({ unit, depth }) => ({ value: unit.id, label: `${'· '.repeat(depth)}${unit.name}` })),
          ]}
        />
      </FormPanel>
    </div>
  );
}
