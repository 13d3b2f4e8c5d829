"""The OT-2's fixed trash from apiLevel 2.16: a `TrashBin` (a deck fixture, not labware)."""
from opentrons.protocols.api_support.util import gated_member

# How the engine names the trash bin where it would name labware (a pipette's trash).
TRASH_BIN_ID = 'trashBin'


class DisposalOffset(object):
    def __init__(self, x=0, y=0, z=0):
        self.x = x
        self.y = y
        self.z = z


class TrashBin(object):
    """The trash bin in slot 12. A plain object: no wells, not subscriptable; `top()` (2.18)
    gives one at an offset from the bin's default point."""

    def __init__(self, api_version, offset=None):
        self._api_version = api_version
        self._offset = offset or DisposalOffset()

    @property
    def location(self):
        from opentrons.types import DeckSlotName
        return DeckSlotName.FIXED_TRASH

    @property
    def offset(self):
        return self._offset

    @gated_member
    def top(self, x=0, y=0, z=0):
        return TrashBin(self._api_version, DisposalOffset(x=x, y=y, z=z))


class WasteChute(object):
    """Flex only: `load_waste_chute()` refuses on an OT-2, so none exists here."""
