/**
 * The bot's last line of defence for privacy: no email address or IP address ever goes into
 * a page or document it writes, whatever its input held (a clinic title, a topic's
 * description, a positional value quoted in a problem, an anonymous editor's address named
 * on R/Maintenance). Validation reports such text where it is typed; this removes what got
 * past it, at the one place the bot saves.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const IPV4 =
  /(?<!\d\.?)(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\.?\d)/g;
/** Full eight groups, or a compressed form with `::` and at least two groups. */
const IPV6 =
  /(?<![0-9A-Fa-f:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?)(?![0-9A-Fa-f:])/g;

export const EMAIL_REMOVED = '(email address removed)';
export const IP_REMOVED = '(IP address removed)';

/** `text` with every email and IP address replaced by a note saying one was removed. */
export function redactPrivate(text: string): string {
  return text.replace(EMAIL, EMAIL_REMOVED).replace(IPV4, IP_REMOVED).replace(IPV6, IP_REMOVED);
}
