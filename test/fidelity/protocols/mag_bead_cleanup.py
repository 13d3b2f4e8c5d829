"""SPRI bead cleanup on a GEN2 magnetic module with an 8-channel pipette."""
from opentrons import protocol_api
from opentrons.types import Point

metadata = {
    'protocolName': 'Magnetic Bead Cleanup (1.8x SPRI)',
    'author': 'Genomics Core',
    'apiLevel': '2.9',
}

NUM_COLS = 3


def run(ctx):
    mag = ctx.load_module('magnetic module gen2', 4)
    sample_plate = mag.load_labware('nest_96_wellplate_2ml_deep', 'Sample Plate')
    elution_plate = ctx.load_labware('biorad_96_wellplate_200ul_pcr', 1, 'Elution Plate')
    reagents = ctx.load_labware('nest_12_reservoir_15ml', 2)
    liquid_trash = ctx.load_labware('nest_1_reservoir_195ml', 3)
    tips = [ctx.load_labware('opentrons_96_filtertiprack_200ul', s) for s in (5, 6)]
    m300 = ctx.load_instrument('p300_multi_gen2', 'left', tip_racks=tips)

    beads = reagents['A1']
    ethanol = reagents.wells()[1:3]
    te = reagents['A4']
    samples = sample_plate.rows()[0][:NUM_COLS]

    m300.flow_rate.aspirate = 60
    m300.flow_rate.dispense = 120

    # bind: beads into every column, a fresh tip each
    for s in samples:
        m300.pick_up_tip()
        m300.mix(5, 100, beads)
        m300.aspirate(36, beads)
        m300.dispense(36, s)
        m300.mix(10, 50, s.bottom(1))
        m300.blow_out(s.top(-2))
        m300.drop_tip()
    ctx.delay(minutes=5, msg='Incubating at room temperature')
    mag.engage()
    ctx.comment('Magnet ' + mag.status)
    ctx.delay(minutes=2)

    # remove the supernatant, aspirating beside the pellet
    for i, s in enumerate(samples):
        m300.pick_up_tip()
        side = -1 if i % 2 == 0 else 1
        m300.aspirate(80, s.bottom().move(Point(x=side * 1.0, y=0, z=0.5)), rate=0.5)
        m300.dispense(80, liquid_trash['A1'].top(-5))
        m300.blow_out()
        m300.air_gap(20)
        m300.drop_tip()

    # two ethanol washes, parking one tip per column between washes
    wash_tips = []
    for wash in range(2):
        for i, s in enumerate(samples):
            if wash == 0:
                m300.pick_up_tip()
                wash_tips.append(m300._last_tip_picked_up_from)
            else:
                m300.pick_up_tip(wash_tips[i])
            m300.transfer(150, ethanol[i % 2], s, new_tip='never', air_gap=20)
            m300.return_tip()
        mag.engage(height_from_base=4.2)

    mag.disengage()
    ctx.pause('Let the beads dry, then press resume')

    # elute into TE, starting from the third column of the second rack
    m300.reset_tipracks()
    m300.starting_tip = tips[1]['A3']
    m300.transfer(50, te, samples, mix_after=(5, 40), new_tip='always')
    mag.engage(offset=-2)
    ctx.delay(minutes=1)
    m300.transfer(45, sample_plate.columns()[:NUM_COLS], elution_plate.columns()[:NUM_COLS],
                  new_tip='always')
    mag.disengage()
    ctx.comment('{} channels, tip: {}'.format(m300.channels, m300.has_tip))
