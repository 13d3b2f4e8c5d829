"""`ctx.max_speeds` as the mutable mapping of 4.7 (AxisMaxSpeeds): names in, names out, None
lifts a limit, a saved value goes back."""
metadata = {'protocolName': 'Axis speed limits', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    ctx.max_speeds['A'] = 10
    ctx.max_speeds['z'] = 20
    saved = ctx.max_speeds['A']
    ctx.comment('keys {}, items {}, A in: {}, len {}'.format(
        sorted(ctx.max_speeds.keys()), sorted(ctx.max_speeds.items()),
        'A' in ctx.max_speeds, len(ctx.max_speeds)))
    p300.pick_up_tip()
    ctx.max_speeds['A'] = None
    p300.aspirate(50, plate['A1'])
    ctx.max_speeds['A'] = saved
    del ctx.max_speeds['Z']
    p300.dispense(50, plate['A2'])
    ctx.comment('left: {} {}'.format(list(ctx.max_speeds), ctx.max_speeds.get('a')))
    try:
        ctx.max_speeds['Z'] = None
    except KeyError as e:
        ctx.comment('no Z limit to lift: {}'.format(e))
    p300.drop_tip()
