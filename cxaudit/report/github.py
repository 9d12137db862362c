"""GitHub Actions workflow commands: one `::error file=...,line=...::` annotation per finding."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..model import AuditResult, Finding
from .sarif import file_location, finding_text, rule_id

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the runner expects (`%`, CR and LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus `:` and `,`, which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: str | int | None) -> str:
    shown = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{name}{' ' + shown if shown else ''}::{escape_data(message)}"


def annotation(
    finding: Finding, *, repo_root: Path, url_map: Iterable[tuple[str, str]] = (), cwd: Path | None = None,
) -> str:
    # The first message that lives in a repository file carries the annotation; a finding
    # about crawled pages only is annotated without file= and shows in the run's summary.
    loc = None
    for p in finding.promises:
        loc = file_location(p, repo_root=repo_root, url_map=url_map, cwd=cwd)
        if loc is not None:
            break
    return command(
        COMMANDS.get(finding.severity, "warning"),
        finding_text(finding),
        file=loc.path if loc else None,
        line=loc.line if loc else None,
        title=f"cxaudit {rule_id(finding)}",
    )


def format_github(
    result: AuditResult, *, repo_root: Path | None = None, url_map: Iterable[tuple[str, str]] = (),
    cwd: Path | None = None,
) -> str:
    """Annotations for `--format github`; file paths are relative to repo_root (default: cwd)."""
    root = Path(repo_root or cwd or Path.cwd())
    url_map = tuple(url_map)
    lines = [annotation(f, repo_root=root, url_map=url_map, cwd=cwd) for f in result.findings]
    for nr in result.not_read:
        lines.append(command("warning", f"{nr.uri}: {nr.reason}", title="cxaudit could not read"))
    if result.incomplete:
        lines.append(command("warning", "the audit stopped early (time budget or interrupt); "
                                        "findings may be missing", title="cxaudit incomplete"))
    return "".join(line + "\n" for line in lines)
