/**
 * When the people of a proposed connection can meet, for the round page: the hours of the
 * week all of them are free (each person's availability moved to UTC with their zone's
 * offset on the round's first day, to the quarter hour: matching books whole hours, time.ts),
 * in UTC and in each person's own time zone. Written in the profile's availability syntax (`tue 14-16`, `weekdays 18-21`),
 * with minutes where a zone's offset has them (`tue 19:30-21:30`), so the label module says
 * them in words ("Tuesdays 14:00–16:00") in the reader's language.
 */
import { zoneOffsetMinutes } from '../calendar/zoned-time';
import type { AvailabilitySlot } from '../records/profile';
import type { MeetingTimes } from '../records/proposal';
import type { Day } from '../records/vocabulary';
import { roundStart } from './people';
import { DAY_INDICES } from './time';

/** What of a person's profile says when they are free. */
export interface Schedule {
  username: string;
  timezone: string;
  availability: readonly AvailabilitySlot[];
}

const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTES_A_DAY = 24 * 60;
const MINUTES_A_WEEK = 7 * MINUTES_A_DAY;
/** Every zone's offset is a multiple of a quarter of an hour (Nepal's is 5:45). */
const STEP = 15;
const STEPS_A_WEEK = MINUTES_A_WEEK / STEP;
const STEPS_A_DAY = MINUTES_A_DAY / STEP;

/** A stretch of one day, in minutes from its midnight; `to` may pass midnight (23:00–01:00). */
interface Window {
  day: number;
  from: number;
  to: number;
}

const weekMinute = (m: number): number => ((m % MINUTES_A_WEEK) + MINUTES_A_WEEK) % MINUTES_A_WEEK;

/** The quarter-hours of a week (Monday 00:00 UTC = 0) when a person is free. */
function freeSteps(slots: readonly AvailabilitySlot[], offsetMinutes: number): boolean[] {
  const free = new Array<boolean>(STEPS_A_WEEK).fill(false);
  for (const slot of slots) {
    for (const day of DAY_INDICES[slot.days]) {
      for (let m = slot.from * 60; m < slot.to * 60; m += STEP) {
        free[weekMinute(day * MINUTES_A_DAY + m - offsetMinutes) / STEP] = true;
      }
    }
  }
  return free;
}

/** The free quarter-hours as windows, each within one UTC day. */
function windowsOf(free: readonly boolean[]): Window[] {
  const out: Window[] = [];
  for (let day = 0; day < 7; day++) {
    let start = -1;
    for (let q = 0; q <= STEPS_A_DAY; q++) {
      const isFree = q < STEPS_A_DAY && free[day * STEPS_A_DAY + q] === true;
      if (isFree && start < 0) start = q;
      if (!isFree && start >= 0) {
        out.push({ day, from: start * STEP, to: q * STEP });
        start = -1;
      }
    }
  }
  return out;
}

const clock = (minutes: number): string => {
  const m = ((minutes % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY;
  const hours = String(Math.floor(m / 60)).padStart(2, '0');
  // An end at midnight reads 24, as a profile writes it ("sat 18-24").
  const shown = m === 0 && minutes > 0 ? '24' : hours;
  return m % 60 === 0 ? shown : `${hours}:${String(m % 60).padStart(2, '0')}`;
};

/** Windows in the availability syntax; days with the same hours together (weekdays, daily). */
function written(windows: readonly Window[]): string {
  const byHours = new Map<string, Set<number>>();
  for (const w of windows) {
    const hours = `${clock(w.from)}-${clock(w.to)}`;
    const days = byHours.get(hours) ?? new Set<number>();
    days.add(w.day);
    byHours.set(hours, days);
  }
  const slots: Array<{ first: number; text: string }> = [];
  for (const [hours, days] of byHours) {
    const sorted = [...days].sort((a, b) => a - b);
    const same = (list: readonly number[]) =>
      list.length === sorted.length && list.every((d, i) => sorted[i] === d);
    const named = same([0, 1, 2, 3, 4, 5, 6])
      ? ['daily']
      : same([0, 1, 2, 3, 4])
        ? ['weekdays']
        : same([5, 6])
          ? ['weekends']
          : sorted.map((d) => DAYS[d]!);
    named.forEach((day, i) =>
      slots.push({ first: sorted[i] ?? sorted[0]!, text: `${day} ${hours}` }),
    );
  }
  return slots
    .sort((a, b) => a.first - b.first || (a.text < b.text ? -1 : 1))
    .map((s) => s.text)
    .join(', ');
}

/**
 * The hours of each week of `round` (`YYYY-MM`) when all of `people` who give a time zone and
 * hours are free, in UTC and in each of their zones; null when none of them gives both, or
 * they have no hour in common. Someone without a zone or hours said nothing about their time,
 * so they do not narrow it, as in matching.
 */
export function meetingTimes(people: readonly Schedule[], round: string): MeetingTimes | null {
  const { ms } = roundStart(round);
  const offsetOf = (zone: string): number | null => {
    if (zone === '') return null;
    try {
      return zoneOffsetMinutes(zone, ms);
    } catch {
      return null;
    }
  };
  const timed = people
    .map((p) => ({ ...p, offset: offsetOf(p.timezone) }))
    .filter(
      (p): p is Schedule & { offset: number } => p.availability.length > 0 && p.offset !== null,
    );
  if (timed.length === 0) return null;
  const common = timed
    .map((p) => freeSteps(p.availability, p.offset))
    .reduce((all, free) => all.map((f, i) => f && free[i] === true));
  const utc = windowsOf(common);
  if (utc.length === 0) return null;
  const local: Record<string, string> = {};
  for (const person of timed) {
    const shifted = utc.map((w) => {
      const start = weekMinute(w.day * MINUTES_A_DAY + w.from + person.offset);
      const from = start % MINUTES_A_DAY;
      return { day: Math.floor(start / MINUTES_A_DAY), from, to: from + (w.to - w.from) };
    });
    local[person.username] = `${person.timezone} ${written(shifted)}`;
  }
  return { utc: written(utc), local };
}
