import type { Severity, TicketForm } from '@helpline/core';
import { useT } from '../i18n/use-t.js';
import { useClient } from '../shell/client-context.js';
import { useValue } from '../shell/use-value.js';
import { firstResponseMinutes, formatWithin } from './first-response.js';

/** Severity as radio cards: a plain-language label and the first-response time it implies. */
export function SeverityPicker({
  form,
  value,
  onChange,
}: {
  form: TicketForm;
  value: Severity;
  onChange: (severity: Severity) => void;
}) {
  const t = useT();
  const client = useClient();
  const hours = useValue(client.state.availability)?.businessHours;
  const businessHours = hours !== undefined && !hours.alwaysOpen;
  return (
    <fieldset class="hl-severity">
      <legend>{t('ticket.severity')}</legend>
      {form.severities.map((severity) => {
        const within = formatWithin(firstResponseMinutes(form, severity), t);
        return (
          <label key={severity} class="hl-severity__card">
            <input
              type="radio"
              name="severity"
              value={severity}
              checked={value === severity}
              onChange={() => onChange(severity)}
            />
            <span class="hl-severity__text">
              <span class="hl-severity__label">{t(`ticket.severity.${severity}`)}</span>
              <span class="hl-severity__sla">
                {t('ticket.firstResponse', { within })}
                {businessHours ? ` (${t('ticket.businessHours')})` : ''}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
