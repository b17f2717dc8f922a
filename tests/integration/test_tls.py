"""TLS to the broker, end to end: worker, admin, producer and consumer all verify the broker's certificate.

Tansu serves plain TCP, so a TLS-terminating proxy stands in front of it and the
broker advertises the proxy's port: every client connection, including those made
after the metadata lookup, goes through TLS. The certificate is made for the test.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from kafka import KafkaProducer
from kafka.errors import KafkaError

from streams.kafka.admin import ensure_topics
from streams.kafka.broker import EmbeddedBroker, free_port
from tests.integration.conftest import consume, start_worker, unique_settings

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 that is its own CA: (certificate, key)."""
    cert, key = directory / "broker.pem", directory / "broker.key"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=wirestream-test-broker",
            "-addext", "subjectAltName=IP:127.0.0.1",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


class TlsProxy:
    """Accepts TLS on `port` and relays the decrypted bytes to a plain TCP port; counts the handshakes."""

    def __init__(self, port: int, target_port: int, cert: Path, key: Path) -> None:
        self.port, self.target_port = port, target_port
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(cert, key)
        self.handshakes = 0
        self.loop = asyncio.new_event_loop()
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(
            asyncio.start_server(self._relay, "127.0.0.1", self.port, ssl=self.context)
        )
        self.started.set()
        try:
            self.loop.run_forever()
        finally:
            server.close()

    async def _relay(self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter) -> None:
        self.handshakes += 1
        broker_in, broker_out = await asyncio.open_connection("127.0.0.1", self.target_port)

        async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            with contextlib.suppress(ConnectionError, ssl.SSLError):
                while data := await reader.read(65536):
                    writer.write(data)
                    await writer.drain()
            writer.close()

        await asyncio.gather(pipe(client_in, broker_out), pipe(broker_in, client_out))

    def __enter__(self) -> TlsProxy:
        self.thread.start()
        self.started.wait(10)
        return self

    def __exit__(self, *_: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture(scope="module")
def tls_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[EmbeddedBroker, Path]]:
    cert, key = make_certificate(tmp_path_factory.mktemp("tls"))
    proxy_port = free_port()
    broker = EmbeddedBroker(advertised_port=proxy_port)
    with broker, TlsProxy(proxy_port, broker.port, cert, key) as proxy:
        yield broker, f"kafka://127.0.0.1:{proxy_port}", cert
        assert proxy.handshakes > 0


def test_worker_enriches_over_tls(tls_broker):
    broker, front, cert = tls_broker
    settings = unique_settings(broker, broker=front, security_protocol="SSL", ssl_cafile=str(cert), stats_interval=1)
    ensure_topics(settings)
    worker = start_worker(settings)
    try:
        worker.wait_for_log("worker.assigned")
        producer = KafkaProducer(**settings.kafka_client_config(), acks="all")
        body = "BRUXELLES, 12 mars (Belga) - Le ministre Jan Peeters a présenté le budget mardi. (Belga)"
        producer.send(settings.topic_raw, key=b"tls-1", value=body.encode()).get(timeout=30)
        producer.close()
        records = consume(settings, settings.topic_enriched, lambda rs: len(rs) >= 1, timeout=90)
        assert orjson.loads(records[0].value)["id"] == "tls-1"
        stats = worker.wait_for_log("worker.stats")
        assert stats["lag_total"] is not None, stats.get("lag_error")  # the admin client measures lag over TLS
    finally:
        worker.stop()


def test_a_client_that_does_not_trust_the_certificate_is_refused(tls_broker):
    broker, front, _ = tls_broker
    settings = unique_settings(broker, broker=front, security_protocol="SSL")  # the system's CAs: not ours
    with pytest.raises(KafkaError):
        KafkaProducer(**settings.kafka_client_config(), request_timeout_ms=5000, max_block_ms=5000).send(
            settings.topic_raw, value=b"x"
        ).get(timeout=10)
