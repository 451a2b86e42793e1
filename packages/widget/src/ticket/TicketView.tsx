import type { FormField, Ticket, TicketForm } from '@helpline/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { InstantAnswers } from '../answers/InstantAnswers.js';
import { useInstantAnswer } from '../answers/use-instant-answer.js';
import { AttachButton, AttachmentTray } from '../attachments/AttachmentTray.js';
import { useAttachments } from '../attachments/use-attachments.js';
import { DiagnosticsToggle } from '../context-preview/DiagnosticsToggle.js';
import conversationStrings from '../i18n/en/conversation.js';
import { useT } from '../i18n/use-t.js';
import { withStrings } from '../i18n/with-strings.js';
import { useClient } from '../shell/client-context.js';
import { useStyles } from '../shell/use-styles.js';
import { useValue } from '../shell/use-value.js';
import { Button } from '../ui/Button.js';
import { ErrorNotice } from '../ui/ErrorNotice.js';
import { errorText } from '../ui/error-text.js';
import { focusIfWaiting } from '../ui/focus-if-waiting.js';
import { RedactionNote } from '../ui/RedactionNote.js';
import { Spinner } from '../ui/Spinner.js';
import type { ViewProps } from '../views.js';
import { CustomFieldInput } from './CustomFieldInput.js';
import { toCustomFields, validateTicket, visibleFields } from './form-validation.js';
import { SeverityPicker } from './SeverityPicker.js';
import { TicketConfirmation } from './TicketConfirmation.js';
import css from './TicketView.css.js';
import { readDraft, type TicketDraft } from './ticket-draft.js';
import { useOnline } from './use-online.js';

/** The ticket form: loads the backend's form, then renders it. */
function TicketViewBody(_props: ViewProps) {
  useStyles(css);
  const client = useClient();
  const t = useT();
  const [form, setForm] = useState<TicketForm | undefined>();
  const [failed, setFailed] = useState(false);
  const user = useValue(client.state.identity).user?.id;
  const load = () => {
    setFailed(false);
    client.tickets.form().then(setForm, () => setFailed(true));
  };
  useEffect(load, []);
  if (failed) return <ErrorNotice message={t('ticket.loadFailed')} onRetry={load} />;
  if (!form) return <Spinner label={t('common.loading')} />;
  // The form copies the draft when it mounts: whoever the page names next starts again from their own.
  return <TicketFormView key={user} form={form} />;
}

function TicketFormView({ form }: { form: TicketForm }) {
  const client = useClient();
  const t = useT();
  const prefill = useValue(client.prefilled);
  const given = useValue(client.contact.given);
  const [values, setValues] = useState<TicketDraft>(() => {
    const draft = readDraft(client.tickets.draft.value);
    return {
      ...draft,
      email: draft.email || given?.email || '',
      subject: draft.subject || prefill.subject || '',
      description: draft.description || prefill.text || '',
      severity: prefill.severity ?? draft.severity,
      category:
        prefill.category ??
        (form.categories.includes(draft.category) ? draft.category : (form.categories[0] ?? draft.category)),
    };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | undefined>();
  const [created, setCreated] = useState<Ticket | undefined>();
  const files = useAttachments();
  const formRef = useRef<HTMLFormElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const online = useOnline();
  const instant = useInstantAnswer(values.subject, true);
  const includeContext = values.includeContext ?? client.options.privacy.diagnosticsByDefault;
  const fields = visibleFields(form.fields, values.category);
  const emailField = useContactField(form);

  useEffect(() => focusIfWaiting(subjectRef.current), []);

  // What is typed while files upload goes with the ticket too.
  const latest = useRef(values);
  latest.current = values;

  const change = (patch: Partial<TicketDraft>) => {
    const next = { ...values, ...patch };
    setValues(next);
    client.tickets.setDraft(next);
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (submitting) return;
    const found = validateTicket(
      {
        subject: values.subject,
        fields: { ...values.fields, ...(emailField ? { [emailField.id]: values.email ?? '' } : {}) },
      },
      emailField ? [...fields, emailField] : fields,
      t,
    );
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[id="hl-field-${first}"]`)?.focus();
      return;
    }
    setSubmitting(true);
    setSubmitError(undefined);
    // Files still uploading go with the ticket once they are up; one that fails stops it, with the
    // form as it is and the tray saying why.
    files
      .ready()
      .then(async (attachments) => {
        if (!attachments) return undefined;
        const now = latest.current;
        const email = now.email?.trim();
        // Saved before the ticket goes, so the backend has it for the reply. Where it is optional, a
        // failure (offline) does not hold the ticket back: the outbox sends that once it can.
        if (emailField && email && email !== given?.email)
          await client.contact.set({ email }).catch((failure: unknown) => {
            if (emailField.required) throw failure;
          });
        return client.tickets.create({
          subject: now.subject.trim(),
          description: now.description,
          severity: now.severity,
          category: now.category,
          fields: toCustomFields(now.fields, visibleFields(form.fields, now.category)),
          attachments,
          includeContext: now.includeContext ?? client.options.privacy.diagnosticsByDefault,
        });
      })
      .then(
        (ticket) => {
          if (!ticket) return;
          client.tickets.setDraft({});
          setCreated(ticket);
        },
        (failure: unknown) => setSubmitError(errorText(t, failure)),
      )
      .finally(() => setSubmitting(false));
  };

  if (created) return <TicketConfirmation ticket={created} form={form} />;
  const subjectError = errors.subject;
  return (
    <form class="hl-ticket" ref={formRef} onSubmit={submit} noValidate aria-label={t('ticket.title')}>
      <div class="hl-form__field">
        <label for="hl-field-subject">
          {t('ticket.subject')}
          <span class="hl-form__required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <input
          ref={subjectRef}
          id="hl-field-subject"
          value={values.subject}
          aria-required="true"
          aria-invalid={subjectError ? 'true' : undefined}
          aria-describedby={subjectError ? 'hl-field-subject-error' : undefined}
          maxLength={200}
          onInput={(e) => change({ subject: e.currentTarget.value })}
        />
        {subjectError && (
          <p id="hl-field-subject-error" class="hl-form__error">
            {subjectError}
          </p>
        )}
      </div>
      {instant.answer && <InstantAnswers answer={instant.answer} onDismiss={instant.dismiss} />}
      <div class="hl-form__field">
        <label for="hl-field-description">{t('ticket.description')}</label>
        <textarea
          id="hl-field-description"
          rows={5}
          value={values.description}
          placeholder={t('ticket.descriptionHint')}
          onInput={(e) => change({ description: e.currentTarget.value })}
        />
        <RedactionNote texts={[values.subject, values.description, ...Object.values(values.fields)]} />
      </div>
      <SeverityPicker form={form} value={values.severity} onChange={(severity) => change({ severity })} />
      <div class="hl-form__field">
        <label for="hl-field-category">{t('ticket.category')}</label>
        <select
          id="hl-field-category"
          value={values.category}
          onChange={(e) => change({ category: e.currentTarget.value as TicketDraft['category'] })}
        >
          {form.categories.map((category) => (
            <option key={category} value={category}>
              {t(`ticket.category.${category}`)}
            </option>
          ))}
        </select>
      </div>
      {fields.map((field) => (
        <CustomFieldInput
          key={field.id}
          field={field}
          value={values.fields[field.id]}
          error={errors[field.id]}
          onChange={(value) => change({ fields: { ...values.fields, [field.id]: value } })}
        />
      ))}
      {emailField && (
        <CustomFieldInput
          field={emailField}
          value={values.email}
          error={errors[emailField.id]}
          autoComplete="email"
          onChange={(email) => change({ email: String(email) })}
        />
      )}
      <div class="hl-ticket__attach">
        <AttachButton state={files} />
        <AttachmentTray state={files} />
      </div>
      <DiagnosticsToggle
        include={includeContext}
        onChange={(on) => change({ includeContext: on })}
        label={t('ticket.includeDiagnostics')}
      />
      {submitError && <ErrorNotice message={submitError} onRetry={() => formRef.current?.requestSubmit()} />}
      <div>
        {/* Offline the outbox keeps the ticket (across reloads too) and sends it once the connection is back. */}
        <p class="hl-form__help hl-ticket__status" role="status">
          {submitting && !online && t('ticket.offlineQueued')}
        </p>
        {/* aria-disabled, not disabled: a disabled button drops focus before the confirmation can take it. */}
        <Button type="submit" block aria-disabled={submitting}>
          {submitting ? t('ticket.submitting') : t('ticket.submit')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The Email field for a visitor the host has not named, when the backend takes one (`contact`):
 * required where the backend cannot answer without it (`form.contactRequired`), optional otherwise.
 */
function useContactField(form: TicketForm): FormField | undefined {
  const client = useClient();
  const t = useT();
  const capabilities = useValue(client.state.capabilities);
  const hostEmail = useValue(client.state.identity).user?.email;
  if (!capabilities.contact || hostEmail) return undefined;
  return {
    id: 'contact-email',
    label: t('ticket.contactEmail'),
    type: 'email',
    required: form.contactRequired === true,
    help: t('ticket.contactHelp'),
    maxLength: 254,
  };
}

/** TicketView, with the chat and ticket strings it needs. */
export const TicketView = withStrings(conversationStrings, TicketViewBody);
