// The dashboard shell: protocols and sessions on the left, the selected view on the right
// (a protocol's deck map, a session's live run, or the labware library), chosen by the URL hash
// so every view can be linked and the back button works.
import { api, el, fill } from './api.js';
import { deckLegend, renderDeck } from './deck.js';
import { mountLibrary } from './library.js';
import { mountRun, wellHistory } from './run.js';

const $ = (id) => document.getElementById(id);
let deckData = null;
let live = null; // the mounted run view, closed when the view changes
window.__labwright = { get run() { return live; } };

function route() {
  const m = /^#(protocol|session)=(.+)$/.exec(location.hash);
  if (m) return { kind: m[1], id: decodeURIComponent(m[2]) };
  if (location.hash === '#library') return { kind: 'library' };
  return { kind: 'home' };
}

function go(hash) { if (location.hash === hash) show(); else location.hash = hash; }

async function refreshLists() {
  const [protocols, sessions] = await Promise.all([api('GET', '/protocols').catch(() => ({ data: [] })), api('GET', '/sessions').catch(() => ({ data: [] }))]);
  const current = route();
  const item = (selected, href, ...content) => el('li', {}, el('a', { href, class: `item${selected ? ' selected' : ''}`, ...(selected ? { 'aria-current': 'page' } : {}) }, ...content));
  $('protocols').replaceChildren(...(protocols.data.length ? protocols.data.map((p) =>
    item(current.kind === 'protocol' && current.id === p.id, `#protocol=${encodeURIComponent(p.id)}`,
      p.metadata.name ?? p.id, ' ',
      p.analysisStale ? el('span', { class: 'warn' }, '· re-analysing') : p.errors.length ? el('span', { class: 'err' }, '· error') : el('span', { class: 'muted' }, `· API ${p.metadata.apiLevel ?? '?'}`))) : [el('li', { class: 'muted' }, 'none yet')]));
  const ps = sessions.data.filter((s) => s.sessionType === 'protocol');
  $('sessions').replaceChildren(...(ps.length ? ps.map((s) =>
    item(current.kind === 'session' && current.id === s.id, `#session=${encodeURIComponent(s.id)}`,
      el('span', { class: `state ${s.details.currentState}` }, s.details.currentState), ' ', s.details.protocolId)) : [el('li', { class: 'muted' }, 'none yet')]));
}

function wellPanel(analysis) {
  const panel = el('div', { class: 'well-panel', role: 'region', 'aria-label': 'Well details', 'aria-live': 'polite' }, el('p', { class: 'muted' }, 'Select a labware (Tab, Enter) or click a well to see its volume history.'));
  const showWell = (item, wellName) => {
    const slot = String(item.location);
    const ledger = (analysis.liquids ?? []).find((l) => String(l.slot) === slot && l.well === wellName);
    // The ledger's own history; analyses stored before it existed fall back to the run log's texts.
    const fromLedger = (analysis.liquidHistory ?? []).find((h) => String(h.slot) === slot && h.well === wellName);
    const rows = fromLedger
      ? fromLedger.events.map((e) => ({ index: e.commandIndex, line: analysis.runLog?.[e.commandIndex]?.line ?? null, change: e.change, volume: e.volume }))
      : analysis.liquidHistory ? [] : wellHistory(analysis.runLog ?? [], slot, wellName);
    fill(panel,
      el('h3', {}, `${wellName} of ${item.definition.metadata.displayName} (slot ${slot})`),
      ledger
        ? el('p', {}, `In ${ledger.volumeIn} µL · out ${ledger.volumeOut} µL · ${ledger.finalVolume === null ? 'starting content unknown' : `${ledger.finalVolume} µL at the end`} · holds ${ledger.capacity} µL`)
        : el('p', { class: 'muted' }, 'No liquid moved in or out of this well.'),
      rows.length
        ? el('table', { class: 'history' }, el('thead', {}, el('tr', {}, el('th', {}, 'Step'), el('th', {}, 'Line'), el('th', {}, 'Change (µL)'), el('th', {}, 'Volume (µL)'))),
            el('tbody', {}, rows.map((r) => el('tr', {}, el('td', {}, r.index + 1), el('td', {}, r.line ?? ''), el('td', {}, r.change > 0 ? `+${r.change}` : r.change), el('td', {}, r.volume ?? '?')))))
        : null,
    );
  };
  const showLabware = (item) => {
    const touched = (analysis.liquids ?? []).filter((l) => String(l.slot) === String(item.location));
    fill(panel,
      el('h3', {}, `${item.definition.metadata.displayName} (slot ${item.location})`),
      el('p', { class: 'muted' }, `${item.uri}${item.source ? ` · from the ${item.source === 'library' ? 'labware library' : 'protocol'}` : ''}`),
      touched.length
        ? el('div', { class: 'well-buttons', role: 'group', 'aria-label': 'Wells with liquid movements' }, touched.map((l) => el('button', { type: 'button', onclick: () => showWell(item, l.well) }, l.well)))
        : el('p', { class: 'muted' }, 'No liquid moved in or out of this labware.'),
    );
  };
  return { panel, showWell, showLabware };
}

async function showProtocol(box, id) {
  const [{ data: p }, { data: a }] = await Promise.all([api('GET', `/protocols/${encodeURIComponent(id)}`), api('GET', `/protocols/${encodeURIComponent(id)}/analysis`)]);
  const sources = new Map((a.customLabware ?? []).map((u) => [u.uri, u.source]));
  a.labware = a.labware.map((l) => ({ ...l, source: sources.get(l.uri) }));
  const wells = wellPanel(a);
  fill(box,
    el('h2', {}, p.metadata.name ?? p.id),
    el('p', { class: 'muted' }, `${p.protocolFile.basename} · apiLevel ${p.metadata.apiLevel ?? '?'} · ${p.metadata.author ? `by ${p.metadata.author} · ` : ''}${a.commandCount} commands · about ${Math.round(a.estimatedDurationSeconds / 60)} min`),
    p.analysisStale ? el('p', { class: 'warn', role: 'status' }, `Being analysed again: ${p.analysisStale.reason}`) : null,
    ...p.errors.map((e) => el('p', { class: 'err', role: 'alert' }, `${e.type}${e.lineNumber ? ` (line ${e.lineNumber})` : ''}: ${e.description}`)),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', disabled: p.errors.length > 0, onclick: async () => {
        const s = await api('POST', '/sessions', { data: { sessionType: 'protocol', createParams: { protocolId: p.id } } });
        await refreshLists();
        go(`#session=${encodeURIComponent(s.data.id)}`);
      } }, 'New run'),
      el('button', { type: 'button', onclick: async () => {
        if (!confirm(`Delete protocol ${p.id}?`)) return;
        await api('DELETE', `/protocols/${encodeURIComponent(p.id)}`);
        await refreshLists();
        go('#');
      } }, 'Delete protocol')),
    el('div', { class: 'run-body' },
      el('div', {}, renderDeck(deckData, a, { onWell: wells.showWell, onLabware: wells.showLabware }), deckLegend()),
      wells.panel),
  );
}

async function showSession(box, id) {
  const { data: s } = await api('GET', `/sessions/${encodeURIComponent(id)}`);
  const { data: a } = await api('GET', `/protocols/${encodeURIComponent(s.details.protocolId)}/analysis`);
  const wells = wellPanel(a);
  let lastState = null;
  live = mountRun(box, {
    session: s,
    analysis: a,
    deckData,
    onWell: wells.showWell,
    onState: (state) => { if (state !== lastState) { lastState = state; refreshLists(); } },
  });
  box.append(wells.panel);
}

async function show() {
  live?.close();
  live = null;
  const box = $('detail');
  const r = route();
  document.querySelectorAll('nav a').forEach((a) => a.toggleAttribute('aria-current', (a.getAttribute('href') === '#library') === (r.kind === 'library')));
  await refreshLists();
  try {
    if (r.kind === 'library') await mountLibrary(box);
    else if (r.kind === 'protocol') await showProtocol(box, r.id);
    else if (r.kind === 'session') await showSession(box, r.id);
    else box.replaceChildren(el('h2', {}, 'Welcome'), el('p', { class: 'muted' }, 'Upload a protocol, or choose one on the left to see its deck.'));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'err', role: 'alert' }, e.message));
  }
}

$('upload').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = new FormData();
  const main = ev.target.protocolFile.files[0];
  if (!main) return;
  form.append('protocolFile', main, main.name);
  for (const f of ev.target.supportFiles.files) form.append('supportFiles', f, f.name);
  $('uploadStatus').textContent = 'analysing…';
  try {
    const res = await api('POST', '/protocols', form);
    $('uploadStatus').textContent = res.data.errors.length ? 'uploaded, with errors' : 'uploaded';
    ev.target.reset();
    go(`#protocol=${encodeURIComponent(res.data.id)}`);
  } catch (e) { $('uploadStatus').textContent = e.message; }
});

window.addEventListener('hashchange', show);
api('GET', '/health').then((h) => { $('health').textContent = `${h.name} · API ${h.api_version} · simulated robot`; }).catch(() => { $('health').textContent = 'server unreachable'; });
deckData = await (await fetch('/dashboard/deck.json')).json();
await show();
document.body.dataset.ready = 'true';
