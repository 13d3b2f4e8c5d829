"""`ctx.deck[slot]` holds 4.7's labware implementation objects (the fixed trash stays a Labware)."""
metadata = {'protocolName': 'Deck items', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2, 'Sample Plate')
    lw = ctx.deck['2']
    ctx.comment('{} wells, name {}, display {}'.format(
        len(lw.get_wells()), lw.get_name(), lw.get_display_name()))
    ctx.comment('{} / {} / {}'.format(
        lw.get_wells()[0], lw.get_wells_by_name()['H12'], type(lw).__name__))
    ctx.comment('{} {} {} {}'.format(
        lw.get_uri(), lw.is_tiprack(), lw.highest_z, lw.load_name))
    ctx.comment('wraps the plate: {}'.format(plate._implementation is lw))
    ctx.comment('{} / {}'.format(ctx.deck['12'], ctx.deck['12']['A1']))
    try:
        lw.wells()
    except AttributeError as e:
        ctx.comment(str(e))
