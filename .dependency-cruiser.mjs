// The layers of Labwright, bottom first, and the rules that keep imports pointing down.
// Checked by test/architecture/layers.test.ts (`npm test`); `npx depcruise src` prints the same.
// docs/ARCHITECTURE.md draws them.

/** Folders of `src/`, bottom first; folders in one layer may not import each other. */
export const LAYERS = [
  ['common'],
  ['definitions'],
  ['engine'],
  ['analysis'],
  ['json', 'python'],
  ['service'],
  ['store'],
  ['library'],
  ['notifications'],
  ['runner'],
  ['web'],
  ['server'],
  ['cli'],
];

const folders = (names) => `^src/(${names.join('|')})/`;

function layerRules() {
  const rules = [];
  LAYERS.forEach((layer, index) => {
    const above = LAYERS.slice(index + 1).flat();
    if (above.length > 0) {
      rules.push({
        name: `layer-${layer.join('-')}`,
        comment: `${layer.join(', ')} may import only the layers below it`,
        severity: 'error',
        from: { path: folders(layer) },
        to: { path: folders(above) },
      });
    }
    for (const folder of layer) {
      const siblings = layer.filter((other) => other !== folder);
      if (siblings.length === 0) continue;
      rules.push({
        name: `sibling-${folder}`,
        comment: `${folder} and ${siblings.join(', ')} are one layer: neither imports the other`,
        severity: 'error',
        from: { path: folders([folder]) },
        to: { path: folders(siblings) },
      });
    }
  });
  return rules;
}

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle ties modules that should stand alone',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-through-index',
      comment: "a folder reaches another folder only through its index.ts, never its internals",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'state-written-by-stores-only',
      comment: "the run's state is written only by the stores, which apply state updates (src/engine/state-update.ts)",
      severity: 'error',
      from: { pathNot: '^src/engine/stores/' },
      to: { path: '^src/engine/stores/writable\\.ts$' },
    },
    ...layerRules(),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/web/[^/]+\\.js$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
