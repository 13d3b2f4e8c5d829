// `labwright door open|close|status`: a person at the simulated robot, through the running
// server's HTTP API (`/robot/door/status`).

export type DoorAction = 'open' | 'close' | 'status';

/** The server could not be reached or refused the request. */
export class DoorCommandError extends Error {
  override readonly name = 'DoorCommandError';
}

interface DoorStatus {
  data: { status: 'open' | 'closed'; doorRequiredClosedForProtocol: boolean };
}

/** Carries out `action`; returns the line to print, e.g. `door open (open door holds runs: on)`. */
export async function door(action: DoorAction, server: { host: string; port: number }): Promise<string> {
  const host = server.host.includes(':') ? `[${server.host}]` : server.host;
  const url = `http://${host}:${server.port}/robot/door/status`;
  const headers: Record<string, string> = { 'Opentrons-Version': '*' };
  let init: RequestInit = { headers };
  if (action !== 'status') {
    headers['Content-Type'] = 'application/json';
    init = { method: 'PUT', headers, body: JSON.stringify({ data: { status: action === 'open' ? 'open' : 'closed' } }) };
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw new DoorCommandError(`no Labwright server at ${host}:${server.port} (${cause})`);
  }
  const text = await res.text();
  if (!res.ok) throw new DoorCommandError(`the server answered ${res.status}: ${text}`);
  const body = JSON.parse(text) as DoorStatus;
  return `door ${body.data.status} (an open door holds runs: ${body.data.doorRequiredClosedForProtocol ? 'on' : 'off'})`;
}
