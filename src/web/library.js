// The labware library page: browse, upload by drag and drop (or the file chooser), see a refusal
// exactly as the server words it, delete.
import { api, el } from './api.js';

export async function mountLibrary(box) {
  const status = el('p', { class: 'upload-status', role: 'status', 'aria-live': 'polite' });
  const refusal = el('div', { class: 'refusal', role: 'alert' });
  const input = el('input', { type: 'file', id: 'labware-files', multiple: true, accept: '.json,application/json', class: 'visually-hidden' });
  const drop = el('div', {
    class: 'dropzone',
    tabindex: 0,
    role: 'button',
    'aria-label': 'Add labware definitions: drop JSON files here, or press Enter to choose files',
    onclick: () => input.click(),
    onkeydown: (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); input.click(); } },
    ondragover: (ev) => { ev.preventDefault(); drop.classList.add('over'); },
    ondragleave: () => drop.classList.remove('over'),
    ondrop: (ev) => { ev.preventDefault(); drop.classList.remove('over'); upload([...ev.dataTransfer.files]); },
  }, el('strong', {}, 'Drop labware definitions here'), el('span', { class: 'muted' }, ' or click / press Enter to choose JSON files'));
  input.addEventListener('change', () => { upload([...input.files]); input.value = ''; });
  const table = el('tbody');

  async function upload(files) {
    if (files.length === 0) return;
    refusal.replaceChildren();
    status.textContent = `Checking ${files.length} file${files.length > 1 ? 's' : ''}…`;
    const form = new FormData();
    for (const f of files) form.append('labwareFile', f, f.name);
    try {
      const res = await api('POST', '/labware', form);
      status.textContent = res.data.map((l) => `${l.uri} (${l.displayName})`).join(', ') + (res.data.length ? ' — in the library' : '');
      await refresh();
    } catch (e) {
      status.textContent = '';
      const errors = e.body?.errors ?? [{ title: 'Error', detail: e.message }];
      refusal.replaceChildren(
        el('h3', {}, `Refused — nothing was added (HTTP ${e.status ?? '?'})`),
        el('ul', {}, errors.map((x) => el('li', {}, x.source?.pointer ? el('code', {}, x.source.pointer) : null, x.source?.pointer ? ' ' : null, x.detail))),
      );
    }
  }

  async function refresh() {
    const { data } = await api('GET', '/labware');
    table.replaceChildren(
      ...(data.length === 0
        ? [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'The library is empty.'))]
        : data.map((l) =>
            el('tr', { 'data-uri': l.uri },
              el('td', {}, l.displayName),
              el('td', {}, el('code', {}, l.uri)),
              el('td', { class: 'muted' }, new Date(l.createdAt).toLocaleString()),
              el('td', {},
                el('button', {
                  type: 'button',
                  'aria-label': `Delete ${l.uri} from the library`,
                  onclick: async () => {
                    if (!confirm(`Delete ${l.uri}? Protocols that use it are analysed again.`)) return;
                    try { await api('DELETE', `/labware/${l.uri}`); status.textContent = `${l.uri} deleted`; } catch (e) { refusal.textContent = e.message; }
                    await refresh();
                  },
                }, 'Delete'))))),
    );
  }

  box.replaceChildren(
    el('h2', {}, 'Labware library'),
    el('p', { class: 'muted' }, 'Definitions kept on this robot for every protocol: a protocol finds them by load name (after its own files and the standard labware).'),
    el('label', { for: 'labware-files', class: 'visually-hidden' }, 'Labware definition files'),
    input,
    drop,
    status,
    refusal,
    el('table', { class: 'library' }, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'URI'), el('th', {}, 'Added'), el('th', {}, el('span', { class: 'visually-hidden' }, 'Actions')))), table),
  );
  await refresh();
}
