"""Errors that end in a one-line message naming the file, URL or config key.

    CxauditError
     ├── ReadError      one document could not be read: goes to "not read", the audit goes on
     │    └── NotContent  the file is fine but holds no customer text (a YAML config): skipped, counted
     ├── ConfigError    a config file is wrong: exit 2, message names file, line and key
     └── UsageError     a command line is wrong: exit 2
"""


class CxauditError(Exception):
    """Base class; str(err) is the one-line message shown to the user."""


class ReadError(CxauditError):
    """A document could not be read. `reason` is short and says why (and which limit)."""

    def __init__(self, uri: str, reason: str):
        super().__init__(f"{uri}: {reason}")
        self.uri = uri
        self.reason = reason


class NotContent(ReadError):
    """A readable file of a supported type that is not customer-facing content (e.g. a JSON or
    YAML file that holds no question/answer pairs). Counted as skipped, not as a failure."""


class ConfigError(CxauditError):
    pass


class UsageError(CxauditError):
    pass
