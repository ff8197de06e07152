import { describe, expect, it } from 'vitest';
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from './zoned-time';

describe('zonedLocalToUtc', () => {
  it.each([
    ['2026-11-23T06:00', 'America/El_Salvador', '2026-11-23T12:00:00.000Z'],
    ['2026-11-23T06:00', 'UTC', '2026-11-23T06:00:00.000Z'],
    ['2026-07-01T09:30', 'Europe/London', '2026-07-01T08:30:00.000Z'],
    ['2026-01-15T09:30', 'Europe/London', '2026-01-15T09:30:00.000Z'],
    ['2026-07-01T09:30', 'Asia/Kolkata', '2026-07-01T04:00:00.000Z'],
    ['2026-12-31T23:59', 'Pacific/Auckland', '2026-12-31T10:59:00.000Z'],
    ['2026-11-23T06:00:45', 'America/El_Salvador', '2026-11-23T12:00:45.000Z'],
  ])('reads %s in %s as %s', (local, zone, expected) => {
    expect(zonedLocalToUtc(local, zone)?.toISOString()).toBe(expected);
  });

  it('moves a time skipped by the spring change forward by the gap', () => {
    // New York skips 02:00–03:00 on 8 March 2026.
    expect(zonedLocalToUtc('2026-03-08T02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier instant for a time repeated by the autumn change', () => {
    // 01:30 happens twice in New York on 1 November 2026; the first is EDT (UTC−4).
    expect(zonedLocalToUtc('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it.each([
    ['2026-02-31T10:00', 'UTC'],
    ['2026-13-01T10:00', 'UTC'],
    ['2026-11-23T24:00', 'UTC'],
    ['2026-11-23T06:00:60', 'UTC'],
    ['2026-11-23 06:00', 'UTC'],
    ['tomorrow', 'UTC'],
    ['2026-11-23T06:00', 'Mars/Olympus_Mons'],
  ])('refuses %s in %s', (local, zone) => {
    expect(zonedLocalToUtc(local, zone)).toBeNull();
  });
});

describe('utcToZonedLocal', () => {
  it('shows an instant on the wall clocks of a zone', () => {
    expect(utcToZonedLocal(new Date('2026-11-23T12:00:00Z'), 'America/El_Salvador')).toBe('2026-11-23T06:00');
  });

  it('round-trips with zonedLocalToUtc through a year of quarter hours in a zone with summer time', () => {
    for (let hour = 0; hour < 365 * 24; hour += 7) {
      const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000 + 15 * 60_000);
      const local = utcToZonedLocal(instant, 'Europe/Berlin');
      const back = zonedLocalToUtc(local, 'Europe/Berlin')!;
      // An ambiguous autumn hour may map to the earlier instant; never further than an hour.
      expect(Math.abs(back.getTime() - instant.getTime())).toBeLessThanOrEqual(3_600_000);
      expect(utcToZonedLocal(back, 'Europe/Berlin')).toBe(local);
    }
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA names and refuses others', () => {
    expect(isValidTimeZone('America/El_Salvador')).toBe(true);
    expect(isValidTimeZone('Not/AZone')).toBe(false);
  });
});
