metadata = {'protocolName': 'Syntax error', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    sample_volume = = 50
