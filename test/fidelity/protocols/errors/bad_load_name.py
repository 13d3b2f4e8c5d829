metadata = {'protocolName': 'Typo in a load name', 'author': 'QA', 'apiLevel': '2.11'}


def run(ctx):
    ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    ctx.load_labware('corning_96_wellplate_360ul', 2)
