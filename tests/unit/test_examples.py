"""The example consumers in examples/ compile, answer --help, and agree with the topics and schemas."""

from __future__ import annotations

import importlib.util
import py_compile
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"example_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_examples_for_kafka_python_and_aiokafka():
    names = {p.name for p in EXAMPLES}
    assert {"quotes_consumer.py", "enriched_consumer.py"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_compiles(path, tmp_path):
    py_compile.compile(str(path), cfile=str(tmp_path / "out.pyc"), doraise=True)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_help(path):
    done = subprocess.run([sys.executable, str(path), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for option in ("--bootstrap", "--group", "--topic", "--max"):
        assert option in done.stdout


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_needs_a_bootstrap_server(path):
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "--bootstrap" in done.stderr


@pytest.mark.parametrize(
    ("name", "topic"), [("quotes_consumer.py", "topic_quotes"), ("enriched_consumer.py", "topic_enriched")]
)
def test_example_defaults_to_the_default_topic_and_reads_an_existing_schema(name, topic):
    module = load(ROOT / "examples" / name)
    source = (ROOT / "examples" / name).read_text(encoding="utf-8")
    assert f'default="{getattr(Settings(), topic)}"' in source
    assert (ROOT / "schemas" / f"{module.SCHEMA}.json").is_file()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_seen_is_a_bounded_lru(path):
    seen = load(path).Seen(2)
    assert seen.add("a") and seen.add("b")
    assert not seen.add("a")  # a is now the most recent
    assert seen.add("c")  # evicts b
    assert not seen.add("a") and seen.add("b")
