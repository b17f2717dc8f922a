"""Admin calls through kafka-python: topic creation with explicit partition counts, and consumer lag."""

from __future__ import annotations

import logging
from typing import Any

from kafka import KafkaAdminClient, TopicPartition
from kafka.admin import OffsetSpec
from kafka.errors import KafkaConnectionError, KafkaTimeoutError, TopicAlreadyExistsError

from streams.errors import BrokerUnreachable, ConfigError, UnknownTopic
from streams.logging import get_logger
from streams.settings import LagConfig, Settings

log = get_logger(__name__)

VERSIONS_TABLE = "dispatch-versions"  # the Faust table of the last version published per dispatch id
CONNECT_TIMEOUT_S = 5.0  # how long a command waits for the cluster to answer before it says it is unreachable


def admin_client(settings: Settings, **config: object) -> KafkaAdminClient:
    """A kafka-python admin client for the configured cluster."""
    return KafkaAdminClient(**settings.kafka_client_config(), client_id=f"{settings.app_id}-admin", **config)


def ensure_topics(
    settings: Settings, *, timeout_s: float = 30.0, wanted: dict[str, int] | None = None
) -> dict[str, str]:
    """Create every missing wirestream topic (or those of `wanted`, name -> partitions); topic -> "created" | "exists".

    Existing topics are left as they are, whatever their partition count.
    """
    wanted = wanted or settings.topic_partitions()
    admin = admin_client(settings, request_timeout_ms=int(timeout_s * 1000))
    try:
        existing = set(admin.list_topics())
        missing = {name: n for name, n in wanted.items() if name not in existing}
        outcome = {name: "exists" for name in wanted if name in existing}
        for name, partitions in missing.items():
            try:
                admin.create_topics(
                    {name: {"num_partitions": partitions, "replication_factor": settings.replication_factor}},
                    timeout_ms=int(timeout_s * 1000),
                )
                outcome[name] = "created"
            except TopicAlreadyExistsError:  # another worker was quicker
                outcome[name] = "exists"
            log.info("topic.ensured", topic=name, partitions=partitions, outcome=outcome[name])
        if missing:
            admin.wait_for_topics(list(missing), timeout_ms=int(timeout_s * 1000))
        return outcome
    finally:
        admin.close()


def existing_topics(settings: Settings, *, timeout_s: float = CONNECT_TIMEOUT_S) -> set[str]:
    """The cluster's topics; BrokerUnreachable when no broker answers within `timeout_s`."""
    timeout_ms = int(timeout_s * 1000)
    library = logging.getLogger("kafka")
    level = library.level
    library.setLevel(logging.CRITICAL)  # its retries would be a dozen lines; the one line below says it all
    try:
        admin = admin_client(settings, bootstrap_timeout_ms=timeout_ms, request_timeout_ms=timeout_ms)
    except (KafkaTimeoutError, KafkaConnectionError):
        raise BrokerUnreachable(
            f"no broker answered at {settings.broker} within {timeout_s:g} s "
            "(is it running? are WIRESTREAM_BROKER and the security settings right?)"
        ) from None
    finally:
        library.setLevel(level)
    try:
        return set(admin.list_topics())
    finally:
        admin.close()


def require_topics(settings: Settings, *topics: str) -> None:
    """Raise UnknownTopic for the first of `topics` the cluster does not have (BrokerUnreachable: no cluster)."""
    existing = existing_topics(settings)
    for topic in topics:
        if topic not in existing:
            ours = ", ".join(sorted(name for name in existing if not name.startswith("_"))[:10]) or "none"
            raise UnknownTopic(f"topic {topic!r} does not exist on {settings.broker} (topics there: {ours})")


def internal_topics(settings: Settings) -> list[str]:
    """The topics Faust itself uses: the assignor's leader topic and the versions table's changelog."""
    return [f"{settings.app_id}-__assignor-__leader", f"{settings.app_id}-{VERSIONS_TABLE}-changelog"]


def check_topics(settings: Settings) -> None:
    """Raise ConfigError naming the first wirestream topic that does not exist (topic creation is off)."""
    admin = admin_client(settings)
    try:
        existing = set(admin.list_topics())
    finally:
        admin.close()
    for name in [*settings.topic_partitions(), *internal_topics(settings)]:
        if name not in existing:
            raise ConfigError(f"topic {name!r} does not exist and WIRESTREAM_CREATE_TOPICS is false: create it first")


def consumer_lag(admin: Any, lag: LagConfig) -> dict[int, int]:
    """Messages not yet committed by the consumer group, per partition of the topic.

    Measured from outside the consumer, as an operator would (`kafka-consumer-groups --describe`): the
    topic's end offsets against the group's committed ones. `admin` is a kafka-python KafkaAdminClient;
    this call blocks (run it in a thread).
    """
    partitions = admin.describe_topics([lag.topic])[0]["partitions"]
    tps = [TopicPartition(lag.topic, p["partition_index"]) for p in partitions]
    ends = admin.list_partition_offsets({tp: OffsetSpec.LATEST for tp in tps})
    committed = admin.list_group_offsets({lag.group: tps}).get(lag.group, {})
    out = {}
    for tp in tps:
        done = committed.get(tp)
        done_offset = done.offset if done is not None and done.offset >= 0 else 0
        out[tp.partition] = max(ends[tp].offset - done_offset, 0)
    return dict(sorted(out.items()))
