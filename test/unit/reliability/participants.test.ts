/**
 * The participants section of `npm run reliability`, short form: nothing a participant
 * should not have is accepted, and each count can see what it counts.
 */
import { clinicRoster, type RosterClinic } from '../../../shared/clinics/roster';
import { runCapacityTrials } from '../../../scripts/reliability/participants';

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
});
