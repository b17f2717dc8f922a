"""The pipeline, the NLP core and the wire formats need no Kafka library; `wirestream enrich` runs without one."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[2]
KAFKA_LIBRARIES = ("faust", "aiokafka", "kafka", "mode")  # kafka: kafka-python; mode: Faust's service library
PURE = [ROOT / "streams" / "pipeline.py", *sorted((ROOT / "streams" / "nlp").rglob("*.py"))]
PURE += sorted((ROOT / "streams" / "wire").rglob("*.py"))
PURE += [*sorted((ROOT / "streams" / "enrich_process").rglob("*.py")), ROOT / "streams" / "textrules.py"]
PURE += [ROOT / "streams" / "eventtime.py", ROOT / "streams" / "quotekey.py"]
PURE += sorted((ROOT / "streams" / "stories").rglob("*.py")) + sorted((ROOT / "streams" / "trends").rglob("*.py"))
BLOCK = "import sys\nfor name in {names!r}:\n    sys.modules[name] = None  # `import name` now raises ImportError\n"


def imported_roots(path: Path) -> set[str]:
    """The top-level packages a module imports, at any depth of its code (function-level imports included)."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_pure_module_imports_a_kafka_library():
    assert len(PURE) > 10
    offenders = {str(p.relative_to(ROOT)): sorted(imported_roots(p) & set(KAFKA_LIBRARIES)) for p in PURE}
    assert not {path: names for path, names in offenders.items() if names}


def test_importing_the_pure_modules_loads_no_kafka_library():
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in PURE]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(KAFKA_LIBRARIES)!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_enrich_runs_with_no_kafka_library_importable(tmp_path):
    text = tmp_path / "dispatch.txt"
    text.write_text("NAMUR, 3 mars (Belga) - Le ministre Jean Dupont a déclaré: « Le budget est voté. »\n")
    envelopes = tmp_path / "more.jsonl"
    envelopes.write_bytes(b'{"id": "b", "body": 3}\n')
    code = BLOCK.format(names=KAFKA_LIBRARIES) + (
        f"from streams.cli import main\nsys.exit(main(['enrich', {str(text)!r}, {str(envelopes)!r}]))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "WIRESTREAM_PIPELINES": ""}  # rules only: fast, and no model needed
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 1, done.stderr.decode()[-2000:]  # 1: the second input is a dead letter
    events = [orjson.loads(line) for line in done.stdout.splitlines()]
    assert [e["schema"] for e in events] == ["wirestream.enriched.v1"]
    assert events[0]["quotes"][0]["text"] == "Le budget est voté."
    letters = [orjson.loads(line) for line in done.stderr.splitlines() if line.startswith(b'{"schema"')]
    assert [(d["reason"], d["stage"]) for d in letters] == [("invalid_envelope", "decode")]
