"""Typed errors: each carries a short machine-readable reason for dead letters."""

from __future__ import annotations


class WirestreamError(Exception):
    """Base class of wirestream's own errors."""


class DecodeError(WirestreamError):
    """A raw message is not a processable dispatch."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class ConfigError(WirestreamError):
    """A setting is missing or wrong; the message names the setting."""


class LibraryVersionError(WirestreamError):
    """An installed library is outside the versions wirestream's overrides of its internals were written for."""
