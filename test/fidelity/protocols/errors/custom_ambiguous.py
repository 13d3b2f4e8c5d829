"""Two versions of one custom load name and no version asked for: the upload's definitions do
not decide it, so the original falls back to the standard set and does not find it."""
metadata = {'protocolName': 'Ambiguous custom labware', 'author': 'QA', 'apiLevel': '2.9'}


def run(ctx):
    ctx.load_labware('examplelabs_6_tuberack_15000ul', 1)
