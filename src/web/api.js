// The dashboard's only ways out: the public HTTP API (Opentrons-Version: 2) and the notifications
// websocket. Plus two small element builders, so pages are plain functions of their data.
export const HEADERS = { 'Opentrons-Version': '2' };

/** An HTTP error with the original's error list, so pages can show the refusal as sent. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.errors?.map((e) => (e.source?.pointer ? `${e.source.pointer}: ${e.detail}` : e.detail)).join('; ') || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export async function api(method, path, body) {
  const init = { method, headers: { ...HEADERS } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, init);
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Replaces a node's children, skipping empty ones (null, undefined, false). */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
  }
}

/**
 * Follows one notifications topic. Every frame's sequence number is remembered; after a dropped
 * connection it reconnects with `since=<last seen>` and so misses nothing and repeats nothing.
 */
export function follow(topic, { onNotice, onStatus }) {
  let lastSeq = 0;
  let socket = null;
  let closed = false;
  let retry = 250;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const url = `${scheme}://${location.host}/notifications/subscribe?topic=${encodeURIComponent(topic)}&since=${lastSeq}`;
    socket = new WebSocket(url);
    socket.onopen = () => { retry = 250; onStatus?.('live'); };
    socket.onmessage = (m) => {
      const frame = JSON.parse(m.data);
      const data = frame.event?.data;
      if (data?.type === 'replayTruncated') { onStatus?.('truncated'); return; }
      if (typeof data?.seq === 'number') {
        if (data.seq <= lastSeq) return;
        lastSeq = data.seq;
      }
      onNotice(data);
    };
    socket.onclose = () => {
      if (closed) return;
      onStatus?.('reconnecting');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 4000);
    };
  };
  connect();
  return {
    get lastSeq() { return lastSeq; },
    /** Drops the connection as a network failure would (the page then catches up with since=). */
    drop() { socket?.close(); },
    close() { closed = true; socket?.close(); },
  };
}
