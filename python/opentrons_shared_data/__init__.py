"""The part of Opentrons' shared data package a protocol can meet: its coded error classes."""
