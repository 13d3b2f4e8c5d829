"""A tall labware on a magnetic module: the deck's tallest point is the labware's top plus the
module's height over labware, and the error names the labware."""
metadata = {'protocolName': 'Tall labware on a module', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    mag = ctx.load_module('magnetic module gen2', 3)
    tower = mag.load_labware('examplelabs_1_tower_160mm')
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.pick_up_tip()
    p300.aspirate(100, tower['A1'])
