"""A 160 mm labware beside the pipette's moves: 4.7's analysis gives the P300 GEN2 the 174.6 mm it
had at load (a tip does not lower it), above 160 + 1 mm; so 4.7 raises nothing here."""
metadata = {'protocolName': 'Tall labware nearby', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    ctx.load_labware('examplelabs_1_tower_160mm', 3)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.pick_up_tip()
    p300.move_to(tips['H12'].top())
    p300.return_tip()
    p300.pick_up_tip(tips['C1'])
    p300.drop_tip(tips['C1'])
