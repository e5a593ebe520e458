import { expandLabelCalls } from '../../support/label-calls';
import { PORTAL_AREAS, portalAreaOf } from '../../../shared/portal';
import {
  clinicRows,
  PORTAL_END,
  PORTAL_START,
  renderClinicsPage,
  renderConnectionsIndex,
  renderPortal,
  withPortal,
} from '../../../shared/reports/portal-pages';
import { clinicFixture } from '../support/clinic-fixture';

const R = "Grants:Let's Connect";
const portal = renderPortal(
  {
    root: R,
    people: 42,
    nextClinic: {
      page: `${R}/Clinics/2026-12-10 Wikidata`,
      title: 'Wikidata',
      start: '2026-12-10T16:00Z',
    },
  },
  'written by the bot',
);

describe('the portal on the root page', () => {
  it('links every area, in the navigation’s order, with words from the label module', () => {
    const items = portal.split('\n').filter((l) => l.startsWith('* '));
    expect(items).toHaveLength(PORTAL_AREAS.length);
    PORTAL_AREAS.forEach((area, i) =>
      expect(items[i]).toContain(`{{#invoke:Let's Connect/Labels|msg|${area.key}}}`),
    );
    expect(portal).toContain(`[[:Grants:Let&#39;s Connect/Directory|`);
    expect(portal).toContain('{{fullurl:Grants:Let&#39;s Connect|letsconnect=edit}}');
    expect(portal).toContain('#how-it-works|');
    expect(portal).toContain('<span id="how-it-works"></span>');
    expect(portal).toContain('|msg|letsconnect-portal-numbers|42}}');
    expect(portal).toContain("{{#invoke:Let's Connect/Labels|datetime|2026-12-10T16:00Z}}");
  });

  it('replaces only its own block, keeping what the program wrote', () => {
    const page = `Intro by the program.\n\n${PORTAL_START}\nold\n${PORTAL_END}\n\n== History ==\nKept.`;
    const next = withPortal(page, portal);
    expect(next.startsWith('Intro by the program.\n\n')).toBe(true);
    expect(next).toContain('== History ==\nKept.');
    expect(next).not.toContain('\nold\n');
    expect(withPortal(next, portal)).toBe(next);
    expect(withPortal('The program.', portal)).toBe(`${portal}\n\nThe program.`);
  });
});

describe('R/Clinics', () => {
  const rows = [
    {
      page: `${R}/Clinics/2026-10-01 Old`,
      clinic: clinicFixture({
        title: 'Old',
        status: 'done',
        recording: 'https://commons.wikimedia.org/wiki/File:X.webm',
      }),
      sessions: ['2026-10-01T16:00Z'],
      past: true,
    },
    {
      page: `${R}/Clinics/2026-12-10 New`,
      clinic: clinicFixture({ title: 'New | {{x}}', status: 'full' }),
      sessions: ['2026-12-10T16:00Z', '2026-12-11T02:00Z'],
      past: false,
    },
  ];
  const page = renderClinicsPage(rows, 'written');

  it('lists upcoming and past clinics in words, with the gadget’s placeholder', () => {
    expect(page).toContain('<div class="letsconnect-app"></div>');
    const [upcoming, past] = page.split('|msg|letsconnect-clinics-page-past}}');
    expect(upcoming).toContain('New &#124; &#123;&#123;x&#125;&#125;]]');
    expect(upcoming).toContain('|topic|growth-paths}}');
    expect(upcoming).toContain('|languages|en, es}}');
    expect(upcoming).toContain('|datetime|2026-12-10T16:00Z}}<br>');
    expect(upcoming).toContain('|msg|letsconnect-clinics-page-full}}');
    expect(past).toContain('/Summary|{{#invoke:');
    expect(past).toContain('[https://commons.wikimedia.org/wiki/File:X.webm {{#invoke:');
  });

  it('lists a clinic as past, with its summary, only once its last session has ended', () => {
    // The bot writes a clinic's summary once its last session has ended (bot/clinics/summaries):
    // a clinic between its two sessions, or cancelled before its date, must not link one.
    const now = Date.parse('2026-12-02T07:00Z');
    const at = (title: string, sessions: string[], status: 'open' | 'cancelled' = 'open') => ({
      title: `${R}/Clinics/${sessions[0]!.slice(0, 10)} ${title}`,
      date: sessions[0]!.slice(0, 10),
      clinic: clinicFixture({ title, sessions, status, minutes: 60 }),
    });
    const rows = clinicRows(
      [
        at('Running', ['2026-12-02T06:00Z', '2026-12-02T16:00Z']),
        at('Cancelled', ['2026-12-20T16:00Z'], 'cancelled'),
        at('Ending', ['2026-12-02T06:30Z']),
        at('Ended', ['2026-12-02T05:30Z']),
        at('Earlier', ['2026-11-02T06:00Z']),
      ],
      now,
    );
    expect(rows.map((r) => [r.clinic.title, r.past])).toEqual([
      ['Earlier', true],
      ['Ended', true],
      ['Ending', false],
      ['Running', false],
      ['Cancelled', false],
    ]);
    const [upcoming, past] = renderClinicsPage(rows, 'written').split(
      '|msg|letsconnect-clinics-page-past}}',
    );
    expect(upcoming).toContain('Running]]');
    expect(upcoming).toContain('|msg|letsconnect-clinics-page-cancelled}}');
    expect(upcoming).not.toContain('/Summary');
    expect(past).toContain('Ended/Summary|');
    expect(past).not.toContain('Running');
  });

  it('says when there is nothing', () => {
    const empty = renderClinicsPage([], 'written');
    expect(empty).toContain('none-upcoming');
    expect(empty).toContain('none-past');
  });
});

describe('R/Connections and the navigation’s current area', () => {
  it('lists the rounds newest first, by month name', () => {
    const page = expandLabelCalls(renderConnectionsIndex(R, ['2026-10', '2026-11'], 'written'));
    expect(page.indexOf('November 2026')).toBeLessThan(page.indexOf('October 2026'));
    expect(page).toContain('/Connections/2026-11|November 2026]]');
  });

  it('knows which area a page belongs to', () => {
    expect(portalAreaOf(R, `${R}/Directory/wikidata-basics`, null)).toBe('directory');
    expect(portalAreaOf(R, `${R}/Clinics/2026-12-10 New`, null)).toBe('clinics');
    expect(portalAreaOf(R, `${R}/Participants/Ana`, 'Ana')).toBe('profile');
    expect(portalAreaOf(R, `${R}/Participants/Ana`, 'Bo')).toBe(null);
    expect(portalAreaOf(R, R, 'Ana')).toBe(null);
  });
});
