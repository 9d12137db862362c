"""The command line: parse, call the library, write the report, exit. No audit logic lives here.

Heavy imports (spaCy, lxml, httpx) happen inside the commands, so `cxaudit --help` stays fast.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

try:  # typer >= 0.26 carries its own copy of click; its exceptions are the ones raised
    from typer._click import exceptions as click
except ImportError:  # pragma: no cover
    from click import exceptions as click
# (typer 0.29 moved Abort out of its click copy to typer.Abort: catch whichever this typer raises)
_ABORT = tuple({getattr(click, "Abort", typer.Abort), typer.Abort})

from cxaudit import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_SIGINT, EXIT_SIGTERM = 130, 143
CHANNELS = ("website", "help_centre", "policy", "call_centre", "email", "ads", "social", "chat", "other")

class _Group(TyperGroup):
    """The command group, named `cxaudit` however it is started, whose usage errors are one line.

    Click prints a four-line block (usage, hint, blank, error); a linter run in CI should say
    what is wrong in one line on stderr and exit 2, as the tool's other errors do."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args, prog_name or "cxaudit", complete_var, standalone_mode=False, **extra)
        except click.NoArgsIsHelpError as err:
            if not standalone_mode:
                raise
            err.show()
            sys.exit(err.exit_code)
        except click.ClickException as err:
            if not standalone_mode:
                raise
            sys.stderr.write(f"cxaudit: error: {_one_line(err)}\n")
            sys.exit(err.exit_code)
        except _ABORT:
            if not standalone_mode:
                raise
            sys.stderr.write("cxaudit: aborted\n")
            sys.exit(EXIT_SIGINT)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _one_line(err: click.ClickException) -> str:
    message = " ".join(err.format_message().replace("Value error, ", "").split())
    ctx = getattr(err, "ctx", None)
    if isinstance(err, click.UsageError) and ctx is not None:
        message += f" (see '{ctx.command_path} --help')"
    return message


app = typer.Typer(
    name="cxaudit",
    cls=_Group,
    help="Audit what a company promises its customers across every touchpoint, and flag the messages that disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Fmt(str, Enum):
    auto = "auto"
    table = "table"
    md = "md"
    markdown = "markdown"   # the same as md: users type either
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    sarif = "sarif"
    github = "github"


class Lang(str, Enum):
    auto = "auto"
    en = "en"
    zh = "zh"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    sys.stderr.write(f"cxaudit: {message}\n")
    return typer.Exit(code)


def version_cb(value: bool) -> None:
    if value:
        print(f"cxaudit {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=version_cb, is_eager=True, help="Show the version.")] = False,
) -> None:
    """cxaudit: collect, extract, compare, report."""


# --- shared option types -------------------------------------------------------------------

ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Config file (default: ./cxaudit.toml or [tool.cxaudit] in pyproject.toml, found walking up).")]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="table on a terminal; md, json, jsonl, csv, sarif, github.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here (atomically) instead of stdout.")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="en, zh or auto (per block).")]
JobsOpt = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Extraction processes (default: number of cores).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")]
RulesOpt = Annotated[Optional[Path], typer.Option("--rules", help="Folder of rule packs replacing the built-in rules/.")]


def _load_config(path: Optional[Path], rules: Optional[Path] = None):
    from cxaudit.config import load_config
    from cxaudit.errors import ConfigError
    from cxaudit.rulepack import load_rules

    if path is not None and not path.exists():
        raise fail(f"{path}: config file not found")
    try:
        kinds = load_rules(str(rules) if rules else None).kinds
        return load_config(path, cwd=Path.cwd(), extra_kinds=kinds)
    except ConfigError as err:
        raise fail(str(err)) from None


def _check_kind(kind: str, rules: Optional[Path]) -> None:
    """A --kind that no rule pack reads is a typo: fail rather than report nothing."""
    from cxaudit.config import _suggest
    from cxaudit.model import KINDS
    from cxaudit.rulepack import load_rules

    known = tuple(dict.fromkeys((*KINDS, *load_rules(str(rules) if rules else None).kinds)))
    if kind not in known:
        raise fail(f"--kind {kind}: not a known promise kind (known: {', '.join(known)}){_suggest(kind, known)}")


def _parse_sources(sources: list[str], cfg) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for s in sources:
        channel, sep, target = s.partition("=")
        if sep and channel in CHANNELS and target:
            out.append((target, channel))
        elif sep and not s.startswith(("http://", "https://")) and not Path(s).exists() and "/" not in channel:
            raise fail(f"{s}: unknown channel '{channel}' (expected one of {', '.join(CHANNELS)})")
        else:
            out.append((s, None))
    if not out and cfg is not None:
        for spec in cfg.sources:
            out.append((spec.path or spec.url, spec.channel))
    elif cfg is not None:
        out = [(target, channel or _configured_channel(target, cfg)) for target, channel in out]
    for target, _ in out:
        if not target.startswith(("http://", "https://")) and "://" in target:
            raise fail(f"{target}: only http and https URLs can be crawled")
    return out


def _configured_channel(target: str, cfg) -> str | None:
    """The channel of the config's [[source]] that names this CLI source, however it is spelled
    ("site", "site/", "./site"), or holds it (a file under a configured folder; the deepest wins)."""
    best: tuple[int, str] | None = None
    if target.startswith(("http://", "https://")):
        for spec in cfg.sources:
            if spec.url and spec.channel and spec.url.rstrip("/") == target.rstrip("/"):
                return spec.channel
        return None
    here = os.path.abspath(target)
    for spec in cfg.sources:
        if not spec.path or not spec.channel:
            continue
        there = os.path.abspath(spec.path)
        if here == there or here.startswith(there.rstrip(os.sep) + os.sep):
            if best is None or len(there) > best[0]:
                best = (len(there), spec.channel)
    return best[1] if best else None


def _pick_format(fmt: Fmt, output: Optional[Path], allowed: tuple[str, ...]) -> str:
    if fmt != Fmt.auto:
        value = "md" if fmt == Fmt.markdown else fmt.value
        if value not in allowed:
            raise fail(f"--format {fmt.value} is not available here (choose from {', '.join(allowed)})")
        return value
    if output is not None:
        suffix = output.suffix.lower().lstrip(".")
        guess = {"md": "md", "markdown": "md", "json": "json", "jsonl": "jsonl", "csv": "csv", "sarif": "sarif"}.get(suffix)
        if guess in allowed:
            return guess
        return "md" if "md" in allowed else allowed[0]
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in allowed and not sys.stdout.isatty():
        return "github"
    if sys.stdout.isatty():
        return "table"
    return "md" if "md" in allowed else "json"


def _write(text: str, output: Optional[Path], inputs: list[tuple[str, str | None]]) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    out = output.resolve()
    for target, _ in inputs:
        if target.startswith(("http://", "https://")):
            continue
        t = Path(target).resolve()
        if out == t or (t.is_dir() and out.is_file() and t in out.parents and out.suffix.lower() in
                        (".html", ".htm", ".md", ".markdown", ".txt", ".pdf", ".docx", ".json", ".yaml", ".yml")):
            raise fail(f"{output}: refusing to write the report over an input file")
    from cxaudit.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as err:
        raise fail(f"{output}: cannot write report: {err.strerror or err}") from None


class _Stopper:
    """First Ctrl-C / SIGTERM asks the pipeline to stop and keep what it found; a second one exits."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.signum: int | None = None

    def __enter__(self):
        self._old = {}
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                self._old[sig] = signal.signal(sig, self._handle)
            except ValueError:  # not in the main thread (tests)
                pass
        return self

    def _handle(self, signum, frame):
        if self.event.is_set():
            raise KeyboardInterrupt
        self.signum = signum
        self.event.set()
        sys.stderr.write("cxaudit: interrupted; writing what was found so far (Ctrl-C again to abort)\n")

    def __exit__(self, *exc):
        for sig, old in self._old.items():
            signal.signal(sig, old)
        return False


def _progress_ctx(quiet: bool):
    """A rich progress display on stderr, only on a terminal."""
    from contextlib import nullcontext

    if quiet or not sys.stderr.isatty():
        return nullcontext(None)
    from cxaudit.report.progress import LiveProgress

    return LiveProgress()


def _crawl_options(cfg, **cli):
    from cxaudit.collect.options import CrawlOptions

    c = cfg.crawl
    pick = lambda name, default: cli[name] if cli.get(name) is not None else default  # noqa: E731
    cache_dir = None if cli.get("no_cache") else pick("cache_dir", c.cache_dir)
    return CrawlOptions(
        max_pages=pick("max_pages", c.max_pages), max_depth=pick("max_depth", c.max_depth),
        concurrency=pick("concurrency", c.concurrency), rate=pick("rate", c.rate),
        timeout=pick("timeout", c.timeout), retries=pick("retries", c.retries),
        page_time_limit=pick("page_time_limit", 60.0), max_redirects=pick("max_redirects", 5),
        max_body_bytes=pick("max_page_size", c.max_body_size),
        include=tuple(cli.get("include") or c.include), exclude=tuple(cli.get("exclude") or c.exclude),
        allow_hosts=tuple(cli.get("allow_host") or c.allow_hosts),
        ignore_robots=bool(cli.get("ignore_robots")) or c.ignore_robots,
        cache_dir=str(cache_dir) if cache_dir else None,
        time_budget=pick("time_budget", c.time_budget),
    )


def _run(command: str, sources, config, fmt, output, lang, jobs, quiet, rules, fail_on, min_confidence,
         baseline, update_baseline, time_budget, max_file_size, crawl_cli, changed_only=None) -> None:
    cfg = _load_config(config, rules)
    inputs = _parse_sources(sources, cfg)
    if not inputs:
        raise fail("no sources given (name files, folders or URLs, or add [[source]] entries to cxaudit.toml)")
    audit = command == "audit"
    allowed = ("table", "md", "json", "jsonl", "csv", "sarif", "github") if audit else ("table", "md", "json", "jsonl", "csv")
    out_fmt = _pick_format(fmt, output, allowed)

    from cxaudit.rxcache import compiling

    with compiling():   # (the normalisers' patterns, compiled at import, from the last run's compile)
        from cxaudit import pipeline
    from cxaudit.errors import CxauditError
    from cxaudit.extract import Limits

    a = cfg.audit
    limits = Limits(max_file_bytes=max_file_size or a.max_file_size)
    opts = pipeline.Options(
        sources=tuple(inputs), jobs=jobs or a.jobs, lang=lang.value if lang != Lang.auto else a.lang,
        rules_dir=str(rules) if rules else None,
        min_confidence=min_confidence if min_confidence is not None else a.min_confidence,
        channel_globs=cfg.channels, limits=limits, crawl=_crawl_options(cfg, **crawl_cli),
        time_budget=time_budget if time_budget is not None else a.time_budget,
    )
    fail_level = fail_on.value if fail_on is not None else a.fail_on
    baseline_path = str(baseline) if baseline else a.baseline
    with _Stopper() as stopper, _progress_ctx(quiet) as live:
        try:
            if audit:
                from cxaudit.audit import run_audit

                if baseline and not update_baseline and not Path(baseline_path).exists():
                    raise fail(f"{baseline_path}: baseline file not found (create it with --update-baseline)")
                from cxaudit.audit import changed_files

                changed = changed_files(changed_only) if changed_only else None
                result = run_audit(opts, a, canonical=cfg.promises,
                                   baseline=None if update_baseline else baseline_path,
                                   progress=live.progress if live else None, stop=stopper.event,
                                   changed=changed)
            else:
                result = pipeline.run(opts, progress=live.progress if live else None, stop=stopper.event)
        except CxauditError as err:
            raise fail(str(err)) from None
    if audit and update_baseline:
        if not baseline_path:
            raise fail("--update-baseline needs --baseline FILE (or [audit] baseline in the config)")
        from cxaudit.baseline import load_baseline, write_baseline

        previous = load_baseline(baseline_path) if Path(baseline_path).exists() else None
        write_baseline(baseline_path, result.findings, previous)
        if not quiet:
            sys.stderr.write(f"cxaudit: wrote {len(result.findings)} finding(s) to baseline {baseline_path}\n")
        raise typer.Exit(EXIT_OK)
    text = _render(result, out_fmt, audit, cfg)
    _write(text, output, inputs)
    if stopper.signum is not None:
        raise typer.Exit(EXIT_SIGINT if stopper.signum == signal.SIGINT else EXIT_SIGTERM)
    if result.documents == 0:
        budget = opts.time_budget or opts.crawl.time_budget
        if result.incomplete and budget and stopper.signum is None:
            raise fail(f"the time budget ({budget:g} s) ran out before any document was read in "
                       f"{', '.join(t for t, _ in inputs)} (raise --time-budget)")
        what = "no document could be read" if result.not_read else "no readable documents found"
        why = ""
        if result.not_read:
            first = result.not_read[0]
            more = f" and {len(result.not_read) - 1} more" if len(result.not_read) > 1 else ""
            why = f" ({first.uri}: {first.reason}{more})"
        elif result.skipped_files:
            first = result.skipped_files[0]
            more = f" and {len(result.skipped_files) - 1} more" if len(result.skipped_files) > 1 else ""
            why = f" (skipped {first.uri}: {first.reason}{more})"
        raise fail(f"{what} in {', '.join(t for t, _ in inputs)}{why}")
    if audit:
        from cxaudit.audit import exit_code

        raise typer.Exit(exit_code(result, fail_level))
    raise typer.Exit(EXIT_OK)


def _render(result, fmt: str, audit: bool, cfg) -> str:
    if fmt == "table":
        from cxaudit.report.table_report import render

        return render(result, audit=audit, color=sys.stdout.isatty(), width=None if sys.stdout.isatty() else 120)
    if fmt == "md":
        from cxaudit.report.markdown_report import format_markdown

        return format_markdown(result, audit=audit)
    if fmt in ("json", "jsonl", "csv"):
        from cxaudit.report import json_report

        if fmt == "json":
            return json_report.format_json(result, audit=audit)
        if fmt == "jsonl":
            return json_report.format_jsonl(result, audit=audit)
        return json_report.format_csv(result, audit=audit)
    if fmt in ("sarif", "github"):
        from cxaudit.report.sarif import repo_root_for

        root = repo_root_for(Path.cwd())
        if fmt == "sarif":
            from cxaudit.report.sarif import format_sarif

            return format_sarif(result, repo_root=root, url_map=cfg.crawl.url_map, cwd=Path.cwd())
        from cxaudit.report.github import format_github

        return format_github(result, repo_root=root, url_map=cfg.crawl.url_map, cwd=Path.cwd())
    raise fail(f"unknown format {fmt}")


# --- commands --------------------------------------------------------------------------------

SourcesArg = Annotated[Optional[list[str]], typer.Argument(help="Files, folders or http(s) URLs, each optionally CHANNEL=SOURCE.", show_default=False)]


@app.command()
def audit(
    sources: SourcesArg = None,
    config: ConfigOpt = None,
    fmt: FormatOpt = Fmt.auto,
    output: OutputOpt = None,
    lang: LangOpt = Lang.auto,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    rules: RulesOpt = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 1 when findings at or above this severity remain (default error).")] = None,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0, help="Ignore promises read with less confidence.")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Suppress the findings recorded in this file.")] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="Write the current findings to --baseline and exit 0.")] = False,
    changed_only: Annotated[Optional[str], typer.Option("--changed-only", help="Compare everything, but report only findings involving a file changed since this git ref.")] = None,
    max_pages: Annotated[Optional[int], typer.Option("--max-pages", min=1, help="Crawl at most this many pages (default 500).")] = None,
    max_depth: Annotated[Optional[int], typer.Option("--max-depth", min=0, help="Follow links at most this deep.")] = None,
    concurrency: Annotated[Optional[int], typer.Option("--concurrency", min=1, help="Parallel requests (default 8).")] = None,
    rate: Annotated[Optional[float], typer.Option("--rate", min=0.0, help="Requests per second per host (default 5; 0 = no limit).")] = None,
    timeout: Annotated[Optional[float], typer.Option("--timeout", min=0.1, help="Per-request timeout in seconds (default 15).")] = None,
    include: Annotated[Optional[list[str]], typer.Option("--include", help="Only crawl URLs matching this glob (repeatable).")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option("--exclude", help="Never crawl URLs matching this glob (repeatable).")] = None,
    allow_host: Annotated[Optional[list[str]], typer.Option("--allow-host", help="Also crawl this host (repeatable).")] = None,
    ignore_robots: Annotated[bool, typer.Option("--ignore-robots", help="Do not obey robots.txt (explicit opt-out).")] = False,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="HTTP cache folder (default .cxaudit-cache).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Do not use the HTTP cache.")] = False,
    max_page_size: Annotated[Optional[int], typer.Option("--max-page-size", min=1, help="Largest HTTP body in bytes (default 10 MB).")] = None,
    page_time_limit: Annotated[Optional[float], typer.Option("--page-time-limit", min=0.1, help="Total seconds one page may take to arrive (default 60; guards slow drips).")] = None,
    retries: Annotated[Optional[int], typer.Option("--retries", min=0, help="Retries on connection errors, 429 and 5xx (default 2).")] = None,
    max_redirects: Annotated[Optional[int], typer.Option("--max-redirects", min=0, help="Redirects followed per page (default 5).")] = None,
    max_file_size: Annotated[Optional[int], typer.Option("--max-file-size", min=1, help="Largest local file in bytes (default 50 MB).")] = None,
    time_budget: Annotated[Optional[float], typer.Option("--time-budget", min=0.1, help="Stop after this many seconds and report what was found (marked incomplete).")] = None,
) -> None:
    """Collect, extract, compare and report; the exit code is for CI (0 clean, 1 findings, 2 error)."""
    _run("audit", sources or [], config, fmt, output, lang, jobs, quiet, rules, fail_on, min_confidence,
         baseline, update_baseline, time_budget, max_file_size,
         dict(max_pages=max_pages, max_depth=max_depth, concurrency=concurrency, rate=rate, timeout=timeout,
              include=include, exclude=exclude, allow_host=allow_host, ignore_robots=ignore_robots,
              cache_dir=cache_dir, no_cache=no_cache, max_page_size=max_page_size, time_budget=time_budget,
              page_time_limit=page_time_limit, retries=retries, max_redirects=max_redirects),
         changed_only=changed_only)


@app.command()
def extract(
    sources: SourcesArg = None,
    config: ConfigOpt = None,
    fmt: FormatOpt = Fmt.auto,
    output: OutputOpt = None,
    lang: LangOpt = Lang.auto,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    rules: RulesOpt = None,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop promises read with less confidence.")] = None,
    max_pages: Annotated[Optional[int], typer.Option("--max-pages", min=1)] = None,
    rate: Annotated[Optional[float], typer.Option("--rate", min=0.0)] = None,
    ignore_robots: Annotated[bool, typer.Option("--ignore-robots")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
    max_file_size: Annotated[Optional[int], typer.Option("--max-file-size", min=1)] = None,
    time_budget: Annotated[Optional[float], typer.Option("--time-budget", min=0.1)] = None,
) -> None:
    """The promise inventory: every promise found, no comparison."""
    _run("extract", sources or [], config, fmt, output, lang, jobs, quiet, rules, None, min_confidence,
         None, False, time_budget, max_file_size,
         dict(max_pages=max_pages, rate=rate, ignore_robots=ignore_robots, no_cache=no_cache, time_budget=time_budget))


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="The text to read; '-' reads standard input.")],
    config: ConfigOpt = None,
    fmt: FormatOpt = Fmt.auto,
    output: OutputOpt = None,
    lang: LangOpt = Lang.auto,
    quiet: QuietOpt = False,
    rules: RulesOpt = None,
) -> None:
    """Show the promises in one piece of text and how each was read."""
    cfg = _load_config(config, rules)
    if text == "-":
        text = sys.stdin.read()
    out_fmt = _pick_format(fmt, output, ("table", "md", "json", "jsonl", "csv"))
    from cxaudit.rxcache import compiling

    with compiling():
        from cxaudit.api import extract_text
    from cxaudit.errors import CxauditError
    from cxaudit.report.explain_report import format_explain

    try:
        promises = extract_text(text, lang=lang.value if lang != Lang.auto else cfg.audit.lang,
                                rules_dir=str(rules) if rules else None)
    except CxauditError as err:
        raise fail(str(err)) from None
    _write(format_explain(promises, out_fmt, color=output is None and sys.stdout.isatty()), output, [])


@app.command("rules")
def rules_cmd(
    config: ConfigOpt = None,
    fmt: FormatOpt = Fmt.auto,
    output: OutputOpt = None,
    quiet: QuietOpt = False,
    rules: RulesOpt = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Show one kind's documentation in full.")] = None,
) -> None:
    """List the rule packs loaded, their kinds and languages."""
    from cxaudit.errors import ConfigError
    from cxaudit.report.rules_report import format_rules
    from cxaudit.rulepack import load_rules

    _load_config(config, rules)
    try:
        rs = load_rules(str(rules) if rules else None)
    except ConfigError as err:
        raise fail(str(err)) from None
    out_fmt = _pick_format(fmt, output, ("table", "json", "md"))
    if kind and kind not in rs.kinds:
        from cxaudit.config import _suggest

        raise fail(f"--kind {kind}: no rule pack reads this kind (known: {', '.join(rs.kinds)}){_suggest(kind, rs.kinds)}")
    _write(format_rules(rs, out_fmt, kind=kind), output, [])


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter config.")] = Path("cxaudit.toml"),
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter cxaudit.toml."""
    from cxaudit.config import write_template
    from cxaudit.errors import CxauditError

    try:
        write_template(path, force=force)
    except CxauditError as err:
        raise fail(str(err)) from None
    sys.stderr.write(f"cxaudit: wrote {path}\n")


@app.command()
def gap(
    sources: SourcesArg = None,
    actuals: Annotated[Optional[Path], typer.Option("--actuals", help="CSV of what happened, one event a row.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Promise kind to check (e.g. delivery_time).")] = None,
    value_column: Annotated[Optional[str], typer.Option("--value-column", help="Column holding the measured duration or amount.")] = None,
    unit: Annotated[Optional[str], typer.Option("--unit", help="Unit of --value-column (days, business_days, hours, minutes, seconds, ...).")] = None,
    start_column: Annotated[Optional[str], typer.Option("--start-column", help="Date/datetime column where the duration starts.")] = None,
    end_column: Annotated[Optional[str], typer.Option("--end-column", help="Date/datetime column where it ends.")] = None,
    scope_column: Annotated[Optional[list[str]], typer.Option("--scope-column", help="COL=KEY: map a CSV column to a scope key (repeatable).")] = None,
    level: Annotated[Optional[float], typer.Option("--level", help="Share of events a promise should meet (default 0.95).")] = None,
    holidays: Annotated[Optional[Path], typer.Option("--holidays", help="Holiday dates (one ISO date a line, or a CSV with a date column).")] = None,
    config: ConfigOpt = None,
    fmt: FormatOpt = Fmt.auto,
    output: OutputOpt = None,
    lang: LangOpt = Lang.auto,
    jobs: JobsOpt = None,
    quiet: QuietOpt = False,
    rules: RulesOpt = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Exit 1 on unmet promises unless 'never'.")] = None,
) -> None:
    """How often operations met each promise: events, share met, median, p90, p95, and the promise the data supports."""
    cfg = _load_config(config, rules)
    if kind is not None:
        _check_kind(kind, rules)
    from cxaudit import pipeline
    from cxaudit.errors import CxauditError
    from cxaudit.gap import run_gap, spec_from_options

    out_fmt = _pick_format(fmt, output, ("table", "md", "json"))
    try:
        spec, csv_path = spec_from_options(kind=kind, actuals=actuals, value_column=value_column, unit=unit,
                                           start_column=start_column, end_column=end_column,
                                           scope_columns=scope_column or (), level=level, holidays=holidays,
                                           config=cfg.gap)
        inputs = [(t, c or _configured_channel(t, cfg)) for t, c in _parse_sources(sources or [], None)]
        if inputs:
            opts = pipeline.Options(sources=tuple(inputs), jobs=jobs, lang=lang.value, channel_globs=cfg.channels,
                                    rules_dir=str(rules) if rules else None)
            with _progress_ctx(quiet) as live:
                promises = pipeline.run(opts, progress=live.progress if live else None).promises
        else:
            promises = cfg.promises
        if not promises:
            raise fail("gap needs SOURCES with promises, or [[promise]] entries in the config")
        result = run_gap(csv_path, spec, promises, config_uri=cfg.path or "cxaudit.toml")
    except CxauditError as err:
        raise fail(str(err)) from None
    from cxaudit.report import gap_report

    if out_fmt == "json":
        text = gap_report.format_gap_json(result)
    elif out_fmt == "md":
        md, images = gap_report.format_gap_md(result, Path(".") if output else None)
        text = md
        if output is not None:
            from cxaudit.atomic import write_atomic

            for name, svg in images.items():
                write_atomic(output.parent / name, svg)
    else:
        import io

        from rich.console import Console

        buf = io.StringIO()
        Console(file=buf, width=120 if not sys.stdout.isatty() else None, force_terminal=sys.stdout.isatty(),
                highlight=False).print(gap_report.render_gap_table(result))
        text = buf.getvalue()
    _write(text, output, [(str(csv_path), None)])
    level_name = fail_on.value if fail_on is not None else cfg.audit.fail_on
    raise typer.Exit(EXIT_FINDINGS if result.findings and level_name != "never" else EXIT_OK)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("cxaudit: aborted\n")
        sys.exit(EXIT_SIGINT)
    except BrokenPipeError:
        sys.exit(EXIT_OK)


if __name__ == "__main__":
    main()
