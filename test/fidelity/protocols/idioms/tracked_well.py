"""The liquid-height idiom of many library protocols: a Well subclass built from another well's
`_impl`, answering `bottom(h)` as the liquid goes down."""
import math

from opentrons.protocol_api.labware import Well

metadata = {'protocolName': 'Tracked wells', 'author': 'QA', 'apiLevel': '2.9'}


class WellH(Well):
    def __init__(self, well, min_height=1, comp_coeff=1.15, current_volume=0):
        super().__init__(well._impl)
        self.well = well
        self.min_height = min_height
        self.comp_coeff = comp_coeff
        self.current_volume = current_volume
        self.radius = self.diameter / 2
        self.height = max(current_volume / (math.pi * self.radius ** 2), min_height)

    def height_dec(self, vol):
        dh = vol / (math.pi * self.radius ** 2) * self.comp_coeff
        self.height = max(self.height - dh, self.min_height)
        self.current_volume -= vol
        return self.bottom(self.height)


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    tubes = ctx.load_labware('opentrons_24_tuberack_nest_1.5ml_snapcap', 2)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 3)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    src = WellH(tubes['A1'], current_volume=1200)
    ctx.comment('{} | {} | {} | {}'.format(
        src, src.well_name, tubes._implementation.get_display_name(), src == tubes['A1']))
    ctx.comment('same well: {}, {}, {}, {}'.format(
        src.depth == tubes['A1'].depth, src.top().point == tubes['A1'].top().point,
        src.parent is tubes['A1'].parent, src.parent.highest_z == tubes.highest_z))
    p300.pick_up_tip()
    for dest in plate.wells()[:2]:
        p300.aspirate(100, src.height_dec(100))
        p300.dispense(100, dest)
    p300.transfer(50, src, plate['A3'], new_tip='never')
    p300.aspirate(20, src.top(-5))
    p300.dispense(20, src)
    p300.drop_tip()
