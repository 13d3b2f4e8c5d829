metadata = {'protocolName': 'Parameter check', 'author': 'QA', 'apiLevel': '2.11'}

NUM_SAMPLES = 120


def check_samples(count):
    if not 1 <= count <= 96:
        raise ValueError('Number of samples must be between 1 and 96, got {}'.format(count))
    return count


def run(ctx):
    ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    ctx.comment('Checking parameters')
    check_samples(NUM_SAMPLES)
