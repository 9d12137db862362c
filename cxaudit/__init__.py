"""cxaudit: audit what a company promises its customers, across every touchpoint."""

__version__ = "0.1.0"
