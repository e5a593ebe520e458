import { meetingTimes, type Schedule } from '../../../shared/matching/meeting-times';

const person = (
  username: string,
  timezone: string,
  availability: Schedule['availability'],
): Schedule => ({ username, timezone, availability });

const anel = person('Anel', 'Africa/Nairobi', [{ days: 'weekdays', from: 17, to: 21 }]);

describe('when the people of a proposal can meet', () => {
  it('gives the hours they are all free in UTC and in each one’s own zone', () => {
    const kabazu = person('Kabazu kaan', 'Europe/Paris', [
      { days: 'tue', from: 14, to: 20 },
      { days: 'sat', from: 9, to: 12 },
    ]);
    // December: Nairobi is UTC+3, Paris UTC+1.
    expect(meetingTimes([anel, kabazu], '2026-12')).toEqual({
      utc: 'tue 14-18',
      local: { Anel: 'Africa/Nairobi tue 17-21', 'Kabazu kaan': 'Europe/Paris tue 15-19' },
    });
  });

  it('keeps the days together that share hours, and the minutes of a half-hour zone', () => {
    const kolkata = person('Priya', 'Asia/Kolkata', [{ days: 'daily', from: 19, to: 24 }]);
    expect(meetingTimes([anel, kolkata], '2026-12')).toEqual({
      utc: 'weekdays 14-18',
      local: { Anel: 'Africa/Nairobi weekdays 17-21', Priya: 'Asia/Kolkata weekdays 19:30-23:30' },
    });
  });

  it('moves the day where a zone is across midnight, and follows daylight saving time', () => {
    const auckland = person('Aroha', 'Pacific/Auckland', [{ days: 'daily', from: 0, to: 24 }]);
    const paris = person('Jean', 'Europe/Paris', [{ days: 'sat', from: 9, to: 12 }]);
    // Auckland is UTC+13 in December (summer) and UTC+12 in June; Paris +1 and +2.
    expect(meetingTimes([paris, auckland], '2026-12')).toEqual({
      utc: 'sat 08-11',
      local: { Jean: 'Europe/Paris sat 09-12', Aroha: 'Pacific/Auckland sat 21-24' },
    });
    expect(meetingTimes([paris, auckland], '2026-06')?.local.Aroha).toBe(
      'Pacific/Auckland sat 19-22',
    );
  });

  it('leaves out who gave no zone or hours, and says nothing when no hour is common', () => {
    const silent = person('Silent', '', []);
    expect(meetingTimes([anel, silent], '2026-12')).toEqual({
      utc: 'weekdays 14-18',
      local: { Anel: 'Africa/Nairobi weekdays 17-21' },
    });
    expect(meetingTimes([silent], '2026-12')).toBeNull();
    const weekend = person('W', 'Africa/Nairobi', [{ days: 'weekends', from: 9, to: 12 }]);
    expect(meetingTimes([anel, weekend], '2026-12')).toBeNull();
    expect(
      meetingTimes(
        [anel, person('X', 'Not/A_Zone', [{ days: 'daily', from: 0, to: 1 }])],
        '2026-12',
      )?.local,
    ).toEqual({
      Anel: 'Africa/Nairobi weekdays 17-21',
    });
  });
});
