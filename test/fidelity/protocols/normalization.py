"""Sample normalization from custom tube racks, with tip tracking and run-time checks."""
from opentrons import protocol_api, types
from opentrons.protocol_api.labware import OutOfTipsError

metadata = {
    'protocolName': 'DNA Normalization',
    'author': 'Sequencing Facility',
    'description': 'Water then sample into a normalization plate',
    'apiLevel': '2.8',
}

WATER = [30, 25.5, 0, 12]
SAMPLE = [10, 14.5, 40, 28]


def tip_check(ctx, pip):
    """Pick up a tip; on running out, ask for a refill (the common Library pattern)."""
    try:
        pip.pick_up_tip()
    except OutOfTipsError:
        ctx.pause('Replace the tip rack in slot 6')
        pip.reset_tipracks()
        pip.pick_up_tip()


def run(ctx):
    tubes = ctx.load_labware('examplelabs_6_tuberack_20000ul', 1, 'Stock tubes')
    plate = ctx.load_labware('nest_96_wellplate_200ul_flat', 2)
    dest = ctx.load_labware('corning_96_wellplate_360ul_flat', 3, 'Normalized')
    tips = ctx.load_labware('opentrons_96_filtertiprack_20ul', 6)
    tips_big = ctx.load_labware('opentrons_96_tiprack_1000ul', 9)
    p20 = ctx.load_instrument('p20_single_gen2', types.Mount.RIGHT, tip_racks=[tips])
    p1000 = ctx.load_instrument('p1000_single_gen2', 'left', tip_racks=[tips_big])

    ctx.max_speeds['Z'] = 50
    ctx.max_speeds['A'] = 50
    p20.well_bottom_clearance.aspirate = 2
    p20.well_bottom_clearance.dispense = 3
    p1000.default_speed = 200

    water = tubes['A1']
    ctx.comment('Tubes: {} wells, first {} ({} mm wide)'.format(
        len(tubes.wells()), tubes.wells()[0].well_name, tubes['A1'].diameter))

    # water with the big pipette: distribute with a disposal volume, zeros skipped from 2.8
    p1000.starting_tip = tips_big.wells_by_name()['C1']
    p1000.distribute([w * 10 for w in WATER], water, dest.columns()[0][:4],
                     disposal_volume=50, blow_out=True, blowout_location='trash')

    # sample, one tip per well, last tips of the rack via starting_tip and a refill
    p20.starting_tip = tips['G12']
    for i, (vol, well) in enumerate(zip(SAMPLE, dest.wells()[:4])):
        tip_check(ctx, p20)
        src = plate.wells()[i]
        if vol > p20.max_volume:
            p20.transfer(vol, src, well, new_tip='never', mix_after=(2, 15))
        else:
            p20.aspirate(vol, src)
            p20.dispense(vol, well)
            p20.mix(2, 15)
        p20.blow_out(well.top())
        p20.drop_tip()

    ctx.home()
    ctx.comment('Labware: ' + '; '.join('{}: {}'.format(slot, lw)
                                        for slot, lw in ctx.loaded_labwares.items()))
    ctx.comment('Instruments: ' + ', '.join('{}={}'.format(m, p.name)
                                          for m, p in ctx.loaded_instruments.items()))
    ctx.comment('Next tip: {}'.format(tips.next_tip()))
    p20.move_to(dest['A1'].top())
    ctx.comment('Cached: {}, slot 5 at {}'.format(
        ctx.location_cache.labware, ctx.deck.position_for(5).point))
