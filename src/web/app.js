// The dashboard talks to the same HTTP API as every other client (Opentrons-Version: 2) and polls
// it; no private endpoints, so what it shows is what any client would see.
const H = { 'Opentrons-Version': '2' };
const $ = (id) => document.getElementById(id);
let selected = null; // { kind: 'protocol' | 'session', id }

async function api(method, path, body) {
  const init = { method, headers: { ...H } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
  const res = await fetch(path, init);
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.errors?.map((e) => e.detail).join('; ') || res.statusText);
  return json;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function renderList(target, items, render) {
  const list = $(target);
  list.replaceChildren(...(items.length ? items.map(render) : [el('li', { class: 'muted' }, 'none')]));
}

async function refresh() {
  try {
    const health = await api('GET', '/health');
    $('health').textContent = `${health.name ?? 'robot'} · API ${health.api_version ?? ''} · simulated`;
  } catch { $('health').textContent = 'server unreachable'; }
  const [protocols, sessions] = await Promise.all([
    api('GET', '/protocols').catch(() => ({ data: [] })),
    api('GET', '/sessions').catch(() => ({ data: [] })),
  ]);
  renderList('protocols', protocols.data, (p) =>
    el('li', { class: `item${selected?.id === p.id ? ' selected' : ''}`, onclick: () => select('protocol', p.id) },
      p.id, ' ', el('span', { class: p.errors.length ? 'err' : 'muted' }, p.errors.length ? '· error' : `· API ${p.metadata.apiLevel ?? '?'}`)));
  const protocolSessions = sessions.data.filter((s) => s.sessionType === 'protocol');
  renderList('sessions', protocolSessions, (s) =>
    el('li', { class: `item${selected?.id === s.id ? ' selected' : ''}`, onclick: () => select('session', s.id) },
      el('span', { class: `state ${s.details.currentState}` }, s.details.currentState), ' ',
      s.details.protocolId, el('div', { class: 'muted' }, s.id)));
  if (selected) await renderDetail();
}

// The selection lives in the URL hash (#session=<id>, #protocol=<id>) so a view can be linked.
function select(kind, id) { selected = { kind, id }; history.replaceState(null, '', `#${kind}=${encodeURIComponent(id)}`); refresh(); }
function selectionFromHash() {
  const m = /^#(protocol|session)=(.+)$/.exec(location.hash);
  return m ? { kind: m[1], id: decodeURIComponent(m[2]) } : null;
}

function equipmentTable(eq) {
  const rows = [
    ...eq.pipettes.map((p) => ['pipette', p.mount, `${p.pipetteName} (${p.channels} ch)`]),
    ...eq.labware.map((l) => ['labware', `slot ${l.location}`, `${l.label} — ${l.uri}`]),
    ...eq.modules.map((m) => ['module', `slot ${m.location}`, m.model]),
  ];
  return el('table', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c)))));
}

async function renderDetail() {
  const box = $('detail');
  if (selected.kind === 'protocol') {
    let p;
    try { p = (await api('GET', `/protocols/${encodeURIComponent(selected.id)}`)).data; } catch { selected = null; box.replaceChildren(); return; }
    box.replaceChildren(
      el('h2', {}, p.metadata.name ?? p.id),
      el('p', { class: 'muted' }, `${p.protocolFile.basename} · apiLevel ${p.metadata.apiLevel ?? '?'} · author ${p.metadata.author ?? '—'} · support files: ${p.supportFiles.map((f) => f.basename).join(', ') || 'none'}`),
      ...p.errors.map((e) => el('p', { class: 'err' }, `${e.type}${e.lineNumber ? ` [line ${e.lineNumber}]` : ''}: ${e.description}`)),
      equipmentTable(p.requiredEquipment),
      el('p', {},
        el('button', { onclick: async () => { const s = await api('POST', '/sessions', { data: { sessionType: 'protocol', createParams: { protocolId: p.id } } }); select('session', s.data.id); } }, 'New session'),
        el('button', { onclick: async () => { await api('DELETE', `/protocols/${encodeURIComponent(p.id)}`); selected = null; box.replaceChildren(); refresh(); } }, 'Delete')),
    );
    return;
  }
  let s;
  try { s = (await api('GET', `/sessions/${selected.id}`)).data; } catch { selected = null; box.replaceChildren(); return; }
  const state = s.details.currentState;
  const command = (name) => () => api('POST', `/sessions/${s.id}/commands/execute`, { data: { command: name, data: {} } }).then(refresh).catch((e) => alert(e.message));
  // Protocol events come as .start/.end pairs; nesting is the number of commands still open.
  const lines = [];
  let depth = 0;
  for (const e of s.details.events) {
    if (e.source !== 'protocol') {
      lines.push(`— ${e.event}${e.params?.text ? `: ${e.params.text}` : ''}`);
    } else if (e.event.endsWith('.start')) {
      lines.push('  '.repeat(depth) + (e.params?.text ?? e.event));
      depth += 1;
    } else if (e.event.endsWith('.end')) {
      depth = Math.max(0, depth - 1);
    }
  }
  const started = s.details.events.filter((e) => e.source === 'protocol' && e.event.endsWith('.start'));
  const log = lines.join('\n');
  box.replaceChildren(
    el('h2', {}, `Session ${s.id}`),
    el('p', {}, el('span', { class: `state ${state}` }, state), ' ', el('span', { class: 'muted' }, `protocol ${s.details.protocolId}`)),
    el('p', {},
      el('button', { onclick: command('protocol.startRun'), ...(state === 'loaded' ? {} : { disabled: '' }) }, 'Start'),
      el('button', { onclick: command('protocol.pause'), ...(state === 'running' ? {} : { disabled: '' }) }, 'Pause'),
      el('button', { onclick: command('protocol.resume'), ...(state === 'paused' ? {} : { disabled: '' }) }, 'Resume'),
      el('button', { onclick: command('protocol.cancel'), ...(['running', 'paused'].includes(state) ? {} : { disabled: '' }) }, 'Cancel'),
      el('button', { onclick: async () => { await api('DELETE', `/sessions/${s.id}`); selected = null; box.replaceChildren(); refresh(); } }, 'Delete')),
    ...(s.details.errors ?? []).map((e) => el('p', { class: 'err' }, `${e.type ?? e.title ?? 'Error'}: ${e.description ?? e.detail ?? ''}`)),
    el('p', { class: 'muted' }, `${started.length} commands so far`),
    el('pre', { class: 'log' }, log || '(no commands yet)'),
  );
}

$('upload').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  const main = ev.target.protocolFile.files[0];
  form.append('protocolFile', main, main.name);
  for (const f of ev.target.supportFiles.files) form.append('supportFiles', f, f.name);
  $('uploadStatus').textContent = ' analysing…';
  try {
    const res = await api('POST', '/protocols', form);
    $('uploadStatus').textContent = res.data.errors.length ? ' uploaded, with errors' : ' uploaded';
    select('protocol', res.data.id);
  } catch (e) { $('uploadStatus').textContent = ` ${e.message}`; }
});

selected = selectionFromHash();
refresh();
setInterval(refresh, 1000);
