"""Moves samples between wells of one plate, as a plan file lists them.

An example protocol with support files: `tip_handling.py` (a Python module it imports) and
`plate_transfer_plan.json` (a data file it opens), uploaded beside it.
"""
from opentrons import protocol_api

from tip_handling import read_plan, with_fresh_tip

metadata = {
    'protocolName': 'Plate transfer',
    'author': 'Labwright examples',
    'apiLevel': '2.8',
}


def run(protocol: protocol_api.ProtocolContext):
    plan = read_plan('plate_transfer_plan.json')
    plate = protocol.load_labware(plan['plate'], plan['plate_slot'])
    tips = protocol.load_labware(plan['tip_rack'], plan['tip_rack_slot'])
    pipette = protocol.load_instrument(plan['pipette'], plan['mount'], tip_racks=[tips])
    for step in plan['steps']:
        with with_fresh_tip(pipette):
            pipette.aspirate(step['volume'], plate[step['from']])
            pipette.dispense(step['volume'], plate[step['to']])
