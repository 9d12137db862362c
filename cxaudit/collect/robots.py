"""robots.txt rules per origin (RFC 9309 via protego): may we fetch a URL, how slowly, which sitemaps."""

from __future__ import annotations

from dataclasses import dataclass, field

from protego import Protego

MAX_ROBOTS_BYTES = 500_000   # RFC 9309 asks crawlers to parse at least 500 KiB
MAX_CRAWL_DELAY = 30.0       # a larger Crawl-delay would stall an audit; we cap it


@dataclass
class RobotsRules:
    """What one origin's robots.txt says. `block_all` is set when the file could not be read
    because of a server error, which RFC 9309 says means "disallow everything"."""

    parser: Protego | None = None
    block_all: str | None = None      # reason, e.g. "robots.txt unavailable (HTTP 503)"
    sitemaps: list[str] = field(default_factory=list)

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.block_all:
            return False
        if self.parser is None:
            return True
        try:
            return self.parser.can_fetch(url, user_agent)
        except Exception:  # protego on a pathological file: fail open, like a missing file
            return True

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        try:
            delay = self.parser.crawl_delay(user_agent)
            rate = self.parser.request_rate(user_agent)
        except Exception:
            return None
        if rate is not None and rate.requests:
            per = rate.seconds / rate.requests
            delay = max(delay or 0.0, per)
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)


def allow_all() -> RobotsRules:
    return RobotsRules()


def from_response(status: int | None, body: bytes | None) -> RobotsRules:
    """Rules from a fetch of /robots.txt (status None = the fetch failed at the network level).

    2xx: parse. 4xx: no rules. 5xx: disallow all (RFC 9309 2.3.1.4). A network failure is
    treated as no rules, so that the page fetches that follow report the real error."""
    if status is None:
        return RobotsRules()
    if 200 <= status < 300:
        text = (body or b"")[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        if text.startswith("\ufeff"):
            text = text[1:]
        try:
            parser = Protego.parse(text)
            sitemaps = [s.strip() for s in parser.sitemaps if s and s.strip()]
        except Exception:
            return RobotsRules()
        return RobotsRules(parser=parser, sitemaps=sitemaps)
    if status >= 500:
        return RobotsRules(block_all=f"robots.txt unavailable (HTTP {status})")
    return RobotsRules()
