"""The same rack on a Temperature Module GEN2 with a P20 GEN2: 4.7's analysis gives it 172.15 - 2
- 14.55 = 155.6 mm (no tip), below 165.29 + 1 mm, so its first arc between labware is refused.
The check is made at each move against the deck as it is then: the pick-up before the module's
labware was loaded passes."""
metadata = {'protocolName': 'Tall rack with a P20', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    temp = ctx.load_module('temperature module gen2', 3)
    p20 = ctx.load_instrument('p20_single_gen2', 'right', tip_racks=[tips])
    p20.pick_up_tip()
    rack = temp.load_labware('opentrons_24_tuberack_nest_1.5ml_screwcap')
    p20.aspirate(10, plate['A1'])
    p20.dispense(10, rack['A1'])
