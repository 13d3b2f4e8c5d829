// Reads the recorded exchanges of the original 4.7.0 server from the reference material beside the
// clone (`reference/original-server-responses.md`): each entry's request (from its curl line),
// status, headers and body, in the shape of the project's fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExchangeRequest, OriginalExchange } from '../helpers/original.ts';
import { SHARED } from './shared.ts';

function parseCurl(line: string): ExchangeRequest {
  const req: ExchangeRequest = { method: 'GET', path: '', headers: {}, files: [] };
  let rest = line.replace(/^curl\s+/, '');
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };
  for (;;) {
    let m: RegExpExecArray | null;
    if ((m = take(/^-H ([A-Za-z-]+):\s?(\S*)\s+/))) req.headers[m[1]] = m[2];
    else if ((m = take(/^-X (\S+)\s+/))) req.method = m[1];
    else if ((m = take(/^-d (\S+)\s+/))) {
      req.body = m[1];
      if (req.method === 'GET') req.method = 'POST';
    } else if ((m = take(/^-F (\w+)=@(\S+)\s+/))) {
      req.files.push({ field: m[1], file: m[2] });
      if (req.method === 'GET') req.method = 'POST';
    } else break;
  }
  req.path = rest.trim();
  return req;
}

export function recordedExchanges(): OriginalExchange[] {
  const text = readFileSync(path.join(SHARED, 'reference', 'original-server-responses.md'), 'utf8');
  const entries: OriginalExchange[] = [];
  const blocks = text.split(/^### /m).slice(1);
  for (const block of blocks) {
    const [title] = block.split('\n', 1);
    const [num, name] = title.trim().split(/\s+/, 2);
    const curl = /^- request: `(.*)`$/m.exec(block)?.[1];
    const status = /^- status: \*\*HTTP\/1\.1 (\d{3})/m.exec(block)?.[1];
    const headerLine = /^- headers: (.*)$/m.exec(block)?.[1];
    const body = /```json\n([\s\S]*?)\n```/.exec(block)?.[1];
    if (!curl || !status || !headerLine || body === undefined) throw new Error(`Cannot parse reference entry ${title}`);
    const headers: Record<string, string> = {};
    for (const h of headerLine.matchAll(/`([^:`]+): ([^`]*)`/g)) headers[h[1]] = h[2];
    const entry: OriginalExchange = { num, name, request: parseCurl(curl), status: Number(status), headers, body };
    const elided = /^- \[elided\] events: (\d+) in total \(([^)]*)\)/m.exec(block);
    if (elided) {
      const bySource: Record<string, number> = {};
      for (const part of elided[2].split(', ')) {
        const [k, v] = part.split(': ');
        bySource[k] = Number(v);
      }
      entry.eventsElided = { total: Number(elided[1]), bySource };
    }
    if (/^- \[elided\] long `permitted:` list/m.test(block)) entry.permittedElided = true;
    entries.push(entry);
  }
  return entries;
}
