"""Pipette configuration through the hardware object, as protocols lower the pick-up current of
an 8-channel picking up fewer tips."""
from opentrons import types

metadata = {'protocolName': 'Pick-up current', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
    m20 = ctx.load_instrument('p20_multi_gen2', 'left', tip_racks=[tips])
    p300 = ctx.load_instrument('p300_single', 'right')
    hw = ctx._implementation._hw_manager.hardware
    for pip in (m20, p300):
        cfg = hw._attached_instruments[pip._implementation.get_mount()].config
        ctx.comment('{}: pick_up_current {}, max_volume {}, tip_length {}, model {}'.format(
            pip.name, cfg.pick_up_current, cfg.max_volume, cfg.tip_length, cfg.model))
    mount = m20._implementation.get_mount()
    default_current = hw._attached_instruments[mount].config.pick_up_current
    hw._attached_instruments[mount].update_config_item('pick_up_current', 0.15)
    ctx.comment('lowered to {}'.format(
        ctx._hw_manager.hardware._attached_instruments[types.Mount.LEFT].config.pick_up_current))
    m20.pick_up_tip(tips['H1'])
    hw._attached_instruments[mount].update_config_item('pick_up_current', default_current)
    ctx.comment('restored to {}'.format(hw._attached_instruments[mount].config.pick_up_current))
    m20.drop_tip()
