import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import { FieldShell } from './Field';
import './combobox.css';

export interface ComboboxProps<T> {
  id: string;
  label: string;
  /** The options for the text typed ('' when nothing is typed yet: the first or most used ones). */
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  keyOf: (option: T) => string;
  /** The text the box shows once an option is picked. */
  textOf: (option: T) => string;
  renderOption: (option: T) => ReactNode;
  /** An option picked, or null when the text is edited after a pick. */
  onPick: (option: T | null) => void;
  /** The text of the option already chosen (e.g. a preset agency). */
  selectedText?: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

/**
 * A text box that searches as you type (after a short pause) and a list to pick from, with the
 * keyboard (↑ ↓ Enter Esc) or the pointer: the ARIA 1.2 combobox pattern.
 */
export function Combobox<T>(props: ComboboxProps<T>) {
  const {
    id,
    label,
    search,
    keyOf,
    textOf,
    renderOption,
    onPick,
    selectedText = '',
    hint,
    error,
    optional,
    placeholder,
    className,
    autoFocus,
    disabled,
  } = props;
  const { t } = useI18n();
  const listId = `${id}-list`;
  const optionPrefix = useId();
  const [text, setText] = useState(selectedText);
  const [isOpen, setIsOpen] = useState(false);
  const [options, setOptions] = useState<T[] | null>(null);
  const [active, setActive] = useState(-1);
  const [failed, setFailed] = useState(false);
  const query = useRef<string | null>(null);
  const searchRef = useRef(search);
  useEffect(() => {
    searchRef.current = search;
  }, [search]);
  // A new choice from outside (a preset agency's name arriving) shows in the box: state adjusted during render.
  const [shownChoice, setShownChoice] = useState(selectedText);
  if (selectedText !== shownChoice) {
    setShownChoice(selectedText);
    if (selectedText) setText(selectedText);
  }

  // What to search: the text typed, or nothing when the box shows the chosen option.
  const q = text === selectedText ? '' : text.trim();
  useEffect(() => {
    if (!isOpen) return;
    if (query.current === q && options) return;
    const ctrl = new AbortController();
    const timer = window.setTimeout(
      () => {
        query.current = q;
        setFailed(false);
        searchRef.current(q, ctrl.signal).then(
          (found) => {
            if (ctrl.signal.aborted) return;
            setOptions(found);
            setActive(found.length ? 0 : -1);
          },
          () => !ctrl.signal.aborted && setFailed(true),
        );
      },
      query.current === null ? 0 : 250,
    );
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, isOpen, options]);

  const pick = (o: T) => {
    onPick(o);
    setText(textOf(o));
    setIsOpen(false);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = options?.length ?? 0;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setIsOpen(true);
      if (n) setActive((a) => (a + 1) % n);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((a) => (a <= 0 ? n - 1 : a - 1));
    } else if (e.key === 'Enter' && isOpen && options && active >= 0) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      setIsOpen(false);
    }
  };

  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} className={className}>
      <div className="combobox">
        <input
          id={id}
          name={id}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          autoFocus={autoFocus}
          disabled={disabled}
          placeholder={placeholder}
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          aria-activedescendant={isOpen && active >= 0 ? `${optionPrefix}-${active}` : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setIsOpen(true);
            if (selectedText) onPick(null);
          }}
          onFocus={() => setIsOpen(true)}
          onClick={() => setIsOpen(true)}
          onBlur={() => setIsOpen(false)}
          onKeyDown={onKeyDown}
        />
        {isOpen && !disabled ? (
          // mousedown would blur the box before the click lands
          <ul id={listId} role="listbox" aria-label={label} className="combobox-list" onMouseDown={(e) => e.preventDefault()}>
            {failed ? (
              <li className="combobox-status">{t('picker.failed')}</li>
            ) : !options ? (
              <li className="combobox-status">{t('common.loading')}</li>
            ) : options.length === 0 ? (
              <li className="combobox-status">{t('common.emptySearch')}</li>
            ) : (
              options.map((o, i) => (
                <li
                  key={keyOf(o)}
                  id={`${optionPrefix}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="combobox-option"
                  onClick={() => pick(o)}
                  onMouseEnter={() => setActive(i)}
                >
                  {renderOption(o)}
                </li>
              ))
            )}
          </ul>
        ) : null}
      </div>
    </FieldShell>
  );
}
