// Timestamps in the original's form: ISO 8601, microseconds, explicit UTC offset
// (`2021-11-18T14:07:12.345678+00:00`, http-api.md §1.5). JavaScript clocks give milliseconds, so
// the last three digits are zero.
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}
