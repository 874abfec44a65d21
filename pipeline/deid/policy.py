"""The verification policy: what `scr verify` reports, and how severely.

A policy is YAML (the default ships as ``models/policy.yaml``).  A user policy
given with ``--policy`` is merged over the default, so it only needs the keys
it changes: typically the names and places a review may mention, types to
silence, or a different severity.  The policy is validated strictly: a typo in
a severity or an unknown type is an error (exit 2), never a silent no-op.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import UnusableInput
from ..resources import load_yaml

SEVERITIES = ("info", "low", "medium", "high")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


class PolicyError(UnusableInput):
    """The policy file cannot be used."""


class Allow(BaseModel):
    model_config = ConfigDict(extra="forbid")
    names: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)


class Policy(BaseModel):
    """What to report and how severely; plus the tunable thresholds of each detector."""

    model_config = ConfigDict(extra="forbid")
    allow: Allow = Field(default_factory=Allow)
    report: dict[str, bool]
    severity: dict[str, str]
    names: dict[str, float] = Field(default_factory=dict)
    codes: dict[str, Any] = Field(default_factory=dict)
    fuzzy: dict[str, float] = Field(default_factory=dict)
    urls: dict[str, int] = Field(default_factory=dict)
    quasi: dict[str, list[str]] = Field(default_factory=dict)
    cover: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("severity")
    @classmethod
    def _known_severities(cls, value: dict[str, str]) -> dict[str, str]:
        for kind, level in value.items():
            if level not in SEVERITIES:
                raise ValueError(f"severity of {kind} must be one of {', '.join(SEVERITIES)}, not {level!r}")
        return value

    def reports(self, kind: str) -> bool:
        return self.report.get(kind, True)

    def severity_of(self, kind: str) -> str:
        return self.severity.get(kind, "medium")


def _merge(base: dict, override: dict) -> dict:
    """Deep-merge `override` into a copy of `base` (lists are replaced, not appended)."""
    out = copy.deepcopy(base)
    for key, value in (override or {}).items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def default_policy_data() -> dict:
    return copy.deepcopy(load_yaml("policy.yaml"))


def load_policy(path: str | Path | None = None) -> Policy:
    """The default policy, with the user's file (if any) merged over it."""
    data = default_policy_data()
    if path is not None:
        path = Path(path)
        try:
            user = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise PolicyError(f"{path}: cannot read the policy file ({exc.strerror})") from exc
        except UnicodeDecodeError as exc:
            raise PolicyError(f"{path}: the policy file is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        except yaml.YAMLError as exc:
            raise PolicyError(f"{path}: the policy file is not valid YAML ({str(exc).splitlines()[0]})") from exc
        if not isinstance(user, dict):
            raise PolicyError(f"{path}: the policy file must be a mapping (allow:, report:, severity: …)")
        unknown = (set(user.get("report", {}) or {}) | set(user.get("severity", {}) or {})) - set(data["severity"])
        if unknown:
            raise PolicyError(f"{path}: unknown finding type(s): {', '.join(sorted(unknown))}")
        data = _merge(data, user)
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        where = path or "models/policy.yaml"
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise PolicyError(f"{where}: invalid policy at {loc}: {first['msg']}") from exc
