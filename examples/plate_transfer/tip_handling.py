"""Helpers for plate_transfer.py: reading its plan, and one fresh tip per step."""
import json
from contextlib import contextmanager


def read_plan(path):
    with open(path) as plan_file:
        return json.load(plan_file)


@contextmanager
def with_fresh_tip(pipette):
    pipette.pick_up_tip()
    try:
        yield pipette
    finally:
        pipette.drop_tip()
