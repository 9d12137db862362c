"""Shared fixtures: run the CLI in-process and parse its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sites"


@pytest.fixture(scope="session")
def cli():
    from cxaudit.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return result

    return run


@pytest.fixture(scope="session")
def audit_json(cli):
    cache: dict[tuple, dict] = {}

    def run(*args: str) -> dict:
        key = tuple(args)
        if key not in cache:
            r = cli("audit", *args, "--format", "json", "--jobs", "1", "--quiet", "--fail-on", "never")
            assert r.exit_code == 0, r.output
            cache[key] = json.loads(r.stdout)
        return cache[key]

    return run
