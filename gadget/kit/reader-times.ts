/**
 * Times on pages the wiki rendered (the bot's calendar, clinic boxes) are in UTC and the
 * organiser's zone; each is marked `<span class="letsconnect-time" data-utc="…">`. The gadget
 * adds the same moment in the reader's own time zone beside it, as text.
 */
import { browserTimeZone } from './intl';

export function showReaderTimes(
  root: ParentNode,
  language: string,
  t: (key: string, ...params: string[]) => string,
): void {
  const zone = browserTimeZone();
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return;
  }
  for (const el of root.querySelectorAll<HTMLElement>('.letsconnect-time[data-utc]')) {
    if (el.nextElementSibling?.classList.contains('letsconnect-time__reader')) continue;
    const ms = Date.parse(el.dataset.utc ?? '');
    if (Number.isNaN(ms)) continue;
    const own = document.createElement('span');
    own.className = 'letsconnect-time__reader';
    own.textContent = ` (${t('letsconnect-gadget-your-time', format.format(ms), zone)})`;
    el.after(own);
  }
}
