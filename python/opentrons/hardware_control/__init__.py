"""The parts of 4.7's hardware-control package that protocols reach: axis names."""
