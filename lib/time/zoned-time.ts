/**
 * Wall-clock times in a named time zone, without a date library: an editor in San
 * Salvador schedules "23 November, 06:00" in America/El_Salvador and the server stores
 * the instant. Pure.
 */
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * "2026-11-23T06:00" (seconds optional) in `timeZone` → the UTC instant. A time that does not exist (the
 * hour skipped when clocks go forward) moves forward by the gap; an ambiguous one (the
 * hour repeated when clocks go back) takes the earlier instant. Null if malformed.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match || !isValidTimeZone(timeZone)) return null;
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as [number, number, number, number, number, number?];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(asIfUtc).getUTCDate() !== day) return null; // 31 February and the like

  // Try the offsets in force a day either side; keep the candidates that read back as
  // the wanted wall time, and take the earliest.
  const offsets = new Set([offsetAt(asIfUtc - 86_400_000, timeZone), offsetAt(asIfUtc, timeZone), offsetAt(asIfUtc + 86_400_000, timeZone)]);
  const matches = [...offsets]
    .map((offset) => asIfUtc - offset)
    .filter((instant) => offsetAt(instant, timeZone) === asIfUtc - instant)
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]!);
  // In a gap: the wall time was skipped. Use the offset before the change.
  return new Date(asIfUtc - Math.min(...offsets));
}

/** The instant as "YYYY-MM-DDTHH:mm" on the wall clocks of `timeZone`. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const parts = wallClock(instant.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: number, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year!,
    month: values.month!,
    day: values.day!,
    hour: values.hour!,
    minute: values.minute!,
    second: values.second!,
  };
}
