// What GET /health answers (http-api.md §6) and how an `Opentrons-Version` value is read, in one
// place for the app (the route, version.ts) and the front door (front-door.ts), which answers
// /health before the rest of the server has loaded. Light on purpose: the front door imports it
// first thing.
import { MAX_SUPPORTED_VERSION, MIN_SUPPORTED_VERSION } from '../engine/index.ts';

/** The version the server speaks and the oldest a client may ask for (`Opentrons-Version`). */
export const API_VERSION = 2;
export const MIN_API_VERSION = 2;
export const VERSION_HEADER = 'opentrons-version';

/**
 * An `Opentrons-Version` value as asked for: `*`, an integer (pydantic's int parsing of a string:
 * surrounding whitespace and a sign are fine), or null when it is neither.
 */
export function requestedVersion(raw: string): number | '*' | null {
  if (raw === '*') return '*';
  return /^\s*[+-]?\d+\s*$/.test(raw) ? Number.parseInt(raw.trim(), 10) : null;
}

/** The original simulator's robot name. */
export const DEFAULT_ROBOT_NAME = 'opentrons-dev';

/** The /health body; it never changes for a server, so it is encoded once. */
export function healthBody(robotName: string): Buffer {
  const body = {
    name: robotName,
    api_version: '4.7.0',
    fw_version: 'Virtual Smoothie',
    board_revision: '2.1',
    logs: ['/logs/serial.log', '/logs/api.log', '/logs/server.log'],
    system_version: '0.0.0',
    minimum_protocol_api_version: [...MIN_SUPPORTED_VERSION],
    maximum_protocol_api_version: [...MAX_SUPPORTED_VERSION],
    links: {
      apiLog: '/logs/api.log',
      serialLog: '/logs/serial.log',
      serverLog: '/logs/server.log',
      apiSpec: '/openapi.json',
      systemTime: '/system/time',
    },
  };
  return Buffer.from(JSON.stringify(body));
}
