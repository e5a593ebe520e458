/**
 * The program's front pages, written by the bot for readers without JavaScript, in words
 * from the label module (`{{#invoke:Let's Connect/Labels|msg|…}}`), so they read in the
 * reader's language (`?uselang=`) where the wiki allows it:
 *
 * - the portal: a block on the program's root page between two markers (the rest of the page
 *   is the program's own and is kept): the program in a few lines, its areas
 *   (shared/portal.ts, the same links as the gadget's navigation) and how it works;
 * - `R/Clinics`: upcoming and past clinics, with the gadget's placeholder for its create form;
 * - `R/Connections`: the rounds of connections, newest first.
 *
 * Every value from a page is escaped; every text is a message the module makes inert.
 */
import { labelCall } from '../labels/labels';
import { HOW_IT_WORKS_ANCHOR, PORTAL_AREAS } from '../portal';
import { isPastClinic } from '../clinics/summary';
import { clinicSummaryTitle, connectionsPageTitle } from '../pages';
import type { Clinic } from '../records/clinic';
import { linkTarget, wikiLink } from '../wikitext/escape';

const msg = (key: string, ...params: string[]) => labelCall('msg', key, ...params);

export const PORTAL_START = '<!-- letsconnect:portal -->';
export const PORTAL_END = '<!-- /letsconnect:portal -->';

/**
 * A link whose words are wikitext of ours (a module call), so not escaped as `wikiLink`'s
 * are: a page, a page with a query, or a section.
 */
function areaLink(title: string, label: string, query?: string, fragment?: string): string {
  if (query) return `[{{fullurl:${linkTarget(title)?.slice(1) ?? ''}|${query}}} ${label}]`;
  const target = linkTarget(title);
  return target === null ? label : `[[${target}${fragment ? `#${fragment}` : ''}|${label}]]`;
}

export interface PortalFacts {
  root: string;
  /** People listed in the directory. */
  people: number;
  /** The next clinic: its page and first session (`YYYY-MM-DDTHH:MMZ`), or null. */
  nextClinic: { page: string; title: string; start: string } | null;
}

/** The portal block, markers included. */
export function renderPortal(facts: PortalFacts, written: string): string {
  const lines = [
    PORTAL_START,
    `<!-- ${written} -->`,
    '<div class="letsconnect-portal">',
    msg('letsconnect-portal-intro'),
    '',
    [
      msg('letsconnect-portal-numbers', String(facts.people)),
      ...(facts.nextClinic
        ? [
            msg('letsconnect-portal-next-clinic'),
            `${labelCall('datetime', facts.nextClinic.start)}:`,
            wikiLink(facts.nextClinic.page, facts.nextClinic.title),
          ]
        : []),
    ].join(' '),
    '',
  ];
  for (const area of PORTAL_AREAS) {
    const { title, query, fragment } = area.target(facts.root, null);
    lines.push(
      `* ${areaLink(title, `'''${msg(area.key)}'''`, query, fragment)}: ${msg(`${area.key}-about`)}`,
    );
  }
  lines.push(
    '',
    `<span id="${HOW_IT_WORKS_ANCHOR}"></span>`,
    `== ${msg('letsconnect-portal-how')} ==`,
    `# ${msg('letsconnect-portal-how-1')}`,
    `# ${msg('letsconnect-portal-how-2')}`,
    `# ${msg('letsconnect-portal-how-3')}`,
    '</div>',
    PORTAL_END,
  );
  return lines.join('\n');
}

/**
 * The root page with the portal in place of the earlier one, or at the top (above what the
 * program wrote) when there is none yet; nothing else on the page changes.
 */
export function withPortal(page: string, portal: string): string {
  const start = page.indexOf(PORTAL_START);
  const end = page.indexOf(PORTAL_END, start);
  if (start >= 0 && end > start)
    return page.slice(0, start) + portal + page.slice(end + PORTAL_END.length);
  return page.trim() === '' ? `${portal}\n` : `${portal}\n\n${page}`;
}

export interface ClinicRow {
  page: string;
  clinic: Clinic;
  /** Its sessions' starts, UTC `YYYY-MM-DDTHH:MMZ`. */
  sessions: string[];
  /** Its last session has ended: listed under past clinics, with a link to its summary. */
  past: boolean;
}

/**
 * The rows of `R/Clinics`, by date then title. A clinic is past (and links its summary) only
 * once its last session has ended, the moment the bot writes that summary: one running now,
 * between its sessions, or cancelled before its date stays with the upcoming ones (as
 * "cancelled"), so no row links a summary that does not exist yet.
 */
export function clinicRows(
  clinics: ReadonlyArray<{ title: string; date: string; clinic: Clinic }>,
  nowMs: number,
): ClinicRow[] {
  return [...clinics]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title < b.title ? -1 : 1))
    .map((c) => ({
      page: c.title,
      clinic: c.clinic,
      sessions: c.clinic.sessions,
      past: isPastClinic(c.clinic, nowMs),
    }));
}

const places = (c: Clinic) => String(c.capacity ?? 20);

function clinicTable(rows: readonly ClinicRow[], past: boolean): string[] {
  const head = [
    'letsconnect-clinics-page-col-when',
    'letsconnect-clinics-page-col-clinic',
    'letsconnect-clinics-page-col-topic',
    'letsconnect-clinics-page-col-languages',
    'letsconnect-clinics-page-col-more',
  ].map((k) => msg(k));
  const lines = ['{| class="wikitable letsconnect-clinics"', `! ${head.join(' !! ')}`];
  for (const row of rows) {
    const c = row.clinic;
    const when = row.sessions.map((s) => labelCall('datetime', s)).join('<br>');
    const state =
      c.status === 'cancelled'
        ? msg('letsconnect-clinics-page-cancelled')
        : c.status === 'full' && !past
          ? msg('letsconnect-clinics-page-full')
          : '';
    const more = past
      ? [
          areaLink(clinicSummaryTitle(row.page), msg('letsconnect-clinics-page-summary')),
          /^https:\/\/[^\s[\]<>"{}|]+$/.test(c.recording)
            ? `[${c.recording} ${msg('letsconnect-clinics-page-recording')}]`
            : '',
        ]
      : [msg('letsconnect-clinics-page-places', places(c)), state];
    const cells = [
      when || '–',
      wikiLink(row.page, c.title || row.page),
      c.topic ? labelCall('topic', c.topic) : '–',
      c.languages.length > 0 ? labelCall('languages', c.languages.join(', ')) : '–',
      more.filter(Boolean).join(', '),
    ];
    lines.push('|-', `| ${cells.join(' || ')}`);
  }
  lines.push('|}');
  return lines;
}

/** `R/Clinics`: the gadget's placeholder (create form, my calendar), then the clinics. */
export function renderClinicsPage(rows: readonly ClinicRow[], written: string): string {
  const upcoming = rows.filter((r) => !r.past);
  const past = rows.filter((r) => r.past).reverse();
  const lines = [
    `<!-- ${written} -->`,
    '<div class="letsconnect-app"></div>',
    msg('letsconnect-clinics-page-intro'),
    '',
    `== ${msg('letsconnect-clinics-page-upcoming')} ==`,
    ...(upcoming.length > 0
      ? clinicTable(upcoming, false)
      : [msg('letsconnect-clinics-page-none-upcoming')]),
    '',
    `== ${msg('letsconnect-clinics-page-past')} ==`,
    ...(past.length > 0 ? clinicTable(past, true) : [msg('letsconnect-clinics-page-none-past')]),
  ];
  return `${lines.join('\n')}\n`;
}

/** `R/Connections`: each round's page, newest first, named by its month in the reader's language. */
export function renderConnectionsIndex(
  root: string,
  months: readonly string[],
  written: string,
): string {
  const lines = [`<!-- ${written} -->`, msg('letsconnect-connections-index-intro'), ''];
  if (months.length === 0) lines.push(msg('letsconnect-connections-index-none'));
  for (const month of [...months].sort().reverse()) {
    lines.push(`* ${areaLink(connectionsPageTitle(root, month), labelCall('month', month))}`);
  }
  return `${lines.join('\n')}\n`;
}
