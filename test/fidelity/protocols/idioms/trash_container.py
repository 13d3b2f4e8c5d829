"""The pipette's trash container used as an ordinary location (issue: real protocols dispense,
blow out and drop tips into `trash_container.wells()[0]` and its `top()`)."""
metadata = {'protocolName': 'Trash container as a location', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    trash = p300.trash_container
    ctx.comment('{} / {} / {}'.format(trash, trash.wells()[0], trash['A1']))
    p300.pick_up_tip()
    p300.aspirate(100, plate['A1'])
    p300.dispense(50, trash.wells()[0])
    p300.dispense(50, trash['A1'].top())
    p300.blow_out(trash.wells()[0].top())
    p300.transfer(30, plate['A2'], trash.wells()[0], new_tip='never')
    p300.drop_tip(trash.wells()[0])
    p300.pick_up_tip()
    p300.drop_tip(trash['A1'].top())
