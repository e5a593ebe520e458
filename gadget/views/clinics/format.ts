/** Clinic times in words: in the reader's time zone, and in the organiser's. */
import { CdxField } from '@wikimedia/codex';
import { h, type VNode } from 'vue';

/** "Friday 20 March 2026, 15:00 CET": a session's start, in `zone` (the reader's by default). */
export function sessionTime(iso: string, ui: string, zone?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(zone ? { timeZone: zone } : {}),
  };
  try {
    return new Intl.DateTimeFormat(ui, options).format(ms);
  } catch {
    return new Intl.DateTimeFormat(ui, { ...options, timeZone: 'UTC' }).format(ms);
  }
}

/** A labelled Codex field with its error text (already in the reader's words). */
export function clinicField(
  name: string,
  label: string,
  control: () => VNode | VNode[],
  options: { help?: string; error?: string; fieldset?: boolean; optional?: string } = {},
): VNode {
  return h(
    CdxField,
    {
      class: `letsconnect-clinic-form__${name}`,
      isFieldset: options.fieldset ?? false,
      ...(options.optional ? { optional: true, optionalFlag: options.optional } : {}),
      status: options.error ? 'error' : 'default',
      messages: { error: options.error ?? '' },
    },
    {
      label: () => label,
      ...(options.help ? { 'help-text': () => options.help } : {}),
      default: control,
    },
  );
}
