import { Type } from '@sinclair/typebox';
import type { ComplexOptions } from '../../transfer.ts';
import { TransferPlan } from '../../transfer.ts';
import { EngineView } from '../../view.ts';
import { defineCommand } from '../command.ts';
import { Id, PyNumber } from '../params.ts';

const HEADER: Record<ComplexOptions['mode'], { name: string; verb: string } | null> = {
  transfer: null,
  distribute: { name: 'command.DISTRIBUTE', verb: 'Distributing' },
  consolidate: { name: 'command.CONSOLIDATE', verb: 'Consolidating' },
};

/**
 * `pipette.transfer / distribute / consolidate`: the run-log headers of the original (§10.6), then
 * the plan's commands, each run as a child of this one.
 */
export const transfer = defineCommand({
  commandType: 'labwright/transfer',
  params: Type.Object({
    pipetteId: Id,
    mode: Type.Union([Type.Literal('transfer'), Type.Literal('distribute'), Type.Literal('consolidate')]),
    // Volumes, sources and destinations as the protocol passed them (numbers, nested lists,
    // locations or anything else, whose repr the errors quote): the plan checks them itself.
    volume: Type.Union([PyNumber, Type.Array(PyNumber), Type.Object({ kind: Type.Literal('other'), repr: Type.String() })]),
    source: Type.Unknown(),
    dest: Type.Unknown(),
    options: Type.Record(Type.String(), Type.Unknown()),
  }),
  execute(params, { state, runChild }) {
    const spec = params as unknown as ComplexOptions;
    const plan = new TransferPlan(new EngineView(state), params.pipetteId, spec);
    const header = plan.header();
    const outer = HEADER[params.mode];
    if (outer) state.log.before(outer.name, `${outer.verb} ${header}`);
    // distribute() and consolidate() check the blow-out location themselves before they call
    // transfer(), so a refusal there leaves their header alone; transfer() checks after its own.
    if (params.mode !== 'transfer') plan.validateBlowoutLocation();
    state.log.before('command.TRANSFER', `Transferring ${header}`);
    if (params.mode === 'transfer') plan.validateBlowoutLocation();
    plan.validate();
    for (const command of plan.commands()) runChild(command);
    state.log.after();
    if (outer) state.log.after();
  },
});
