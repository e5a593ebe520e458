/**
 * Clinics that run themselves, on a wiki of their own (test/support/clinic-notices-scenario.ts):
 * reminders a day ahead and moved-up notices, each sent exactly once although the bot is
 * killed right after its first reminder reaches the wiki (before its ledger) and run again;
 * {{nobots}} and {{bots|deny=}} pages untouched; invitations only within the horizon.
 */
import { readDocument } from '../../../shared/documents/read-document';
import {
  ClinicNoticesScenario,
  FAR,
  FIRST_RUN,
  LATER,
  LATER_RUNS,
  SOON,
  SOON_LINK,
} from '../../support/clinic-notices-scenario';
import { editsMade } from '../../support/run-cli';

jest.setTimeout(300_000);

let scenario: ClinicNoticesScenario;

beforeAll(async () => {
  scenario = await new ClinicNoticesScenario().start(8161);
});

afterAll(async () => {
  await scenario?.stop();
});

const count = (markers: Map<string, number>, prefix: string) =>
  [...markers]
    .filter(([k]) => k.includes(prefix))
    .map(([k, n]) => `${k} ×${n}`)
    .sort();

describe('clinic reminders and moved-up notices', () => {
  it('sends each once across a bot killed after its first reminder reached the wiki', async () => {
    let editsSeen = 0;
    await scenario.runUntilDone(FIRST_RUN, (_n, params) => {
      const talkEdit =
        params.get('action') === 'edit' && (params.get('title') ?? '').startsWith('User talk:');
      return talkEdit && ++editsSeen === 1;
    });
    expect(scenario.kills).toBe(1);
    expect(scenario.runs).toBe(2);
    const { markers, refusedPagesWritten } = await scenario.state();
    expect(count(markers, 'remind:')).toEqual([
      `Alma: remind:${SOON}:Alma ×1`,
      `Bruno: remind:${SOON}:Bruno ×1`,
      `Sharer One: remind:${SOON}:Sharer One ×1`,
    ]);
    expect(count(markers, 'moved-up:')).toEqual([`Waited: moved-up:${LATER}:Waited ×1`]);
    expect(refusedPagesWritten).toBe(0);
    // The ledger has every message, the killed run's first one too, and the refusal.
    const ledger = readDocument(await scenario.ledger(), 'clinic-notices').document;
    expect(ledger?.sent.map((r) => `${r.kind} ${r.user} ${r.status}`).sort()).toEqual([
      'moved-up Waited sent',
      'reminder Alma sent',
      'reminder Bruno sent',
      'reminder Nobots Person excluded',
      'reminder Sharer One sent',
    ]);
  });

  it('writes the reminder in the person’s language and time zone, with the link to join and what to do next', async () => {
    const alma = await scenario.text('User talk:Alma');
    // 18:00 UTC is 13:00 in Bogotá (UTC−5).
    expect(alma).toMatch(/6 de noviembre de 2026.*13:00.*America\/Bogota/);
    expect(alma).toContain(`[${SOON_LINK} `);
    expect(alma).toContain(`[[:${SOON}|Growth paths tomorrow]]`);
    const waited = await scenario.text('User talk:Waited');
    expect(waited).toContain('you have moved up from the waiting list');
    expect(waited).toContain(`[[:${LATER}|Growth paths later]]`);
    expect(waited).toMatch(/November 20, 2026.*06:00 PM.*Europe\/Lisbon/);
    // Waiter still waits: no reminder, no notice.
    expect(await scenario.text('User talk:Waiter')).not.toContain('letsconnect:remind');
  });

  it('invites only to the clinic within the horizon, never to the one ten months ahead', async () => {
    // Keen is invited (to the soonest clinic); Only Far, signed up to every clinic but the
    // one ten months ahead, is invited to nothing.
    expect(await scenario.text('User talk:Keen')).toContain(`invite:${SOON}:Keen`);
    expect(await scenario.text('User talk:Only Far')).toBe('');
    const ledger = await scenario.text('User:LetsConnectBot/Clinics/invitations.json');
    expect(ledger).not.toContain(FAR);
  });

  it('later runs, one killed at every talk-page edit, add only the new move-up (refused by its page) and nothing twice', async () => {
    scenario.cancelXTwo();
    for (const now of LATER_RUNS)
      await scenario.runUntilDone(now, (_n, params) => params.get('action') === 'edit');
    const { markers, refusedPagesWritten } = await scenario.state();
    expect([...markers.values()].every((n) => n === 1)).toBe(true);
    expect(count(markers, 'moved-up:')).toEqual([`Waited: moved-up:${LATER}:Waited ×1`]);
    expect(refusedPagesWritten).toBe(0);
    const ledger = readDocument(await scenario.ledger(), 'clinic-notices').document;
    expect(
      ledger?.sent
        .filter((r) => r.kind === 'moved-up')
        .map((r) => `${r.user} ${r.status}`)
        .sort(),
    ).toEqual(['Deny Person excluded', 'Waited sent']);
    expect(await scenario.text('User talk:Only Far')).toBe('');
    // Nothing left to do: a re-run makes no edit.
    expect(editsMade(await scenario.runUntilDone(LATER_RUNS[1]!))).toBe(0);
  });
});
