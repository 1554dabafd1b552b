// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Graph sends whole seconds; fractional seconds
// ("2.128") are read as such rather than dropped, and a date is only accepted in one of the three HTTP-date
// forms (IMF-fixdate, RFC 850, asctime), so that a number never falls through to Date.parse.

const SECONDS = /^\d+(?:\.\d+)?$/;
const IMF_FIXDATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850 = /^[A-Za-z]{6,9}, \d{2}-[A-Za-z]{3}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}:\d{2}:\d{2}) (\d{4})$/;

/** The wait the server asked for, in milliseconds, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (SECONDS.test(value)) return Math.round(Number(value) * 1000);
  const date = httpDate(value);
  if (date === undefined) return undefined;
  return Math.max(0, date - nowMs);
}

function httpDate(value: string): number | undefined {
  let parsed = Number.NaN;
  if (IMF_FIXDATE.test(value)) parsed = Date.parse(value);
  else if (RFC_850.test(value)) parsed = rfc850(value);
  else {
    const asc = ASCTIME.exec(value);
    // asctime has no zone; HTTP dates are always UTC.
    if (asc) parsed = Date.parse(`${asc[2]?.trim()} ${asc[1]} ${asc[4]} ${asc[3]} GMT`);
  }
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** "Sunday, 06-Nov-94 08:49:37 GMT": a two-digit year more than 50 years ahead is in the past (RFC 9110 §5.6.7). */
function rfc850(value: string): number {
  const [, rest = ""] = value.split(", ");
  const [date = "", time = ""] = rest.split(" ");
  const [day, month, yy] = date.split("-");
  const now = new Date().getUTCFullYear();
  let year = Math.floor(now / 100) * 100 + Number(yy);
  if (year > now + 50) year -= 100;
  return Date.parse(`${day} ${month} ${year} ${time} GMT`);
}
