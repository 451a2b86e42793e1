import type { FormField } from '@helpline/core';
import { useT } from '../i18n/use-t.js';

/** One backend-defined field, labelled, with its help text and inline error wired for assistive tech. */
export function CustomFieldInput({
  field,
  value,
  error,
  autoComplete,
  onChange,
}: {
  field: FormField;
  value: string | boolean | undefined;
  error: string | undefined;
  /** Only for a field about the user themselves: a custom email field may ask for someone else's. */
  autoComplete?: string;
  onChange: (value: string | boolean) => void;
}) {
  const t = useT();
  const id = `hl-field-${field.id}`;
  const described = [field.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: field.id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described,
    'aria-required': field.required ? ('true' as const) : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  const label = (
    <>
      {field.label}
      {field.required && (
        <span class="hl-form__required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
      {field.required && <span class="hl-visually-hidden"> ({t('ticket.required')})</span>}
    </>
  );
  return (
    <div class="hl-form__field">
      {field.type === 'checkbox' ? (
        <label class="hl-form__check">
          <input
            type="checkbox"
            {...common}
            checked={value === true}
            onChange={(e) => onChange(e.currentTarget.checked)}
          />
          <span>{label}</span>
        </label>
      ) : (
        <>
          <label for={id}>{label}</label>
          {field.type === 'textarea' ? (
            <textarea
              {...common}
              rows={3}
              value={text}
              placeholder={field.placeholder}
              maxLength={field.maxLength}
              onInput={(e) => onChange(e.currentTarget.value)}
            />
          ) : field.type === 'select' ? (
            <select {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)}>
              <option value="">—</option>
              {field.options?.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              {...common}
              // Preact types <input> as a union on `type`; these four share every prop used here.
              type={field.type as 'text'}
              value={text}
              placeholder={field.placeholder}
              maxLength={field.maxLength}
              min={field.min}
              max={field.max}
              autocomplete={autoComplete}
              onInput={(e) => onChange(e.currentTarget.value)}
            />
          )}
        </>
      )}
      {field.help && (
        <p id={`${id}-help`} class="hl-form__help">
          {field.help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="hl-form__error">
          {error}
        </p>
      )}
    </div>
  );
}
