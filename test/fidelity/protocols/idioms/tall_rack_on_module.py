"""A NEST 24 screwcap tube rack on a Temperature Module GEN2: the deck's tallest point is 80.09 +
85.2 = 165.29 mm. 4.7's analysis plans each move against the height the pipette could reach when
it was loaded, without a tip (P300 GEN2: 174.6 mm), so the arcs between the rack, the tip rack and
the plate all pass. The P20 GEN2 (155.6 mm) only moves inside the plate the P300 has just left:
the origin of a move is the last location of either pipette, an arc inside one labware."""
metadata = {'protocolName': 'Tall rack on a module', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    temp = ctx.load_module('temperature module gen2', 3)
    rack = temp.load_labware('opentrons_24_tuberack_nest_1.5ml_screwcap')
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p20 = ctx.load_instrument('p20_single_gen2', 'left')
    temp.set_temperature(4)
    p300.transfer(50, rack['A1'], plate['A1'])
    p300.pick_up_tip()
    p300.aspirate(30, rack['B1'])
    p300.dispense(30, plate['B1'])
    p20.move_to(plate['C1'].top())
    p300.aspirate(20, plate['B1'])
    p300.dispense(20, plate['A2'])
    p300.drop_tip()
