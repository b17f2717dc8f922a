"""The overrides of Faust, aiokafka and mode internals (streams/kafka/faust_compat.py) still take hold.

An override of a renamed internal would silently do nothing, so each one is checked against the upstream
names it relies on, and the worker refuses to start on library versions it was not written against.
Elsewhere: the seek fix in tests/unit/test_consumer_seek.py, the running consumer's fetch wait in
tests/integration/test_fetch_wait.py, the SIGTERM drain and restarts in tests/integration/test_reliability.py,
the producer's errors in tests/unit/test_hostile.py.
"""

from __future__ import annotations

import asyncio
import inspect
import signal
import sys
from importlib import metadata
from pathlib import Path

import aiokafka
import faust
import mode
import pytest
from faust.transport.drivers import aiokafka as aiokafka_driver
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from streams.errors import LibraryVersionError
from streams.kafka import faust_compat
from streams.kafka.app import create_app
from streams.nlp.enrich import Enricher
from streams.settings import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def app_with(**changes):
    return create_app(Settings(health_port=0, stats_interval=0).replace(**changes), Enricher({}))


# -- versions -------------------------------------------------------------------------------------------------


def test_the_installed_versions_are_the_ones_written_against():
    faust_compat.check_versions()


@pytest.mark.parametrize(
    ("library", "version"),
    [("aiokafka", "0.15.0"), ("aiokafka", "0.13.0"), ("mode-streaming", "0.8.0"), ("faust-streaming", "0.16.1")],
)
def test_a_library_outside_its_range_is_named_in_one_line(library, version):
    def installed(name: str) -> str:
        return version if name == library else metadata.version(name)

    with pytest.raises(LibraryVersionError) as raised:
        faust_compat.check_versions(installed)
    message = str(raised.value)
    assert message.startswith(f"{library} {version} is installed")
    assert faust_compat.WRITTEN_AGAINST[library] in message and "\n" not in message


def test_a_missing_library_is_named():
    def installed(name: str) -> str:
        if name == "mode-streaming":
            raise metadata.PackageNotFoundError(name)
        return metadata.version(name)

    with pytest.raises(LibraryVersionError, match="mode-streaming"):
        faust_compat.check_versions(installed)


def test_the_worker_stops_at_start_with_exit_code_2_naming_the_library(monkeypatch, capsys):
    from streams import cli

    real = metadata.version
    monkeypatch.setattr(faust_compat.metadata, "version", lambda name: "0.99.0" if name == "aiokafka" else real(name))
    assert cli.main(["worker"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("wirestream: aiokafka 0.99.0 is installed")


def test_pyproject_pins_each_library_to_the_range_written_against():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {Requirement(line).name: Requirement(line).specifier for line in project["dependencies"]}
    for name, wanted in faust_compat.WRITTEN_AGAINST.items():
        assert pins.get(name) == SpecifierSet(wanted), f"pyproject.toml pins {name} to {pins.get(name)}, not {wanted}"


# -- every override still overrides something ----------------------------------------------------------------

UPSTREAM_NAMES = [
    # the fetch wait: Faust builds the worker's aiokafka consumer here, with a fixed fetch_max_wait_ms
    (aiokafka_driver.AIOKafkaConsumerThread, "_create_worker_consumer"),
    # the seek fix: the consumer thread's calls, the consumer's delivery, seek and pause
    (aiokafka_driver.AIOKafkaConsumerThread, "call_thread"),
    (aiokafka_driver.AIOKafkaConsumerThread, "_ensure_consumer"),
    (aiokafka_driver.Consumer, "_new_consumer_thread"),
    (aiokafka_driver.Consumer, "getmany"),
    (aiokafka_driver.Consumer, "perform_seek"),
    (aiokafka_driver.Consumer, "seek_to_committed"),
    (aiokafka_driver.Consumer, "_get_active_partitions"),
    (aiokafka_driver.Consumer, "pause_partitions"),
    (aiokafka_driver.Consumer, "resume_partitions"),
    (aiokafka.AIOKafkaConsumer, "pause"),
    (aiokafka.AIOKafkaConsumer, "resume"),
    (aiokafka.AIOKafkaConsumer, "assignment"),
    # the transport hook: the app builds its transport, the transport its consumer
    (faust.App, "_new_transport"),
    (aiokafka_driver.Transport, "Consumer"),
    # the signal handlers: mode installs these on the loop, and stops through _schedule_shutdown
    (mode.Worker, "_on_sigterm"),
    (mode.Worker, "_on_sigint"),
    (mode.Worker, "_schedule_shutdown"),
    (mode.Worker, "_install_signal_handlers_unix"),
    # the producer: started on demand, its send called positionally
    (faust.App, "maybe_start_producer"),
    (aiokafka_driver.Producer, "send"),
]


@pytest.mark.parametrize(("upstream", "name"), UPSTREAM_NAMES, ids=lambda v: getattr(v, "__qualname__", v))
def test_the_upstream_name_an_override_relies_on_exists(upstream, name):
    assert hasattr(upstream, name), f"{upstream.__module__}.{upstream.__qualname__}.{name} is gone: see faust_compat"


def test_mode_installs_the_handlers_the_worker_overrides():
    source = inspect.getsource(mode.Worker._install_signal_handlers_unix)
    assert "self._on_sigterm" in source and "self._on_sigint" in source


def test_aiokafka_reads_the_fetch_wait_from_the_attribute_the_override_sets():
    assert "self._fetch_max_wait_ms = fetch_max_wait_ms" in inspect.getsource(aiokafka.AIOKafkaConsumer.__init__)
    assert "fetch_max_wait_ms=self._fetch_max_wait_ms" in inspect.getsource(aiokafka.AIOKafkaConsumer.start)


def test_the_app_builds_its_consumer_and_thread_through_the_overrides():
    app = app_with(fetch_max_wait=0.123)
    assert isinstance(app.transport, faust_compat.Transport)
    assert isinstance(app.consumer, faust_compat.Consumer)
    assert app.fetch_max_wait_ms == 123

    async def build():
        thread = app.consumer._new_consumer_thread()
        consumer = thread._create_worker_consumer(app.transport)
        try:
            return type(thread), consumer._fetch_max_wait_ms
        finally:
            await consumer.stop()

    assert asyncio.run(build()) == (faust_compat.ConsumerThread, 123)


def test_the_producer_send_takes_partition_timestamp_and_headers_positionally():
    params = list(inspect.signature(aiokafka_driver.Producer.send).parameters)
    assert params[:7] == ["self", "topic", "key", "value", "partition", "timestamp", "headers"]


def test_the_producer_send_calls_the_transport_producer_with_them():
    calls = []

    class Producer:
        async def send(self, *args, **kwargs):
            calls.append((args, kwargs))
            return "ack"

    class App:
        async def maybe_start_producer(self):
            return Producer()

    headers = [("schema", b"wirestream.enriched.v1")]
    assert asyncio.run(faust_compat.producer_send(App())("enriched", b"k", b"{}", headers)) == "ack"
    assert calls == [(("enriched", b"k", b"{}", None, None, headers), {})]


def test_sigterm_drains_the_agent_then_shuts_down_and_no_spinner_is_drawn():
    app = app_with()
    steps = []

    class Agent:
        async def drain(self):
            steps.append("drain")
            return True

    async def run():
        worker = faust_compat.Worker(app, loglevel="warning", override_logging=False, quiet=True)
        assert worker.spinner is None  # escape codes would end up in the JSON log stream
        app.enrich_agent = Agent()
        worker._schedule_shutdown = lambda signum: steps.append(signum)
        worker._on_sigterm()
        await asyncio.sleep(0.05)

    asyncio.run(run())
    assert steps == ["drain", signal.SIGTERM]
