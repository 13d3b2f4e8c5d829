// Python's `str.format(**payload)` as the run-log builder applies it to command texts, so a JSON
// delay/pause message containing braces fails (or substitutes) the way the OT-2 does.
import { ProtocolApiError } from '../engine/index.ts';

export function pyFormat(text: string, payload: Readonly<Record<string, string>>): string {
  if (!text.includes('{') && !text.includes('}')) return text;
  let out = '';
  let i = 0;
  let auto = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{') {
      if (text[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      const close = text.indexOf('}', i + 1);
      if (close < 0) throw new ProtocolApiError('ValueError', "expected '}' before end of string");
      const field = text.slice(i + 1, close);
      const name = field.split(/[!:]/, 1)[0];
      const root = name.split(/[.[]/, 1)[0];
      if (root === '' || /^\d+$/.test(root)) {
        const idx = root === '' ? auto++ : Number(root);
        throw new ProtocolApiError('IndexError', `Replacement index ${idx} out of range for positional args tuple`);
      }
      if (!(root in payload)) throw new ProtocolApiError('KeyError', `'${root}'`);
      out += payload[root];
      i = close + 1;
    } else if (c === '}') {
      if (text[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw new ProtocolApiError('ValueError', "Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
