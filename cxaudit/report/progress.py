"""A live progress display on stderr (documents read, promises, not read, crawl counters)."""

from __future__ import annotations

import threading

from cxaudit.pipeline import Progress


class LiveProgress:
    def __init__(self) -> None:
        self.progress = Progress()
        self._stop = threading.Event()

    def _render(self):
        from rich.text import Text

        p = self.progress
        line = f"read {p.documents} · promises {p.promises} · not read {p.not_read}"
        c = p.crawl
        if c is not None:
            line += (f" · fetched {getattr(c, 'fetched', 0)} · cached {getattr(c, 'cached', 0)}"
                     f" · queued {getattr(c, 'queued', 0)} · failed {getattr(c, 'failed', 0)}")
        cur = p.current[-70:] if p.current else ""
        return Text(f"⠿ {line}  {cur}", style="dim")

    def __enter__(self):
        from rich.console import Console
        from rich.live import Live

        self._live = Live(self._render(), console=Console(stderr=True), refresh_per_second=8, transient=True,
                          get_renderable=self._render)
        self._live.__enter__()
        return self

    def __exit__(self, *exc):
        self._live.__exit__(*exc)
        return False
