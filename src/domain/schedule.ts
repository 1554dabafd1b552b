// When the mass mail goes out: the requested date at the institution's send time, in the institution's time zone
// (the mass mail goes out when the requester asked, held by Exchange's deferred delivery until then).
import { parts } from "./dates";
import type { DateOnly, Instant } from "./types";

/** The default send time of a scheduled mass mail ("HH:MM", institution time), when the config has none. */
export const DEFAULT_SCHEDULED_SEND_TIME = "08:00";

/** The UTC instant of `date` at `time` ("HH:MM") on the wall clock of `timeZone` (an IANA name). */
export function instantAt(date: DateOnly, time: string, timeZone: string): Instant {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new Error(`Not a time of day: ${time}`);
  const { year, month, day } = parts(date);
  const wall = Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2]));
  // The zone's offset at that moment, found by formatting a guess back in the zone (twice, for DST edges).
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetMs(guess, timeZone);
  return new Date(guess).toISOString();
}

function offsetMs(instantMs: number, timeZone: string): number {
  const fields = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(fields.find((f) => f.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The send IT should schedule: the requested date's send time, when the request names a date still ahead. */
export function requestedSendInstant(
  requestedDate: DateOnly | undefined,
  sendTime: string,
  timeZone: string,
  now: Date,
): Instant | undefined {
  if (!requestedDate) return undefined;
  const at = instantAt(requestedDate, sendTime, timeZone);
  return Date.parse(at) > now.getTime() ? at : undefined;
}
