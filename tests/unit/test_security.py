"""SASL and TLS settings reach every Kafka client; secrets stay out of output and logs."""

from __future__ import annotations

import subprocess
import sys

import faust
import pytest

from streams.errors import ConfigError
from streams.kafka.app import credentials
from streams.settings import Settings, load_settings

SECRET = "hunter2-do-not-print"


@pytest.fixture
def ca(tmp_path):
    path = tmp_path / "ca.pem"
    path.write_text("-----BEGIN CERTIFICATE-----\n")  # only its existence is checked here
    return str(path)


def test_plaintext_has_no_credentials():
    settings = Settings()
    assert credentials(settings) is None
    assert settings.kafka_client_config() == {"bootstrap_servers": ["localhost:9092"], "security_protocol": "PLAINTEXT"}


def test_sasl_scram_over_plaintext():
    settings = Settings(
        security_protocol="SASL_PLAINTEXT", sasl_mechanism="SCRAM-SHA-512", sasl_username="ws", sasl_password=SECRET
    )
    config = settings.kafka_client_config()
    assert config["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (config["sasl_plain_username"], config["sasl_plain_password"]) == ("ws", SECRET)
    creds = credentials(settings)
    assert isinstance(creds, faust.SASLCredentials)
    assert creds.mechanism.value == "SCRAM-SHA-512" and creds.protocol.value == "SASL_PLAINTEXT"
    assert SECRET not in repr(creds)


def test_sasl_over_tls_uses_the_ca_file(monkeypatch, ca):
    seen = {}

    def fake_context(**kwargs):  # the CA file above is not a real certificate
        seen.update(kwargs)
        return object()

    monkeypatch.setattr("streams.kafka.app.create_ssl_context", fake_context)
    settings = Settings(security_protocol="SASL_SSL", sasl_username="ws", sasl_password=SECRET, ssl_cafile=ca)
    creds = credentials(settings)
    assert creds.protocol.value == "SASL_SSL" and seen["cafile"] == ca
    assert settings.kafka_client_config()["ssl_cafile"] == ca


def test_tls_only(monkeypatch, ca):
    monkeypatch.setattr("streams.kafka.app.create_ssl_context", lambda **kwargs: object())
    creds = credentials(Settings(security_protocol="SSL", ssl_cafile=ca))
    assert isinstance(creds, faust.SSLCredentials)


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"WIRESTREAM_SECURITY_PROTOCOL": "SASL_SSL"}, "WIRESTREAM_SASL_USERNAME"),
        ({"WIRESTREAM_SECURITY_PROTOCOL": "TLS"}, "WIRESTREAM_SECURITY_PROTOCOL"),
        ({"WIRESTREAM_SASL_MECHANISM": "GSSAPI"}, "WIRESTREAM_SASL_MECHANISM"),
        ({"WIRESTREAM_SSL_CAFILE": "/nonexistent/ca.pem"}, "WIRESTREAM_SSL_CAFILE"),
    ],
)
def test_bad_security_settings_are_named(environ, named):
    with pytest.raises(ConfigError, match=named):
        load_settings(environ=environ)


def test_config_output_masks_secrets():
    env = {
        "PATH": "/usr/bin",
        "WIRESTREAM_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "WIRESTREAM_SASL_USERNAME": "ws",
        "WIRESTREAM_SASL_PASSWORD": SECRET,
    }
    done = subprocess.run([sys.executable, "-m", "streams", "config"], env=env, capture_output=True, timeout=60)
    assert done.returncode == 0
    out = done.stdout.decode() + done.stderr.decode()
    assert SECRET not in out
    assert "WIRESTREAM_SASL_PASSWORD=****" in out and "WIRESTREAM_SASL_USERNAME=ws" in out


def test_worker_logs_never_contain_the_password():
    # nothing listens on this port: the worker logs its start and its broker waits, then we stop it
    env = {
        "PATH": "/usr/bin",
        "WIRESTREAM_BROKER": "kafka://127.0.0.1:9",
        "WIRESTREAM_HEALTH_PORT": "0",
        "WIRESTREAM_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "WIRESTREAM_SASL_USERNAME": "ws",
        "WIRESTREAM_SASL_PASSWORD": SECRET,
        "WIRESTREAM_LOG_LEVEL": "debug",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "streams", "worker"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        output = b""
        while b"broker.unavailable" not in output:
            line = proc.stdout.readline()
            if not line:
                break
            output += line
    finally:
        proc.terminate()
        rest, _ = proc.communicate(timeout=30)
    output += rest
    assert b"broker.unavailable" in output
    assert SECRET.encode() not in output
