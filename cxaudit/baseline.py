"""Baseline files: findings a team has accepted, keyed by content fingerprint, with optional expiry."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from .errors import ConfigError
from .model import Finding

VERSION = 1
_ENTRY_KEYS = ("fingerprint", "id", "rule", "kind", "subject", "message", "reason", "expires")


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    id: str = ""
    rule: str = ""
    kind: str = ""
    subject: str = ""
    message: str = ""
    reason: str | None = None
    expires: date | None = None   # the last day the entry suppresses its finding

    def expired(self, today: date) -> bool:
        return self.expires is not None and today > self.expires

    def as_dict(self) -> dict:
        out = {
            "fingerprint": self.fingerprint, "id": self.id, "rule": self.rule, "kind": self.kind,
            "subject": self.subject, "message": self.message,
        }
        if self.reason is not None:
            out["reason"] = self.reason
        if self.expires is not None:
            out["expires"] = self.expires.isoformat()
        return out


@dataclass(frozen=True)
class Baseline:
    path: str | None = None
    entries: tuple[BaselineEntry, ...] = ()

    def get(self, fingerprint: str) -> BaselineEntry | None:
        for e in self.entries:
            if e.fingerprint == fingerprint:
                return e
        return None


@dataclass(frozen=True)
class BaselineOutcome:
    kept: tuple[Finding, ...]              # to report: new findings, and those whose entry expired
    suppressed: tuple[Finding, ...]        # hidden by a live entry
    expired: tuple[BaselineEntry, ...]     # entries past their date that still match a finding
    fixed: tuple[BaselineEntry, ...]       # entries that match no current finding
    new: tuple[Finding, ...] = ()          # kept findings that have no entry at all

    def as_dict(self) -> dict:
        """What the report says about the baseline (for JSON output and AuditResult.extra)."""
        return {
            "suppressed": len(self.suppressed),
            "new": [f.id for f in self.new],
            "expired": [e.as_dict() for e in self.expired],
            "fixed": [e.as_dict() for e in self.fixed],
        }


def load_baseline(path: Path | str, *, missing_ok: bool = False) -> Baseline:
    """Read and check a baseline file; ConfigError names the file (and line for bad JSON)."""
    path = Path(path)
    shown = str(path)
    if not path.exists():
        if missing_ok:
            return Baseline(path=shown)
        raise ConfigError(f"{shown}: baseline file not found (write one with --update-baseline)")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{shown}: cannot read baseline: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{shown}:{exc.lineno}: baseline is not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ConfigError(f'{shown}: not a cxaudit baseline (expected {{"version": 1, "findings": [...]}})')
    if data.get("version") != VERSION:
        raise ConfigError(f"{shown}: baseline version {data.get('version')!r} is not supported (expected {VERSION})")
    unknown = sorted(set(data) - {"version", "findings"})
    if unknown:
        raise ConfigError(f"{shown}: key '{unknown[0]}' is not known (expected one of: findings, version)")
    entries: dict[str, BaselineEntry] = {}
    for i, raw in enumerate(data["findings"]):
        entry = _entry(shown, i, raw)
        # A hand-merged file may repeat an entry; the first one (and its reason) stands.
        entries.setdefault(entry.fingerprint, entry)
    return Baseline(path=shown, entries=tuple(entries.values()))


def _entry(shown: str, i: int, raw: object) -> BaselineEntry:
    where = f"{shown}: findings[{i}]"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: must be an object")
    for key in raw:
        if key not in _ENTRY_KEYS:
            raise ConfigError(f"{where}: key '{key}' is not known (expected one of: {', '.join(_ENTRY_KEYS)})")
    for key, value in raw.items():
        if key != "expires" and value is not None and not isinstance(value, str):
            raise ConfigError(f"{where}: '{key}' must be a string")
    fp = raw.get("fingerprint")
    if not fp:
        raise ConfigError(f"{where}: needs a 'fingerprint'")
    expires = raw.get("expires")
    if expires is not None:
        try:
            expires = date.fromisoformat(expires) if isinstance(expires, str) and len(expires) == 10 else None
        except ValueError:
            expires = None
        if expires is None:
            raise ConfigError(f"{where}: 'expires' must be a date written YYYY-MM-DD (got {raw['expires']!r})")
    return BaselineEntry(
        fingerprint=fp, id=raw.get("id") or "", rule=raw.get("rule") or "", kind=raw.get("kind") or "",
        subject=raw.get("subject") or "", message=raw.get("message") or "",
        reason=raw.get("reason"), expires=expires,
    )


def apply_baseline(findings: Iterable[Finding], baseline: Baseline, today: date) -> BaselineOutcome:
    """Split findings into those to report and those the baseline hides."""
    by_fp = {e.fingerprint: e for e in baseline.entries}
    kept, suppressed, new, expired, seen = [], [], [], {}, set()
    for f in findings:
        entry = by_fp.get(f.fingerprint) if f.fingerprint else None
        if entry is None:
            kept.append(f)
            new.append(f)
            continue
        seen.add(entry.fingerprint)
        if entry.expired(today):
            # An expired acceptance is reported again so that someone decides anew.
            kept.append(f)
            expired.setdefault(entry.fingerprint, entry)
        else:
            suppressed.append(f)
    fixed = tuple(e for e in baseline.entries if e.fingerprint not in seen)
    return BaselineOutcome(
        kept=tuple(kept), suppressed=tuple(suppressed), expired=tuple(expired.values()),
        fixed=fixed, new=tuple(new),
    )


def entries_for(findings: Iterable[Finding], previous: Baseline | None = None) -> tuple[BaselineEntry, ...]:
    """Baseline entries for findings, sorted, keeping reason and expiry of entries that still match."""
    old = {e.fingerprint: e for e in previous.entries} if previous else {}
    out: dict[str, BaselineEntry] = {}
    for f in findings:
        if not f.fingerprint:
            raise ValueError(f"finding {f.message!r} has no fingerprint; compute it before baselining")
        before = old.get(f.fingerprint)
        out.setdefault(f.fingerprint, BaselineEntry(
            fingerprint=f.fingerprint, id=f.id, rule=f.rule, kind=f.kind, subject=f.subject,
            message=f.message,
            reason=before.reason if before else None,
            # Expiry is kept as written: rewriting the baseline must not renew an acceptance.
            expires=before.expires if before else None,
        ))
    return tuple(sorted(out.values(), key=lambda e: (e.kind, e.subject, e.rule, e.message, e.fingerprint)))


def dumps(entries: Iterable[BaselineEntry]) -> str:
    data = {"version": VERSION, "findings": [e.as_dict() for e in entries]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path | str, findings: Iterable[Finding], previous: Baseline | None = None) -> Baseline:
    """Write the findings as the new baseline, atomically, and return it."""
    path = Path(path)
    entries = entries_for(findings, previous)
    text = dumps(entries)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Same folder as the target so os.replace is a rename on one file system: readers see
        # the old file or the new one, never half of either.
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            # mkstemp makes the file private (0600); a baseline is shared, like any checked-in file.
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return Baseline(path=str(path), entries=entries)
