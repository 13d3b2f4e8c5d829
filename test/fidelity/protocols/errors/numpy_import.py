"""numpy is installed on an OT-2 but not in Labwright's sandbox: a guarded import falls back,
an unguarded one fails with a one-line reason."""
metadata = {'protocolName': 'numpy refusal', 'apiLevel': '2.9'}


def run(ctx):
    try:
        import numpy
    except ImportError:
        ctx.comment('numpy missing, using plain Python')
    import numpy as np
    ctx.comment(str(np.mean([1, 2])))
