// Commands change the run's state only through state updates: recorded with their commands, the
// updates rebuild the same state on a fresh one (the protocols below cover every store).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sharedDefinitions } from '../../src/definitions/index.ts';
import { LEVEL_OF_4_7, ProtocolEngine } from '../../src/engine/index.ts';
import type { EngineOptions } from '../../src/engine/index.ts';
import { EngineState } from '../../src/engine/state.ts';
import { updateTypes } from '../../src/engine/stores/index.ts';
import { readEngineJson } from '../../src/json/engine-json/read.ts';
import { translateEngineJson } from '../../src/json/engine-json/translate.ts';
import type { LabwareDefinition } from '../../src/engine/index.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { repoRoot } from '../helpers/paths.ts';
import { assertReplayRebuilds, CONCERNS, NOT_STATE } from './replay.ts';

function recorded(apiLevel = '2.11'): { engine: ProtocolEngine; options: EngineOptions } {
  const options: EngineOptions = { apiLevel, definitions: sharedDefinitions(), recordStateUpdates: true };
  return { engine: new ProtocolEngine(options), options };
}

describe('state updates', () => {
  it('every field of the state belongs to one concern, or is not state', () => {
    const state = new EngineState({ apiLevel: '2.11', definitions: sharedDefinitions() });
    const owned = [...Object.values(CONCERNS).flat(), ...NOT_STATE];
    const unowned = Object.keys(state).filter((key) => !owned.includes(key));
    assert.deepEqual(unowned, [], 'a state field no concern owns (add it to CONCERNS in test/engine/replay.ts)');
    assert.equal(new Set(owned).size, owned.length, 'a field listed twice');
  });

  it('the notes describe every update type the stores handle, and no other', () => {
    // docs/notes/engine.md, *State updates and stores*: one table row per update type.
    const notes = readFileSync(join(repoRoot, 'docs/notes/engine.md'), 'utf8');
    const section = notes.slice(notes.indexOf('## State updates and stores'));
    const described = [...section.matchAll(/^\| `([a-z]+\/[A-Za-z]+)` \|/gm)].map((m) => m[1]).sort();
    assert.deepEqual(described, [...updateTypes()].sort());
  });

  it('each command record carries the updates it applied', () => {
    const { engine } = recorded();
    const record = engine.execute({ commandType: 'setRailLights', params: { on: true } });
    assert.deepEqual(record.stateUpdates, [{ type: 'run/railLightsSet', on: true }]);
    const quiet = new ProtocolEngine({ apiLevel: '2.11', definitions: sharedDefinitions() });
    assert.equal(quiet.execute({ commandType: 'setRailLights', params: { on: true } }).stateUpdates, null);
  });

  it('a protocol through the engine: loads, tips, liquid handling, modules, pauses, lights', () => {
    const { engine: e, options } = recorded();
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const reservoir = e.loadLabware('nest_12_reservoir_15ml', 3).labwareId;
    const p = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
    const temp = e.loadModule('temperature module gen2', 4).moduleId;
    const onTemp = (e.run({ commandType: 'loadLabware', params: { location: { moduleId: temp }, loadName: 'opentrons_96_aluminumblock_generic_pcr_strip_200ul', displayName: null, namespace: null, version: null } }) as { labwareId: string }).labwareId;
    const well = (labwareId: string, wellName: string) => ({ kind: 'well' as const, labwareId, wellName });
    e.run({ commandType: 'setRailLights', params: { on: true } });
    e.pickUpTip(p, null);
    e.aspirate(p, 100, well(reservoir, 'A1'), 1);
    e.dispense(p, 50, well(plate, 'A1'), 1);
    e.dispense(p, 50, well(onTemp, 'B1'), 1);
    e.blowOut(p, null);
    e.dropTip(p, null);
    e.pause('check');
    e.resume();
    e.run({ commandType: 'savePosition', params: { pipetteId: p } });
    assertReplayRebuilds(e, options, 'engine protocol');
  });

  describe('JSON protocols of schemas 6–8 (the fixtures @opentrons/shared-data ships)', () => {
    // The files an OT-2 reads (the Flex ones and the V9/V10 commands are refused before any run).
    const readable = ['6', '7', '8'].flatMap((dir) =>
      readdirSync(jsonProtocolFixture(dir))
        .filter((file) => file.endsWith('.json'))
        .flatMap((file) => {
          try {
            return [{ id: `${dir}/${file}`, doc: readEngineJson(readFileSync(jsonProtocolFixture(`${dir}/${file}`)), file) }];
          } catch {
            return [];
          }
        }),
    );
    it('reads the fixtures', () => assert.ok(readable.length >= 10, `only ${readable.length} fixtures read`));
    for (const { id, doc } of readable) {
      it(id, () => {
        const translation = translateEngineJson(doc);
        const options: EngineOptions = {
          apiLevel: LEVEL_OF_4_7,
          definitions: sharedDefinitions(),
          customLabware: Object.values(doc.labwareDefinitions) as unknown as LabwareDefinition[],
          protocolEngine: true,
          preloadFixedTrash: doc.schemaVersion <= 7,
          liquids: translation.liquids,
          recordStateUpdates: true,
        };
        const engine = new ProtocolEngine(options);
        for (const command of translation.commands) {
          if (engine.execute({ commandType: command.commandType, params: command.params }).status === 'failed') break;
        }
        assertReplayRebuilds(engine, options, id);
      });
    }
  });
});
