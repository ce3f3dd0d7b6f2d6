"""A rule as an assessment cites it: the law layer's own value, read by every layer above."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from diffusion_scenarios._base.fast_dataclass import dataclass

__all__ = ["Citation"]

Date = _dt.date
JSON = dict[str, Any]


def _iso(value: Date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """A rule as cited in an assessment (one entry of ``citations``)."""

    id: str
    instrument: str
    provision: str
    version: str
    in_force_from: Date | None
    verification: str  # primary | secondary | unverified
    url: str
    paraphrase: str = ""
    until: Date | None = None

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "instrument": self.instrument,
            "provision": self.provision,
            "version": self.version,
            "in_force_from": _iso(self.in_force_from),
            "until": _iso(self.until),
            "verification": self.verification,
            "url": self.url,
            "paraphrase": self.paraphrase,
        }
