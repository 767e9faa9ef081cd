"""What every reader receives, and the one signature every reader has."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol

from fazhi.core.document import Document
from fazhi.core.settings import Settings


@dataclass(frozen=True, slots=True)
class RawFile:
    """The original bytes with the name the user gave them."""

    source: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


class Reader(Protocol):
    def __call__(self, raw: RawFile, settings: Settings) -> Document: ...
