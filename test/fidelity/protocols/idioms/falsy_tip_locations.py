"""`drop_tip(rt)` where `rt` comes from a default list of zeros: the original tests the location
for truth first, so a falsy one means the trash (and the next tip for pick_up_tip)."""
metadata = {'protocolName': 'Return tips or trash', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    m20 = ctx.load_instrument('p20_multi_gen2', 'left', tip_racks=[tips])
    samps = plate.rows()[0][:2]

    def step(tip_list, rtips=[0] * 2):
        for samp, tip, rt in zip(samps, tip_list, rtips):
            m20.pick_up_tip(tip)
            m20.aspirate(5, samp)
            m20.dispense(5, samp)
            m20.drop_tip(rt)

    step(tips.rows()[0][:2])
    step(tips.rows()[0][2:4], rtips=tips.rows()[0][2:4])
    m20.pick_up_tip(0)
    m20.drop_tip([])
