import { useCallback, useRef, useState, type FormEvent } from 'react';
import { isApiError } from './api';
import { describeError, type ErrorView } from './errors';
import type { Translate } from './i18n';

export type Values = Record<string, string>;
export type Errors<V extends Values> = Partial<Record<keyof V & string, string>>;

interface Options<V extends Values> {
  idPrefix: string;
  initial: V;
  t: Translate;
  validate: (values: V) => Errors<V>;
  onSubmit: (values: V) => Promise<void>;
  /** Adjust the message for known errors (e.g. 401 on login); computed at render, so it follows the language. */
  describe?: (err: unknown, view: ErrorView) => ErrorView;
}

/**
 * Form state with client validation first, then server problem details: field errors from the
 * server land next to their inputs; errors for fields not on the form are listed in the alert.
 * After a failed submit, focus moves to the first invalid input (or to the alert).
 */
export function useForm<V extends Values>({ idPrefix, initial, t, validate, onSubmit, describe }: Options<V>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Errors<V>>({});
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [extraFields, setExtraFields] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const initialRef = useRef(initial);

  const focusFirst = (errs: Record<string, string | undefined>) => {
    const first = Object.keys(initialRef.current).find((k) => errs[k]);
    const el = first ? document.getElementById(`${idPrefix}-${first}`) : document.getElementById(`${idPrefix}-alert`);
    window.setTimeout(() => el?.focus(), 0);
  };

  const setValue = useCallback((name: keyof V & string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }, []);

  const field = (name: keyof V & string) => ({
    id: `${idPrefix}-${name}`,
    name,
    value: values[name],
    onValueChange: (v: string) => setValue(name, v),
    error: errors[name],
  });

  const reset = useCallback((next?: Partial<V>) => {
    setValues({ ...initialRef.current, ...next });
    setErrors({});
    setSubmitError(null);
    setExtraFields({});
  }, []);

  const handleSubmit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (submitting) return;
    const clientErrors = validate(values);
    const hasErrors = Object.values(clientErrors).some(Boolean);
    setErrors(clientErrors);
    setExtraFields({});
    if (hasErrors) {
      setSubmitError(null);
      focusFirst(clientErrors as Record<string, string>);
      return;
    }
    setSubmitError(null);
    setSubmitting(true);
    try {
      await onSubmit(values);
    } catch (err) {
      const view = describeError(err, t);
      const known: Errors<V> = {};
      const extra: Record<string, string> = {};
      if (isApiError(err)) {
        for (const [k, msg] of Object.entries(view.fields)) {
          if (k in initialRef.current) known[k as keyof V & string] = msg;
          else extra[k] = msg;
        }
      }
      setErrors(known);
      setExtraFields(extra);
      setSubmitError(err);
      focusFirst(known as Record<string, string>);
    } finally {
      setSubmitting(false);
    }
  };

  let formError: ErrorView | null = null;
  if (submitError) {
    const view = describeError(submitError, t);
    formError = describe ? describe(submitError, view) : view;
  }

  return { values, errors, formError, extraFields, submitting, field, setValue, reset, handleSubmit };
}
