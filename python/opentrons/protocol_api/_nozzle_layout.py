"""Nozzle layouts of `InstrumentContext.configure_nozzle_layout` (2.16). Only `COLUMN` and `ALL`
are exported; the others exist internally and are refused."""
import enum

# The nozzles a partial layout may start from.
ALLOWED_PRIMARY_NOZZLES = ['A1', 'H1', 'A12', 'H12']


class NozzleLayout(enum.Enum):
    COLUMN = 'COLUMN'
    SINGLE = 'SINGLE'
    ROW = 'ROW'
    QUADRANT = 'QUADRANT'
    ALL = 'ALL'


COLUMN = NozzleLayout.COLUMN
ALL = NozzleLayout.ALL


def checked_layout(style, start):
    """The layout's params for the engine, after the Python API's own argument checks."""
    if style in (NozzleLayout.ROW, NozzleLayout.SINGLE, NozzleLayout.QUADRANT):
        raise ValueError('Nozzle layout configuration of style {} is currently unsupported.'.format(
            style.value))
    params = {'style': style.value}
    if style != NozzleLayout.ALL:
        if start is None:
            raise ValueError('Cannot configure a nozzle layout of style {} without a starting '
                             'nozzle.'.format(style.value))
        if start not in ALLOWED_PRIMARY_NOZZLES:
            raise ValueError('Starting nozzle specified is not one of {}'.format(
                ALLOWED_PRIMARY_NOZZLES))
        params['primaryNozzle'] = start
    return params
