"""What every reader receives, and the one signature every reader has."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Protocol

from fazhi.core.document import Document
from fazhi.core.settings import Settings


@dataclass(frozen=True, slots=True)
class RawFile:
    """The original bytes with the name the user gave them."""

    source: str
    data: bytes
    # Hashed once: the store's duplicate check and the provenance both need it.
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())

    @property
    def size(self) -> int:
        return len(self.data)


class Reader(Protocol):
    def __call__(self, raw: RawFile, settings: Settings) -> Document: ...
