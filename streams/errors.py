"""Typed errors: each carries a short machine-readable reason for dead letters."""

from __future__ import annotations


class WirestreamError(Exception):
    """Base class of wirestream's own errors."""


class DecodeError(WirestreamError):
    """A raw message is not a processable dispatch."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    def __reduce__(self) -> tuple:  # picklable, like every error that crosses a process boundary
        return (type(self), (self.reason, str(self)))


class EnrichFailed(WirestreamError):
    """A dispatch's enrichment failed in the enrichment process (`reason`: enrich_error, enrich_timeout).

    `error_class` names the original exception's class, which dead letters report.
    """

    def __init__(self, reason: str, error_class: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.error_class = error_class

    def __reduce__(self) -> tuple:
        return (type(self), (self.reason, self.error_class, str(self)))


class EnrichAborted(WirestreamError):
    """The enrichment process was stopped while a batch was in it (the worker is stopping): ack nothing of it."""


class OutputTooLarge(WirestreamError):
    """The events of a dispatch would exceed a record or per-message output limit."""

    reason = "output_too_large"


class ConfigError(WirestreamError):
    """A setting is missing or wrong; the message names the setting."""


class LibraryVersionError(WirestreamError):
    """An installed library is outside the versions wirestream's overrides of its internals were written for."""


class BrokerUnreachable(WirestreamError):
    """No broker of the configured cluster answered in time."""


class UnknownTopic(WirestreamError):
    """A command was given a topic that does not exist."""


class InputError(WirestreamError):
    """An input file is missing, unreadable, a directory, or holds nothing."""


# Every reason a dead letter can carry, by the stage that gives it (docs/operations.md says what each means).
DEAD_LETTER_REASONS: dict[str, tuple[str, ...]] = {
    "decode": (
        "empty",
        "too_large",
        "invalid_utf8",
        "binary",
        "invalid_json",
        "invalid_envelope",
        "invalid_xml",
        "unsafe_xml",
        "unsupported_xml",
        "unsupported_item",
        "invalid_newsml",
        "id_too_long",
        "too_many_items",
        "decode_error",
    ),
    "enrich": ("enrich_error", "enrich_timeout", "enrich_memory"),
    "publish": ("output_too_large", "publish_error"),
}
