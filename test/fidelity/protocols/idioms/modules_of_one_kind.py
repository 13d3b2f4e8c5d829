"""Three temperature modules, each given a set-point later; one slot cleared and reused while
its module stays in use."""
metadata = {'protocolName': 'Three temperature modules', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    temps = [ctx.load_module('temperature module gen2', slot) for slot in ('1', '4', '7')]
    blocks = [t.load_labware('opentrons_24_aluminumblock_nest_1.5ml_snapcap') for t in temps]
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 2)
    p20 = ctx.load_instrument('p20_single_gen2', 'left', tip_racks=[tips])
    p20.transfer(5, blocks[1]['A1'], blocks[2]['A1'])
    del ctx.deck['1']
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', '1')
    for celsius, temp in zip((4, 8, 95), temps):
        temp.set_temperature(celsius)
    ctx.comment('modules in slots {}'.format(sorted(ctx.loaded_modules)))
    p20.transfer(5, blocks[2]['A1'], plate['A1'])
    for temp in temps:
        temp.deactivate()
