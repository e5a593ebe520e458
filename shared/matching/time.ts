/**
 * Weekly availability in UTC. Profiles give slots in their own time zone; two people can
 * meet in the hours of the week when both are free, so both are moved to UTC with the zone's
 * offset on the round's date (Intl knows daylight saving rules; no tz database is shipped).
 */
import type { AvailabilitySlot } from '../records/profile';
import type { Day } from '../records/vocabulary';
import { zoneOffsetMinutes } from '../calendar/zoned-time';

const HOURS_A_WEEK = 168;
/** Six 32-bit words hold the 168 hours of a week. */
export const WORDS = 6;

export type WeekMask = Uint32Array;

/** The days of the week (Monday = 0) each availability day word covers. */
export const DAY_INDICES: Readonly<Record<Day, readonly number[]>> = {
  mon: [0],
  tue: [1],
  wed: [2],
  thu: [3],
  fri: [4],
  sat: [5],
  sun: [6],
  weekdays: [0, 1, 2, 3, 4],
  weekends: [5, 6],
  daily: [0, 1, 2, 3, 4, 5, 6],
};

/**
 * The zone's offset from UTC in whole hours at `atMs` (half-hour zones round down: a
 * meeting is booked by the hour, and an hour off by 30 minutes still overlaps by half).
 * Null for a zone Intl does not know.
 */
export function utcOffsetHours(zone: string, atMs: number): number | null {
  try {
    return Math.floor(zoneOffsetMinutes(zone, atMs) / 60);
  } catch {
    return null;
  }
}

/** The hours of a week (Monday 00:00 UTC = hour 0) when a person is available. */
export function weekMask(slots: readonly AvailabilitySlot[], offsetHours: number): WeekMask {
  const mask = new Uint32Array(WORDS);
  for (const slot of slots) {
    for (const day of DAY_INDICES[slot.days]) {
      for (let h = slot.from; h < slot.to; h++) {
        const utc = (((day * 24 + h - offsetHours) % HOURS_A_WEEK) + HOURS_A_WEEK) % HOURS_A_WEEK;
        mask[utc >>> 5] = (mask[utc >>> 5] ?? 0) | (1 << (utc & 31));
      }
    }
  }
  return mask;
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Hours a week two people are both available. */
export function overlapHours(a: WeekMask, b: WeekMask): number {
  let n = 0;
  for (let i = 0; i < WORDS; i++) n += popcount((a[i] ?? 0) & (b[i] ?? 0));
  return n;
}

/** Computes each zone's offset once per round: there are far fewer zones than people. */
export class ZoneOffsets {
  private readonly cache = new Map<string, number | null>();

  constructor(private readonly atMs: number) {}

  get(zone: string): number | null {
    let offset = this.cache.get(zone);
    if (offset === undefined) {
      offset = zone === '' ? null : utcOffsetHours(zone, this.atMs);
      this.cache.set(zone, offset);
    }
    return offset;
  }
}
