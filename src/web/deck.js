// The deck map: an SVG of the OT-2 deck drawn from the deck definition in @opentrons/shared-data
// (its own drawing layers, its twelve slots, the fixed trash), each labware from its definition
// (footprint, wells or tips), modules under their labware, pipettes on their mounts. Wells are
// coloured from the liquid ledger; used tips are shown empty.
import { el, svg } from './api.js';

const MODULE_COLOURS = { magneticModuleType: '#d7e3f4', temperatureModuleType: '#f6dcc9', thermocyclerModuleType: '#e2d9f3' };

/** Deck coordinates have y up; SVG has y down: the drawing is flipped, texts are flipped back. */
function label(x, y, text, attrs = {}) {
  return svg('text', { x, y: -y, transform: 'scale(1,-1)', ...attrs }, text);
}

function layer(node) {
  if (node.type !== 'element') return null;
  const attrs = { ...node.attributes };
  delete attrs.id;
  return svg(node.name, attrs, ...(node.children ?? []).map(layer));
}

function slotMap(deck) {
  return new Map(deck.locations.orderedSlots.map((s) => [s.id, { x: s.position[0], y: s.position[1], w: s.boundingBox.xDimension, h: s.boundingBox.yDimension }]));
}

/** A colour for a well from its ledger summary, with the words a legend and a screen reader use. */
export function wellFill(summary) {
  if (!summary) return { fill: '#ffffff', meaning: 'untouched' };
  if (summary.finalVolume === null) return { fill: '#5b8def', meaning: 'source: liquid taken out' };
  if (summary.finalVolume <= 0) return { fill: '#ffffff', meaning: 'emptied' };
  const share = Math.max(0.15, Math.min(1, summary.finalVolume / (summary.capacity || summary.finalVolume)));
  return { fill: `rgba(46, 160, 90, ${share.toFixed(2)})`, meaning: `${summary.finalVolume} µL at the end` };
}

function drawLabware(item, origin, names, { liquids, tipsUsed, onWell, onLabware, selectedWell }) {
  const def = item.definition;
  const x0 = origin.x + (def.cornerOffsetFromSlot?.x ?? 0);
  const y0 = origin.y + (def.cornerOffsetFromSlot?.y ?? 0);
  const isTiprack = def.parameters.isTiprack;
  const name = def.metadata.displayName;
  const group = svg('g', {
    class: 'labware',
    'data-uri': item.uri,
    'data-slot': item.location,
    tabindex: 0,
    role: 'button',
    'aria-label': `${name} in slot ${item.location}${item.label && item.label !== def.parameters.loadName ? `, labelled ${item.label}` : ''}`,
    onclick: (ev) => { if (ev.target === group || ev.target.classList.contains('lw-body')) onLabware?.(item); },
    onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onLabware?.(item); } },
  });
  group.append(svg('rect', { class: 'lw-body', x: x0, y: y0, width: def.dimensions.xDimension, height: def.dimensions.yDimension, rx: 2 }));
  for (const [wellName, w] of Object.entries(def.wells)) {
    const key = `${item.location}|${wellName}`;
    const used = isTiprack && tipsUsed?.has(key);
    const fill = isTiprack ? { fill: used ? '#ffffff' : '#c9ced6', meaning: used ? 'tip used' : 'tip' } : wellFill(liquids.get(key));
    const common = {
      class: `well${used ? ' used' : ''}${selectedWell === key ? ' selected' : ''}`,
      fill: fill.fill,
      'data-well': wellName,
      onclick: () => onWell?.(item, wellName),
    };
    const shape = w.shape === 'circular'
      ? svg('circle', { ...common, cx: x0 + w.x, cy: y0 + w.y, r: (w.diameter ?? 3) / 2 })
      : svg('rect', { ...common, x: x0 + w.x - (w.xDimension ?? 3) / 2, y: y0 + w.y - (w.yDimension ?? 3) / 2, width: w.xDimension ?? 3, height: w.yDimension ?? 3 });
    shape.append(svg('title', {}, `${wellName} of ${name}: ${fill.meaning}`));
    group.append(shape);
  }
  // Names go on a layer above every labware, so a neighbour never hides one.
  names.append(label(x0 + 2, y0 + def.dimensions.yDimension - 6.5, name.length > 38 ? `${name.slice(0, 37)}…` : name, { class: 'lw-name' }));
  return group;
}

/**
 * The deck of one analysed protocol. `analysis` is `GET /protocols/{id}/analysis`'s data;
 * `tipsUsed` a set of `slot|well` keys.
 */
export function renderDeck(deckData, analysis, options = {}) {
  const { deck, fixedTrash, modules: moduleInfo } = deckData;
  const slots = slotMap(deck);
  const { x: ox, y: oy } = { x: deck.cornerOffsetFromOrigin[0], y: deck.cornerOffsetFromOrigin[1] };
  const [w, h] = deck.dimensions;
  const top = 46; // room above the deck for the mounts
  const root = svg('svg', {
    class: 'deck',
    viewBox: `${ox} ${-(oy + h) - top} ${w} ${h + top}`,
    role: 'group',
    'aria-label': 'OT-2 deck map',
  });
  const flipped = svg('g', { transform: 'scale(1,-1)' });
  root.append(flipped);
  for (const node of deck.layers) { const drawn = layer(node); if (drawn) flipped.append(drawn); }

  const liquids = new Map((analysis?.liquids ?? []).map((l) => [`${l.slot}|${l.well}`, l]));
  for (const [id, s] of slots) {
    flipped.append(svg('rect', { class: 'slot', x: s.x, y: s.y, width: s.w, height: s.h, rx: 3 }));
    flipped.append(label(s.x + 3, s.y + s.h - 9, id, { class: 'slot-number' }));
  }

  const moduleNames = [];
  const names = svg('g', { class: 'names', 'aria-hidden': 'true' });
  const modules = new Map((analysis?.requiredEquipment?.modules ?? []).map((m) => [String(m.location), m]));
  for (const [slot, m] of modules) {
    const s = slots.get(slot);
    if (!s) continue;
    const info = moduleInfo[m.model] ?? {};
    // A thermocycler stands on slots 7 and 10 and, unless the protocol loads it 'semi', 8 and 11.
    const covered = m.model.startsWith('thermocycler')
      ? [...slots.entries()].filter(([id]) => ['7', '10', ...((analysis.labware ?? []).some((l) => ['8', '11'].includes(String(l.location))) ? [] : ['8', '11'])].includes(id)).map(([, v]) => v)
      : [s];
    const area = {
      x: Math.min(...covered.map((c) => c.x)) - 2,
      y: Math.min(...covered.map((c) => c.y)) - 2,
      w: Math.max(...covered.map((c) => c.x + c.w)) - Math.min(...covered.map((c) => c.x)) + 4,
      h: Math.max(...covered.map((c) => c.y + c.h)) - Math.min(...covered.map((c) => c.y)) + 4,
    };
    flipped.append(svg('rect', { class: 'module', x: area.x, y: area.y, width: area.w, height: area.h, rx: 4, fill: MODULE_COLOURS[info.type] ?? '#e6e6e6', 'data-model': m.model }));
    moduleNames.push(label(area.x + 4, area.y + 1.5, info.displayName ?? m.model, { class: 'module-name' }));
  }

  const trashSlot = slots.get('12');
  const placed = [...(analysis?.labware ?? [])];
  if (trashSlot && fixedTrash && !placed.some((l) => String(l.location) === '12')) {
    placed.push({ label: 'Fixed Trash', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12, definition: fixedTrash });
  }
  for (const item of placed) {
    const s = slots.get(String(item.location));
    if (!s || !item.definition) continue;
    const onModule = modules.get(String(item.location));
    const offset = onModule ? moduleInfo[onModule.model]?.labwareOffset ?? { x: 0, y: 0 } : { x: 0, y: 0 };
    flipped.append(drawLabware(item, { x: s.x + offset.x, y: s.y + offset.y }, names, { liquids, ...options }));
  }
  names.append(...moduleNames);
  flipped.append(names);

  // Mounts above the deck: left on the left, as one faces the robot.
  const pipettes = analysis?.requiredEquipment?.pipettes ?? [];
  for (const [i, mount] of ['left', 'right'].entries()) {
    const p = pipettes.find((x) => x.mount === mount);
    const x = ox + 20 + i * (w / 2);
    const y = oy + h + 8;
    const g = svg('g', { class: `mount${p ? ' loaded' : ''}`, 'data-mount': mount });
    g.append(svg('rect', { x, y, width: w / 2 - 40, height: top - 14, rx: 5 }));
    g.append(label(x + 8, y + 12, `${mount} mount: ${p ? `${p.pipetteName} (${p.channels} channel${p.channels > 1 ? 's' : ''})` : 'empty'}`, { class: 'mount-name' }));
    flipped.append(g);
  }
  return root;
}

/** The legend under the map. */
export function deckLegend() {
  const item = (fill, text, extra = '') => el('span', { class: 'legend-item' }, el('span', { class: `swatch ${extra}`, style: `background:${fill}` }), text);
  return el('p', { class: 'legend', 'aria-label': 'Legend' },
    item('#5b8def', 'source well (liquid taken out)'),
    item('rgba(46,160,90,.7)', 'liquid at the end (darker: fuller)'),
    item('#c9ced6', 'tip'),
    item('#ffffff', 'used tip / untouched well', 'outlined'));
}
