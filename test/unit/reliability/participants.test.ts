/**
 * The participants section of `npm run reliability`, short form: nothing a participant
 * should not have is accepted, and each count can see what it counts.
 */
import { clinicRoster, type RosterClinic } from '../../../shared/clinics/roster';
import {
  runCapacityTrials,
  runForgedEditTrials,
  runWithdrawalTrials,
  type FormPath,
} from '../../../scripts/reliability/participants';
import {
  loadOwnProfile,
  saveOwnProfile,
  withdrawOwnProfile,
} from '../../../gadget/views/profile-form/profile-page';

describe('reliability: participants', () => {
  it('no sign-up passes capacity through the sharer or interpreter role', () => {
    const result = runCapacityTrials(300, 1);
    expect(result.examples).toEqual([]);
    expect(result.accepted).toBe(0);
  });

  it('counts what the old rule let in (any sharer or interpreter outside the places)', () => {
    const oldRule = (clinic: RosterClinic, entries: Parameters<typeof clinicRoster>[1]) => {
      const everyone = entries.map((e) => e.signup.username);
      return clinicRoster({ ...clinic, sharers: everyone, interpreters: everyone }, entries);
    };
    expect(runCapacityTrials(300, 1, oldRule).accepted).toBeGreaterThan(0);
  });

  it("adopts no other account's edit into the owner's profile through the form", async () => {
    expect((await runForgedEditTrials(100, 1)).adopted).toBe(0);
  });

  it('counts what the form adopted when it took the latest revision, whoever wrote it', async () => {
    const latest: FormPath['load'] = (client, ...rest) =>
      loadOwnProfile(
        {
          ...client,
          listPages: (n, p) => client.listPages(n, p),
          save: (...a) => client.save(...a),
          readPages: async (titles) =>
            (await client.readPages(titles)).map((p) => ({ ...p, user: 'Bruna Wikimedian' })),
        },
        ...rest,
      );
    const found = await runForgedEditTrials(100, 1, { load: latest, withdraw: withdrawOwnProfile });
    expect(found.adopted).toBeGreaterThan(50);
  });

  it('leaves no personal field on a withdrawn profile page', async () => {
    expect((await runWithdrawalTrials(100, 1)).left).toBe(0);
  });

  it('counts the fields the old withdrawal kept (the whole profile, flagged)', async () => {
    const flagOnly: FormPath['withdraw'] = (client, own, summary, now) =>
      saveOwnProfile(client, own, { ...own.profile!, withdrawn: true }, summary, now);
    const found = await runWithdrawalTrials(100, 1, { load: loadOwnProfile, withdraw: flagOnly });
    expect(found.left).toBeGreaterThan(100);
  });
});
