"""Tip handling around the 2.2 rules, with a semi-configured thermocycler."""
metadata = {'protocolName': 'Tip rules at 2.2', 'author': 'QA', 'apiLevel': '2.2'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.pick_up_tip()
    p300.aspirate(100, plate['A1'])
    p300.dispense(100, plate['B1'])
    p300.drop_tip(tips['A1'])  # from 2.2: into the rack well, not back into the tracker
    p300.pick_up_tip()
    p300.return_tip()
    p300.pick_up_tip()
    p300.drop_tip()
    ctx.comment('A1 has tip: {}, B1 has tip: {}'.format(tips['A1'].has_tip, tips['B1'].has_tip))
