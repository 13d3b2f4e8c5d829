"""The part of opentrons_shared_data protocols can reach: its coded errors."""
