// Helpers shared by the API 2.12–2.19 tests.
import type { Analysis } from '../../../src/common/index.ts';

/**
 * The run log as 7.5.0's simulator prints it: today's display names (no 4.7.0 mapping, unlike
 * `printed()`), tabs for nesting.
 */
export function lines(a: Analysis): string[] {
  return a.runLog.map((e) => '\t'.repeat(e.level) + e.text);
}

/** Python: what an exception `e` is, as the tests show it (`{Class}: {message}`). */
const RAISED = "type(e).__name__ + ': ' + str(e)";

/**
 * Python: a function `signature` (`t(ctx, f)`, `tryit(f)`) that calls `f()` and comments `ok`,
 * or what it raised.
 */
export function probeFunction(signature: string): string {
  return `def ${signature}:\n    try:\n        f()\n        ctx.comment('ok')\n    except Exception as e:\n        ctx.comment(${RAISED})`;
}

/**
 * A protocol body line that runs `call` and logs what it raised as a comment (from 2.12 a
 * comment's braces are printed as they are).
 */
export function caught(call: string): string {
  return `try:\n    ${call}\nexcept Exception as e:\n    ctx.comment(${RAISED})`;
}
