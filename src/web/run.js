// The live run of one session: run log with the current command and its source line, progress in
// modeled time, tips used on the deck, and the run controls. Everything after the first draw comes
// from the session's notifications topic (no polling); a dropped connection catches up with since=.
import { api, el, follow } from './api.js';
import { deckLegend, renderDeck } from './deck.js';

const WELL_TEXT = /(Aspirating|Dispensing) ([\d.]+) uL (?:from|into) ([A-Z]+\d+) of (.+?) on (.+?)(?: at [\d.]+ (?:speed|uL\/sec))?$/;
const TIP_TEXT = /^Picking up tip from ([A-Z]+\d+) of .+ on (?:.+ on )?(\d+)$/;

/** `slot|well` of each tip picked up in the first `count` run-log entries. */
export function tipsUsedBy(runLog, count) {
  const used = new Set();
  for (const entry of runLog.slice(0, count)) {
    const m = TIP_TEXT.exec(entry.text);
    if (m) used.add(`${m[2]}|${m[1]}`);
  }
  return used;
}

/** Every aspirate and dispense of one well in the run log, with the volume as it goes. */
export function wellHistory(runLog, slot, wellName) {
  const rows = [];
  let volume = null;
  for (const entry of runLog) {
    const m = WELL_TEXT.exec(entry.text);
    if (!m || m[3] !== wellName || (/(\d+)$/.exec(m[5])?.[1] ?? '') !== String(slot)) continue;
    const amount = Number(m[2]);
    const sign = m[1] === 'Dispensing' ? 1 : -1;
    // A well whose first event is a dispense started empty (the ledger's rule); else its start is unknown.
    if (rows.length === 0) volume = sign > 0 ? 0 : null;
    if (volume !== null) volume = Math.max(0, volume + sign * amount);
    rows.push({ index: entry.index, line: entry.line ?? null, change: sign * amount, volume, text: entry.text });
  }
  return rows;
}

export function formatSeconds(s) {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${sec} s` : `${sec} s`;
}

const CONTROLS = [
  { command: 'protocol.startRun', label: 'Start', when: ['loaded'] },
  { command: 'protocol.pause', label: 'Pause', when: ['running'] },
  { command: 'protocol.resume', label: 'Resume', when: ['paused'] },
  { command: 'protocol.cancel', label: 'Cancel', when: ['running', 'paused'] },
];

/**
 * Mounts the live view of `session` into `box`. Returns `{close, drop}` (drop: lose the
 * connection as a network would, for the reconnect check).
 */
export function mountRun(box, { session, analysis, deckData, onState, onWell }) {
  const runLog = analysis?.runLog ?? [];
  const total = analysis?.estimatedDurationSeconds ?? 0;
  let state = session.details.currentState;
  let events = [];
  let lastDrawnIndex = -1;
  let lastDrawnDone = false;
  let tipsKey = '';

  const stateBadge = el('span', { class: `state ${state}`, role: 'status', 'aria-live': 'polite' }, state);
  const connection = el('span', { class: 'muted connection' }, 'connecting…');
  const buttons = CONTROLS.map((c) =>
    el('button', {
      type: 'button',
      'data-command': c.command,
      'aria-label': `${c.label} the run`,
      onclick: async () => {
        try {
          await api('POST', `/sessions/${session.id}/commands/execute`, { data: { command: c.command, data: {} } });
        } catch (e) {
          problem.textContent = e.message;
        }
      },
    }, c.label));
  const problem = el('p', { class: 'err', role: 'alert' });
  const progress = el('progress', { max: 1000, value: 0, id: 'run-progress', 'aria-label': 'Run progress (modeled time)' });
  const timing = el('span', { class: 'timing' });
  const tipsText = el('span', { class: 'muted' });
  const current = el('p', { class: 'current', 'aria-live': 'polite' });
  const deckBox = el('div', { class: 'deck-box' });
  const rows = runLog.map((e) =>
    el('li', { class: `level-${Math.min(e.level, 3)}`, 'data-index': e.index },
      el('span', { class: 'line' }, e.line ? `line ${e.line}` : ''), el('span', { class: 'text' }, e.text)));
  const list = el('ol', { class: 'runlog', 'aria-label': 'Run log' }, rows);

  box.replaceChildren(
    el('div', { class: 'run-head' }, el('h2', {}, `Run of ${session.details.protocolId}`), stateBadge, connection),
    el('div', { class: 'controls', role: 'group', 'aria-label': 'Run controls' }, buttons),
    problem,
    el('div', { class: 'progress-row' }, el('label', { for: 'run-progress' }, 'Progress'), progress, timing),
    current,
    el('div', { class: 'run-body' }, el('div', {}, deckBox, deckLegend(), tipsText), el('div', { class: 'runlog-box' }, list)),
  );

  const runEvents = () => {
    let start = -1;
    events.forEach((e, i) => { if (e.source === 'sessionCommand' && (e.event === 'protocol.startRun' || e.event === 'protocol.startSimulate')) start = i; });
    return start < 0 ? [] : events.slice(start + 1);
  };

  const draw = () => {
    stateBadge.textContent = state;
    stateBadge.className = `state ${state}`;
    for (const [i, c] of CONTROLS.entries()) buttons[i].disabled = !c.when.includes(state);
    const started = runEvents().filter((e) => e.source === 'protocol' && e.event.endsWith('.start'));
    const count = state === 'finished' ? runLog.length : started.length;
    const index = Math.min(count, runLog.length) - 1;
    const entry = index >= 0 ? runLog[index] : null;
    const done = state === 'finished';
    const elapsed = done ? total : entry ? entry.startS : 0;
    progress.value = total > 0 ? Math.round((elapsed / total) * 1000) : done ? 1000 : 0;
    timing.textContent = `${formatSeconds(elapsed)} elapsed · ${formatSeconds(total - elapsed)} remaining (modeled)`;
    const text = started.at(-1)?.params?.text ?? entry?.text;
    current.textContent = done ? 'Run finished.' : text ? `Now: ${text}${entry?.line ? ` (line ${entry.line})` : ''}` : 'Not started.';
    if (index !== lastDrawnIndex || done !== lastDrawnDone) {
      rows[lastDrawnIndex]?.classList.remove('current');
      rows[lastDrawnIndex]?.removeAttribute('aria-current');
      for (let i = Math.max(0, Math.min(lastDrawnIndex, index)); i < rows.length; i++) rows[i].classList.toggle('done', i < index || (done && i <= index));
      if (!done && index >= 0) {
        rows[index].classList.add('current');
        rows[index].setAttribute('aria-current', 'step');
        rows[index].scrollIntoView({ block: 'nearest' });
      }
      lastDrawnIndex = index;
      lastDrawnDone = done;
    }
    const tips = tipsUsedBy(runLog, Math.max(0, count));
    tipsText.textContent = `${tips.size} tip${tips.size === 1 ? '' : 's'} used`;
    const key = [...tips].join(',');
    if (key !== tipsKey || deckBox.childElementCount === 0) {
      tipsKey = key;
      deckBox.replaceChildren(renderDeck(deckData, analysis, { tipsUsed: tips, onWell }));
    }
    onState?.(state);
  };

  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; draw(); });
  };

  const feed = follow(`sessions/${session.id}`, {
    onStatus: (s) => {
      connection.textContent = s === 'live' ? '● live' : s === 'reconnecting' ? 'reconnecting…' : 'catching up…';
      if (s === 'truncated') {
        // The server could not replay everything: start from the session as it is now.
        api('GET', `/sessions/${session.id}`).then((r) => { events = r.data.details.events; state = r.data.details.currentState; schedule(); });
      }
    },
    onNotice: (n) => {
      if (n.type === 'session.event') events.push(n.event);
      else if (n.type === 'session.state' || n.type === 'session.created') state = n.state;
      else if (n.type === 'session.deleted') state = 'deleted';
      schedule();
    },
  });
  draw();
  return { close: () => feed.close(), drop: () => feed.drop(), get lastSeq() { return feed.lastSeq; } };
}
