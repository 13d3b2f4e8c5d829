metadata = {'protocolName': 'GEN2 module at 2.2', 'author': 'QA', 'apiLevel': '2.2'}


def run(ctx):
    ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    ctx.load_module('magnetic module gen2', 1)
