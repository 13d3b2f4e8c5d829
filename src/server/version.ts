// The `Opentrons-Version` request header (http-api.md §1.2): `*` or an integer; below 2 is
// refused with 400, a missing or malformed value is a 422 validation issue.
import { OutdatedApiVersionError, type ValidationIssue } from './errors.ts';
import { API_VERSION, MIN_API_VERSION, requestedVersion, VERSION_HEADER } from './health-answer.ts';

export { API_VERSION, MIN_API_VERSION, VERSION_HEADER };

export type VersionCheck =
  | { ok: true; version: number }
  | { ok: false; issues: ValidationIssue[] };

/** Throws OutdatedApiVersionError for versions below the minimum. */
export function checkVersionHeader(value: string | string[] | undefined): VersionCheck {
  const source = { header: VERSION_HEADER };
  if (value === undefined) return { ok: false, issues: [{ detail: 'field required', source }] };
  const raw = Array.isArray(value) ? value[value.length - 1] : value;
  const requested = requestedVersion(raw);
  if (requested === '*') return { ok: true, version: API_VERSION };
  if (requested !== null) {
    if (requested < MIN_API_VERSION) throw new OutdatedApiVersionError(String(requested));
    return { ok: true, version: Math.min(API_VERSION, requested) };
  }
  return {
    ok: false,
    issues: [
      { detail: 'value is not a valid integer', source },
      { detail: "unexpected value; permitted: '*'", source },
    ],
  };
}
