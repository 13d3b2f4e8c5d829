"""Liquids (apiLevel 2.14): what `ProtocolContext.define_liquid` returns and `Well.load_liquid` takes."""
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Liquid:
    _id: str
    name: str
    description: Optional[str]
    display_color: Optional[str]
