"""The crawler's options, apart from the crawler so that building them (every audit does, even of
local files) does not import httpx and the rest of the crawler."""

from __future__ import annotations

from dataclasses import dataclass

from cxaudit import __version__

USER_AGENT = f"cxaudit/{__version__}"


@dataclass(frozen=True)
class CrawlOptions:
    max_pages: int = 500
    max_depth: int | None = None
    concurrency: int = 8
    rate: float = 5.0                 # requests per second per host; 0 = unlimited
    timeout: float = 15.0             # per request: connect, and each read
    page_time_limit: float = 60.0     # whole request + body of one attempt (slow-drip guard)
    retries: int = 2
    max_redirects: int = 5
    max_body_bytes: int = 10_000_000
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    allow_hosts: tuple[str, ...] = ()
    ignore_robots: bool = False
    cache_dir: str | None = ".cxaudit-cache"   # None = no cache
    user_agent: str = USER_AGENT
    time_budget: float | None = None  # seconds for the whole crawl
    retry_backoff: float = 0.5        # first retry waits about this long, then doubles
    max_retry_after: float = 60.0     # a longer Retry-After gives up instead of stalling the audit
