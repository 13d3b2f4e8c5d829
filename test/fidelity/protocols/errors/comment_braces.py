metadata = {'protocolName': 'Braces in a comment', 'author': 'QA', 'apiLevel': '2.11'}

PLATE_MAP = {'A1': 'standard', 'B1': 'blank'}


def run(ctx):
    ctx.comment('Starting')
    ctx.comment('Plate map: {}'.format(PLATE_MAP))
