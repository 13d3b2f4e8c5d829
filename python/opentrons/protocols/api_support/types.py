from typing import NamedTuple


class APIVersion(NamedTuple):
    major: int
    minor: int

    @classmethod
    def from_string(cls, inp):
        parts = inp.split('.')
        if len(parts) != 2:
            raise ValueError(inp)
        return cls(major=int(parts[0]), minor=int(parts[1]))

    def __str__(self):
        return '%d.%d' % (self.major, self.minor)
