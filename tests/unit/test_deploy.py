"""The deployment files (deploy/) and the docs (docs/) agree with the code.

Nothing here runs Docker, Kubernetes or systemd: the files are parsed, and what they say about settings,
topics, ports, paths and users is compared with streams.settings and with each other.
Needs PyYAML (in the `dev` extra).
"""

from __future__ import annotations

import base64
import fnmatch
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import threading
from dataclasses import fields
from functools import cache
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from streams.nlp.models import shipped_pipeline
from streams.settings import ENV_PREFIX, Settings, ignored_variables, load_settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

try:
    import yaml
except ImportError:  # pragma: no cover - reported by every test that needs it
    yaml = None

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
K8S = DEPLOY / "k8s"
DOCS = ROOT / "docs"

SETTINGS = {f.name for f in fields(Settings)}
# Settings the deployment files rely on (health endpoint, stats, SASL/TLS).
DEPLOYED = {
    "health_port",
    "stats_interval",
    "security_protocol",
    "sasl_mechanism",
    "sasl_username",
    "sasl_password",
    "ssl_cafile",
}
# Variables that the code reads but that are not settings.
NOT_SETTINGS = {"WIRESTREAM_CONFIG"}


# -- helpers ------------------------------------------------------------------------------------------------


def need_yaml() -> Any:
    if yaml is None:
        pytest.fail("PyYAML is missing: `.venv/bin/pip install PyYAML` (it belongs to the `dev` extra)")
    return yaml


@cache
def yaml_docs(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in need_yaml().safe_load_all(path.read_text(encoding="utf-8")) if doc is not None]


def yaml_doc(path: Path) -> dict[str, Any]:
    docs = yaml_docs(path)
    assert len(docs) == 1, f"{path.name}: expected one YAML document, found {len(docs)}"
    return docs[0]


def setting_name(variable: str) -> str:
    return variable[len(ENV_PREFIX) :].lower()


def require_settings(*names: str) -> None:
    """Fail, naming them, when some of these are not settings of Settings."""
    missing = sorted(n for n in names if n not in SETTINGS)
    assert not missing, f"not settings of streams.settings.Settings: {missing}"


def settings_from_env(env: dict[str, Any], **replace: str) -> Settings:
    """Settings as a worker with this environment would load them (all of it must be real settings)."""
    environ = {k: str(v) for k, v in env.items() if k.startswith(ENV_PREFIX)}
    require_settings(*(setting_name(k) for k in environ))
    environ.update(replace)
    return load_settings(environ=environ)


def drain_s() -> float:
    from streams.kafka.agent import DRAIN_TIMEOUT_S

    return float(DRAIN_TIMEOUT_S)


def seconds(value: str | int) -> float:
    """'30s', '1m30s', '30' or 30 -> seconds."""
    text = str(value).strip()
    if text.isdigit():
        return float(text)
    units = {"ms": 0.001, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600}
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*(ms|sec|min|s|m|h)", text)
    assert parts and "".join(n + u for n, u in parts) == text.replace(" ", ""), f"not a duration: {value!r}"
    return sum(float(n) * units[u] for n, u in parts)


def faust_internal_topics(settings: Settings) -> dict[str, dict[str, Any]]:
    """Faust's own topics for these settings, from the app the worker builds: name -> partitions, compacted."""
    from streams.kafka.app import create_app
    from streams.nlp.enrich import Enricher

    plain = Settings().replace(app_id=settings.app_id, partitions=settings.partitions)
    app = create_app(plain, Enricher(plain.pipeline_map))  # builds the app only: no model, no broker
    topics: dict[str, dict[str, Any]] = {}
    if not app.conf.topic_disable_leader:
        topics[app._leader_assignor._leader_topic_name] = {"partitions": 1, "compacted": False}
    for table in app.tables.values():
        changelog = table.changelog_topic
        topics[changelog.get_topic_name()] = {
            "partitions": changelog.partitions or table.partitions or settings.partitions,
            "compacted": bool(changelog.compacting),
        }
    return topics


def dead_letter_bytes(settings: Settings) -> int:
    """A lower bound of a dead letter's size for the largest accepted dispatch (value in base64 + JSON)."""
    return 4 * math.ceil(settings.max_dispatch_bytes / 3) + 64 * 1024


# -- every WIRESTREAM_* variable named anywhere in deploy/ and docs/ is a setting -------------------------------


def _deploy_and_doc_files() -> list[Path]:
    files = [p for base in (DEPLOY, DOCS) if base.is_dir() for p in sorted(base.rglob("*")) if p.is_file()]
    return [p for p in files if p.suffix not in (".pyc",) and "__pycache__" not in p.parts]


def _variables_used() -> dict[str, list[str]]:
    used: dict[str, list[str]] = {}
    for path in _deploy_and_doc_files():
        for variable in set(re.findall(r"\bWIRESTREAM_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8"))):
            used.setdefault(variable, []).append(str(path.relative_to(ROOT)))
    return dict(sorted(used.items()))


def _variable_params() -> list[Any]:
    return [pytest.param(variable, where, id=variable) for variable, where in _variables_used().items()]


def test_the_deploy_files_name_settings_at_all():
    assert len(_variables_used()) > 10


@pytest.mark.parametrize(("variable", "where"), _variable_params())
def test_every_variable_in_deploy_and_docs_is_a_real_setting(variable, where):
    ignored = ignored_variables({variable: ""})  # another tool's (service links): ignored with a warning
    assert variable in NOT_SETTINGS or setting_name(variable) in SETTINGS or ignored, (
        f"{variable} (in {', '.join(where)}) is not a setting of streams.settings.Settings; "
        "an unknown WIRESTREAM_* variable close to a setting's name stops the worker at start"
    )


def test_the_settings_the_deployment_relies_on_exist():
    require_settings(*sorted(DEPLOYED))


def test_a_missing_setting_fails_the_test_that_requires_it():
    with pytest.raises(AssertionError, match="no_such_setting"):
        require_settings("health_port", "no_such_setting")


# -- Dockerfile -----------------------------------------------------------------------------------------------


def dockerfile_instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined and comments dropped."""
    out, buffer = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#") or (not line and not buffer):
            continue
        if not line:
            continue
        if line.endswith("\\"):
            buffer += line[:-1].rstrip() + " "
            continue
        buffer += line
        instruction, _, arguments = buffer.partition(" ")
        out.append((instruction.upper(), arguments.strip()))
        buffer = ""
    assert not buffer, "the Dockerfile ends inside a continued line"
    return out


@cache
def dockerfile() -> list[tuple[str, str]]:
    return dockerfile_instructions((DEPLOY / "Dockerfile").read_text(encoding="utf-8"))


def stages() -> list[tuple[str, str | None, list[tuple[str, str]]]]:
    """(image, stage name, instructions) for each FROM."""
    out: list[tuple[str, str | None, list[tuple[str, str]]]] = []
    for instruction, arguments in dockerfile():
        if instruction == "FROM":
            match = re.fullmatch(r"(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?", arguments, re.IGNORECASE)
            assert match, f"FROM {arguments}"
            out.append((match[1], match[2], []))
        elif out:
            out[-1][2].append((instruction, arguments))
    return out


def final_stage() -> list[tuple[str, str]]:
    return stages()[-1][2]


def one(instructions: list[tuple[str, str]], name: str) -> str:
    found = [arguments for instruction, arguments in instructions if instruction == name]
    assert found, f"no {name} in the final stage"
    return found[-1]


def image_arg(name: str) -> str:
    """The default of a global ARG (declared before the first FROM)."""
    for instruction, arguments in dockerfile():
        if instruction == "FROM":
            break
        if instruction == "ARG" and arguments.startswith(f"{name}="):
            return arguments.split("=", 1)[1]
    raise AssertionError(f"no global ARG {name}")


def final_uid() -> int:
    args = dict(a.split("=", 1) for i, a in final_stage() if i == "ARG" and "=" in a)
    return int(args["UID"])


def test_dockerfile_is_multi_stage_with_named_stages_and_a_pinned_base():
    built = stages()
    assert len(built) >= 2
    names = [name for _, name, _ in built]
    assert all(names), f"every stage is named with AS: {names}"
    copies_from = {m for _, a in final_stage() for m in re.findall(r"--from=(\S+)", a)}
    assert copies_from and copies_from <= set(names), "the final stage copies from a named earlier stage"
    base = image_arg("PYTHON_IMAGE")
    match = re.fullmatch(r"python:(\d+)\.(\d+)-slim(-\w+)?", base)
    assert match, f"base image {base!r} is not a pinned python:X.Y-slim"
    assert (int(match[1]), int(match[2])) >= (3, 11), "the build reads pyproject.toml with tomllib"


def test_dockerfile_runs_as_a_non_root_user_it_creates():
    instructions = final_stage()
    user = one(instructions, "USER")
    name, _, group = user.partition(":")
    assert name not in ("root", "0") and group not in ("root", "0"), f"USER {user}"
    creates = " ".join(a for i, a in instructions if i == "RUN")
    assert re.search(rf"useradd\b[^&;]*--uid \$\{{UID\}}[^&;]*\b{re.escape(name)}\b", creates), "the user is created"
    assert final_uid() >= 1000
    # nothing after USER switches back
    after = instructions[[i for i, _ in instructions].index("USER") :]
    assert [a for i, a in after if i == "USER"] == [user]


def test_dockerfile_entrypoint_and_command():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert json.loads(one(final_stage(), "ENTRYPOINT")) == ["wirestream"]
    assert "wirestream" in scripts
    assert json.loads(one(final_stage(), "CMD")) == ["worker"]


def test_dockerfile_downloads_no_model_and_pipes_nothing_into_a_shell():
    runs = [a for stage in stages() for i, a in stage[2] if i == "RUN"]
    for command in runs:
        for pattern in (r"\bcurl\b", r"\bwget\b", r"\|\s*(ba)?sh\b", r"spacy\s+download", r"https?://", r"huggingface"):
            assert not re.search(pattern, command), f"RUN {command[:80]}... matches {pattern}"


def test_the_spacy_pipelines_are_pip_dependencies_installed_at_build_time():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    dependencies = {norm(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in project["dependencies"]}
    for package in Settings().pipeline_map.values():
        if shipped_pipeline(package) is not None:
            continue  # shipped inside the wirestream package (streams/data), installed with it
        assert norm(package) in dependencies, f"{package} must be a dependency so that the image contains it"
    build = stages()[0][2]
    copied = [a for i, a in build if i == "COPY"]
    assert any(a.split()[0] == "pyproject.toml" for a in copied)
    assert any("pip install" in a and "requirements" in a for i, a in build if i == "RUN")
    # the smoke test loads every configured pipeline, as the runtime user, without the network
    smoke = [a for i, a in final_stage() if i == "RUN" and "wirestream enrich" in a]
    assert smoke and smoke[0].startswith("--network=none "), "the image enriches a sample offline at build time"
    smoke_at = next(k for k, (i, a) in enumerate(final_stage()) if i == "RUN" and "wirestream enrich" in a)
    assert [i for i, _ in final_stage()].index("USER") < smoke_at, "the smoke test runs as the runtime user"


def test_every_data_file_of_the_package_is_installed():
    """The image and a VM install run `pip install .`, not an editable install: data files need package-data."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"].get("package-data", {}).get("streams", [])
    package = ROOT / "streams"
    data = [
        p.relative_to(package).as_posix()
        for p in sorted(package.rglob("*"))
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    missing = [f for f in data if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)]
    assert not missing, f"not in [tool.setuptools.package-data] streams = {patterns}: {missing}"


def test_dockerfile_copies_only_what_exists_and_is_not_ignored():
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert ignore[ignore.index("*")] == "*", "the ignore file starts from nothing"
    allowed = [p[1:].rstrip("/") for p in ignore if p.startswith("!")]
    for stage in stages():
        for instruction, arguments in stage[2]:
            if instruction != "COPY" or "--from=" in arguments:
                continue
            sources = [a for a in arguments.split() if not a.startswith("--")][:-1]
            for source in sources:
                assert (ROOT / source).exists(), f"COPY {source}: no such file in the repository"
                assert any(source.rstrip("/").startswith(a) for a in allowed), f"{source} is excluded from the context"


def test_sample_paths_named_in_deploy_files_exist():
    named = set()
    for path in _deploy_and_doc_files():
        named |= set(re.findall(r"/usr/share/wirestream/samples/([\w.-]+)", path.read_text(encoding="utf-8")))
    assert named
    for name in named:
        assert (ROOT / "streams" / "samples" / name).is_file(), name


def test_dockerfile_workdir_and_port():
    require_settings("health_port")
    assert one(final_stage(), "WORKDIR") == "/var/lib/wirestream"
    assert one(final_stage(), "EXPOSE").split("/")[0] == str(Settings().health_port)
    assert one(final_stage(), "STOPSIGNAL") == "SIGTERM"


def healthcheck_command() -> tuple[dict[str, str], list[str]]:
    arguments = one(final_stage(), "HEALTHCHECK")
    options = dict(re.findall(r"--([\w-]+)=(\S+)", arguments))
    command = arguments[arguments.index("CMD") + 3 :].strip()
    return options, json.loads(command)


def test_healthcheck_calls_healthz_with_urllib_on_the_configured_port():
    require_settings("health_port")
    options, command = healthcheck_command()
    assert command[:2] == ["python", "-c"], "python, since curl may be absent"
    code = command[2]
    compile(code, "<healthcheck>", "exec")
    assert "urllib.request" in code and "/healthz" in code
    assert "WIRESTREAM_HEALTH_PORT" in code and f"'{Settings().health_port}'" in code
    assert seconds(options["start-period"]) >= 60, "the models take a while to load"
    assert seconds(options["timeout"]) > 4


class _Health(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.status if self.path == "/healthz" else 404)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: Any) -> None:
        pass


@pytest.mark.parametrize(("status", "healthy"), [(200, True), (503, False), (None, False)])
def test_healthcheck_command_exit_code(status, healthy):
    _, command = healthcheck_command()
    handler = type("Handler", (_Health,), {"status": status or 200})
    server = HTTPServer(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    if status is None:
        server.server_close()  # nothing listens
    else:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {**os.environ, "WIRESTREAM_HEALTH_PORT": str(port)}
        done = subprocess.run([sys.executable, *command[1:]], env=env, capture_output=True, timeout=30)
    finally:
        if status is not None:
            server.shutdown()
            server.server_close()
    assert (done.returncode == 0) is healthy, done.stderr.decode()[-500:]
    assert done.returncode in (0, 1), "Docker reserves exit code 2"


# -- compose.yaml ---------------------------------------------------------------------------------------------


@cache
def compose() -> dict[str, Any]:
    return yaml_doc(DEPLOY / "compose.yaml")


def listeners(value: str) -> dict[str, tuple[str, int]]:
    out = {}
    for item in value.split(","):
        name, _, address = item.partition("://")
        host, _, port = address.rpartition(":")
        out[name] = (host, int(port))
    return out


def test_compose_has_kafka_topics_worker_and_a_tools_cli():
    services = compose()["services"]
    assert {"kafka", "topics", "worker", "cli"} <= set(services)
    assert services["cli"]["profiles"] == ["tools"] and services["cli"]["restart"] == "no"


def test_compose_kafka_is_the_official_image_in_kraft_combined_mode():
    kafka = compose()["services"]["kafka"]
    image, _, tag = kafka["image"].partition(":")
    assert image == "apache/kafka" and re.fullmatch(r"\d+\.\d+\.\d+", tag), "official image, pinned"
    env = {k: str(v) for k, v in kafka["environment"].items()}
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    bound = listeners(env["KAFKA_LISTENERS"])
    protocols = dict(item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    controller = env["KAFKA_CONTROLLER_LISTENER_NAMES"]
    assert set(bound) <= set(protocols) and controller in bound
    assert env["KAFKA_INTER_BROKER_LISTENER_NAME"] in bound
    voter_id, _, voter = env["KAFKA_CONTROLLER_QUORUM_VOTERS"].partition("@")
    assert voter_id == env["KAFKA_NODE_ID"]
    host, _, port = voter.partition(":")
    assert host in (kafka.get("hostname"), "kafka") and int(port) == bound[controller][1]
    advertised = listeners(env["KAFKA_ADVERTISED_LISTENERS"])
    assert controller not in advertised and set(advertised) <= set(bound)
    cluster_id = base64.urlsafe_b64decode(env["CLUSTER_ID"] + "==")
    assert len(env["CLUSTER_ID"]) == 22 and len(cluster_id) == 16, "CLUSTER_ID is a base64url 16-byte id"
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == "1"
    assert env["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"] == "1"
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert kafka["healthcheck"]["test"]
    assert any(v.endswith(":/var/lib/kafka/data") for v in kafka["volumes"])
    assert env["KAFKA_LOG_DIRS"] == "/var/lib/kafka/data"


def test_compose_kafka_accepts_the_largest_dead_letter():
    env = compose()["services"]["kafka"]["environment"]
    assert int(env["KAFKA_MESSAGE_MAX_BYTES"]) >= dead_letter_bytes(Settings())


def test_compose_host_listener_is_published_on_the_advertised_port():
    kafka = compose()["services"]["kafka"]
    advertised = listeners(kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"])
    published = [p.split(":") for p in kafka["ports"]]
    host_side = {(parts[-3] if len(parts) == 3 else "0.0.0.0", int(parts[-2]), int(parts[-1])) for parts in published}
    local = [(h, p) for h, p in advertised.values() if h == "localhost"]
    assert local, "one listener is advertised for clients on the host"
    for _, port in local:
        assert any(h == port == c for _, h, c in host_side)
        readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
        assert f"localhost:{port}" in readme


def test_compose_topics_service_runs_once_after_kafka_is_healthy():
    topics = compose()["services"]["topics"]
    assert topics["command"] == ["topics", "create"]
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert topics["restart"] == "no" and topics["healthcheck"]["disable"] is True


def test_compose_worker_scales():
    worker = compose()["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker, "--scale needs neither"
    assert worker["command"] == ["worker"]
    assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    assert worker["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert worker["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (DEPLOY / worker["build"]["context"] / worker["build"]["dockerfile"]).resolve() == DEPLOY / "Dockerfile"


def test_compose_worker_runs_read_only_with_writable_workdir():
    worker = compose()["services"]["worker"]
    assert worker["read_only"] is True
    mounts = {entry.split(":")[0]: entry for entry in worker["tmpfs"]}
    workdir = one(final_stage(), "WORKDIR")
    assert workdir in mounts and "/tmp" in mounts
    assert f"uid={final_uid()}" in mounts[workdir]
    assert worker["cap_drop"] == ["ALL"]
    assert seconds(worker["stop_grace_period"]) >= drain_s() + 10


def test_compose_settings_are_valid_and_name_the_default_topics():
    services = compose()["services"]
    kafka_env = services["kafka"]["environment"]
    advertised = listeners(kafka_env["KAFKA_ADVERTISED_LISTENERS"])
    inter_broker = advertised[kafka_env["KAFKA_INTER_BROKER_LISTENER_NAME"]]
    for name in ("topics", "worker", "cli"):
        settings = settings_from_env(services[name]["environment"])
        assert settings.bootstrap_servers == [f"{inter_broker[0]}:{inter_broker[1]}"]
        assert settings.topic_partitions() == Settings().topic_partitions()
        assert settings.replication_factor == 1, "one Kafka node"


# -- Kubernetes -------------------------------------------------------------------------------------------------


@cache
def kustomization() -> dict[str, Any]:
    return yaml_doc(K8S / "kustomization.yaml")


@cache
def k8s_objects() -> list[dict[str, Any]]:
    return [doc for name in kustomization()["resources"] for doc in yaml_docs(K8S / name)]


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [o for o in k8s_objects() if o["kind"] == kind]


def single(kind: str) -> dict[str, Any]:
    found = of_kind(kind)
    assert len(found) == 1, f"{len(found)} {kind}"
    return found[0]


def container() -> dict[str, Any]:
    containers = single("Deployment")["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def configmap_env() -> dict[str, str]:
    return {k: str(v) for k, v in single("ConfigMap")["data"].items()}


def secret_env() -> dict[str, str]:
    """The secret's variables, from the example of the env file the secretGenerator reads."""
    (generator,) = kustomization()["secretGenerator"]
    out = {}
    for name in generator["envs"]:
        for line in (K8S / f"{name}.example").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                key, _, value = line.partition("=")
                out[key.strip()] = value.strip()
    return out


def k8s_settings(tmp_path: Path) -> Settings:
    """What the worker loads from the ConfigMap and the Secret (the CA file replaced by a local one)."""
    env = {**configmap_env(), **secret_env()}
    replace = {}
    if "WIRESTREAM_SSL_CAFILE" in env:
        ca = tmp_path / "ca.crt"
        ca.write_text("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")
        replace["WIRESTREAM_SSL_CAFILE"] = str(ca)
    return settings_from_env(env, **replace)


def strimzi_cluster() -> str:
    clusters = {o["metadata"]["labels"]["strimzi.io/cluster"] for o in of_kind("KafkaTopic") + of_kind("KafkaUser")}
    assert len(clusters) == 1, f"one Strimzi cluster label for all: {clusters}"
    return clusters.pop()


def test_every_manifest_parses_and_is_listed_in_the_kustomization():
    manifests = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization()["resources"]) == manifests
    for obj in k8s_objects():
        assert obj["apiVersion"] and obj["kind"] and obj["metadata"]["name"]
    kinds = {o["kind"] for o in k8s_objects()}
    assert {"Deployment", "ConfigMap", "PodDisruptionBudget", "KafkaTopic", "KafkaUser"} <= kinds


def test_the_secret_is_generated_from_a_git_ignored_file():
    (generator,) = kustomization()["secretGenerator"]
    ignored = (K8S / ".gitignore").read_text(encoding="utf-8").split()
    for name in generator["envs"]:
        assert (K8S / f"{name}.example").is_file() and name in ignored
        assert not (K8S / name).exists() or name in ignored
    assert kustomization()["generatorOptions"]["disableNameSuffixHash"] is True, "the KafkaUser names it literally"
    assert set(secret_env()) == {"WIRESTREAM_SASL_PASSWORD"}


def test_deployment_reads_the_configmap_and_the_secret():
    sources = container()["envFrom"]
    assert {"configMapRef": {"name": single("ConfigMap")["metadata"]["name"]}} in sources
    (generator,) = kustomization()["secretGenerator"]
    assert {"secretRef": {"name": generator["name"]}} in sources
    assert container()["args"] == ["worker"]
    assert "command" not in container(), "the image's ENTRYPOINT runs wirestream"


def test_deployment_image_is_the_one_the_kustomization_sets():
    name, _, tag = container()["image"].partition(":")
    assert tag and tag != "latest"
    assert name in {image["name"] for image in kustomization()["images"]}


def test_deployment_probes_use_the_health_port():
    require_settings("health_port")
    c = container()
    (port,) = c["ports"]
    assert port["containerPort"] == Settings().health_port == int(configmap_env()["WIRESTREAM_HEALTH_PORT"])
    assert c["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": port["name"]}
    assert c["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": port["name"]}
    assert c["startupProbe"]["httpGet"] == {"path": "/healthz", "port": port["name"]}
    startup = c["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 120, "time to load the models"


def test_deployment_resources_and_security_context():
    c = container()
    for kind in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(c["resources"][kind]), kind
    pod = single("Deployment")["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == final_uid() == pod["securityContext"]["runAsGroup"]
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    security = c["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    assert pod["terminationGracePeriodSeconds"] >= drain_s() + 10


def test_deployment_turns_off_service_links():
    # a Service named wirestream would put WIRESTREAM_SERVICE_HOST and WIRESTREAM_PORT_* in the pod's environment
    assert single("Deployment")["spec"]["template"]["spec"]["enableServiceLinks"] is False


def test_deployment_mounts_writable_volumes_where_the_worker_writes():
    pod = single("Deployment")["spec"]["template"]["spec"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    mounts = {m["mountPath"]: volumes[m["name"]] for m in container()["volumeMounts"]}
    for path in (one(final_stage(), "WORKDIR"), "/tmp"):
        assert "emptyDir" in mounts[path], path


def test_deployment_selector_matches_its_pods_and_the_pdb():
    deployment = single("Deployment")
    selector = deployment["spec"]["selector"]["matchLabels"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert selector.items() <= labels.items()
    pdb = single("PodDisruptionBudget")
    assert pdb["apiVersion"] == "policy/v1"
    assert pdb["spec"]["selector"]["matchLabels"] == selector
    replicas = deployment["spec"]["replicas"]
    if "maxUnavailable" in pdb["spec"]:
        assert 1 <= pdb["spec"]["maxUnavailable"] < replicas
    else:
        assert pdb["spec"]["minAvailable"] < replicas, "the budget must allow a drain"


def test_configmap_lets_strimzi_own_the_topics(tmp_path):
    assert configmap_env()["WIRESTREAM_CREATE_TOPICS"] == "false"
    settings = k8s_settings(tmp_path)
    assert settings.create_topics is False
    assert single("Deployment")["spec"]["replicas"] <= settings.partitions, "extra workers would idle"


def test_configmap_security_matches_the_kafka_user_and_the_mounted_ca(tmp_path):
    settings = k8s_settings(tmp_path)
    user = single("KafkaUser")
    assert settings.security_protocol == "SASL_SSL"
    assert settings.sasl_username == user["metadata"]["name"]
    mechanism = user["spec"]["authentication"]["type"].upper()
    assert settings.sasl_mechanism == mechanism
    ref = user["spec"]["authentication"]["password"]["valueFrom"]["secretKeyRef"]
    (generator,) = kustomization()["secretGenerator"]
    assert ref == {"name": generator["name"], "key": "WIRESTREAM_SASL_PASSWORD"}
    # the CA file is inside the mounted cluster-CA secret
    cafile = Path(configmap_env()["WIRESTREAM_SSL_CAFILE"])
    pod = single("Deployment")["spec"]["template"]["spec"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    mount = next(m for m in container()["volumeMounts"] if cafile.parent == Path(m["mountPath"]))
    secret = volumes[mount["name"]]["secret"]
    assert secret["secretName"] == f"{strimzi_cluster()}-cluster-ca-cert"
    assert cafile.name in {item["path"] for item in secret["items"]}
    host = settings.bootstrap_servers[0].split(":")[0]
    assert host.startswith(f"{strimzi_cluster()}-kafka-bootstrap")


def topic_resources() -> dict[str, dict[str, Any]]:
    out = {}
    for topic in of_kind("KafkaTopic"):
        name = topic["spec"].get("topicName", topic["metadata"]["name"])
        assert name not in out, f"{name} declared twice"
        out[name] = topic
    return out


def test_strimzi_topics_cover_every_topic_with_the_settings_partitions(tmp_path):
    settings = k8s_settings(tmp_path)
    internal = faust_internal_topics(settings)
    assert any(name.endswith("-__assignor-__leader") for name in internal)
    expected = {**settings.topic_partitions(), **{name: t["partitions"] for name, t in internal.items()}}
    declared = topic_resources()
    assert set(declared) == set(expected), "topics.yaml must declare every topic, Faust's internal ones included"
    for name, topic in declared.items():
        assert topic["apiVersion"] == "kafka.strimzi.io/v1"  # tests/unit/test_strimzi.py checks the rest
        assert re.fullmatch(r"[a-z0-9]([-a-z0-9.]*[a-z0-9])?", topic["metadata"]["name"]), "a valid resource name"
        assert topic["spec"]["partitions"] == expected[name], name
        assert topic["spec"]["replicas"] == settings.replication_factor, name
        min_isr = int(topic["spec"].get("config", {}).get("min.insync.replicas", 1))
        assert min_isr < topic["spec"]["replicas"], f"{name}: one broker down must not stop writes"


def test_strimzi_changelog_topics_are_compacted(tmp_path):
    declared = topic_resources()
    for name, topic in faust_internal_topics(k8s_settings(tmp_path)).items():
        policy = str(declared[name]["spec"].get("config", {}).get("cleanup.policy", "delete"))
        assert ("compact" in policy.split(",")) is topic["compacted"], name


def test_strimzi_topics_accept_the_largest_events(tmp_path):
    settings = k8s_settings(tmp_path)
    declared = topic_resources()
    for name in (settings.topic_dlq, settings.topic_enriched):
        limit = int(declared[name]["spec"].get("config", {}).get("max.message.bytes", 1048588))
        assert limit >= dead_letter_bytes(settings), name


def test_strimzi_resources_name_one_cluster():
    assert strimzi_cluster()


def test_kafka_user_acls_allow_what_the_worker_does(tmp_path):
    settings = k8s_settings(tmp_path)
    allowed: dict[tuple[str, str], set[str]] = {}
    for acl in single("KafkaUser")["spec"]["authorization"]["acls"]:
        resource = acl["resource"]
        assert resource.get("patternType", "literal") == "literal"
        allowed.setdefault((resource["type"], resource["name"]), set()).update(acl["operations"])
    assert {"Read", "Describe"} <= allowed[("topic", settings.topic_raw)]
    for topic in settings.output_topics.values():
        assert {"Write", "Describe"} <= allowed[("topic", topic)], topic
    for topic in faust_internal_topics(settings):
        assert {"Read", "Write", "Describe"} <= allowed[("topic", topic)], topic
    assert {"Read", "Describe"} <= allowed[("group", settings.app_id)]
    assert "Write" not in allowed[("topic", settings.topic_raw)], "the worker never writes its own input"


# -- systemd ----------------------------------------------------------------------------------------------------


def unit_file(path: Path) -> dict[str, dict[str, list[str]]]:
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None and "=" in line, f"{path.name}: {line}"
        key, _, value = line.partition("=")
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def env_file(path: Path) -> dict[str, str]:
    out = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        assert sep and re.fullmatch(r"[A-Z_][A-Z0-9_]*", key), f"{path.name}: {line}"
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        out[key] = value
    return out


@cache
def unit() -> dict[str, dict[str, list[str]]]:
    return unit_file(DEPLOY / "systemd" / "wirestream.service")


def service(key: str) -> str:
    return unit()["Service"][key][-1]


def test_systemd_unit_sections_and_start():
    assert {"Unit", "Service", "Install"} <= set(unit())
    assert unit()["Install"]["WantedBy"] == ["multi-user.target"]
    executable, *args = service("ExecStart").split()
    assert executable.startswith("/") and executable.endswith("/bin/wirestream") and args == ["worker"]
    assert service("EnvironmentFile").startswith("/etc/wirestream/")


def test_systemd_unit_restarts_on_failure_but_not_on_a_configuration_error():
    assert service("Restart") == "on-failure"
    assert service("RestartPreventExitStatus") == "2"  # streams.cli.main returns 2 on ConfigError
    assert seconds(service("RestartSec")) >= 1


def test_systemd_unit_stops_with_sigterm_and_time_to_drain():
    assert service("KillSignal") == "SIGTERM"
    assert seconds(service("TimeoutStopSec")) >= drain_s() + 10


def test_systemd_unit_runs_as_a_dedicated_user_with_hardening():
    assert service("User") == service("Group") == "wirestream"
    sysusers = (DEPLOY / "systemd" / "wirestream.sysusers.conf").read_text(encoding="utf-8")
    assert re.search(r"^u wirestream\s", sysusers, re.MULTILINE)
    expected = {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "PrivateDevices": "yes",
        "ProtectKernelTunables": "yes",
        "ProtectKernelModules": "yes",
        "ProtectControlGroups": "yes",
        "RestrictSUIDSGID": "yes",
        "LockPersonality": "yes",
        "CapabilityBoundingSet": "",
    }
    for key, value in expected.items():
        assert service(key) == value, key
    # the only writable place is the state directory, which is also the working directory (Faust's data)
    assert service("WorkingDirectory") == f"/var/lib/{service('StateDirectory')}" == one(final_stage(), "WORKDIR")


def test_systemd_env_example_holds_valid_settings(tmp_path):
    env = env_file(DEPLOY / "systemd" / "wirestream.env.example")
    ca = tmp_path / "ca.pem"
    ca.write_text("")
    replace = {"WIRESTREAM_SSL_CAFILE": str(ca)} if "WIRESTREAM_SSL_CAFILE" in env else {}
    settings = settings_from_env(env, **replace)
    assert settings.topic_partitions() == Settings().topic_partitions()
    require_settings("health_port")
    assert settings.health_port == Settings().health_port


# -- docs -------------------------------------------------------------------------------------------------------


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_config", DEPLOY / "gen_config.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_configuration_reference_is_generated_from_the_settings():
    page = (DOCS / "configuration.md").read_text(encoding="utf-8")
    assert page == load_generator().render(), "docs/configuration.md is stale: python deploy/gen_config.py --write"


def test_configuration_reference_lists_every_setting_once_with_its_default():
    page = (DOCS / "configuration.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| `WIRESTREAM_")]
    described = Settings().describe()
    assert [row.split("`")[1] for row in rows] == [variable for variable, _, _ in described]
    secret = {ENV_PREFIX + f.name.upper() for f in fields(Settings) if f.metadata.get("secret")}
    for row, (variable, value, help) in zip(rows, described, strict=True):
        assert f"`{setting_name(variable)}`" in row and help.replace("|", "\\|") in row
        if variable not in secret and value != "":
            shown = {"True": "true", "False": "false"}.get(value, value)
            assert f"| `{shown}` |" in row, variable


def test_the_generator_check_mode_agrees():
    done = subprocess.run(
        [sys.executable, str(DEPLOY / "gen_config.py"), "--check"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def logged_events() -> set[str]:
    """Event names passed to log.<level>(...) anywhere in streams/."""
    pattern = re.compile(r"\blog\.(?:debug|info|warning|error|critical|exception)\(\s*\"([a-z_]+(?:\.[a-z_]+)+)\"")
    return {m for path in (ROOT / "streams").rglob("*.py") for m in pattern.findall(path.read_text(encoding="utf-8"))}


def readme_log_events() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n## Logs\n" in readme, "README.md has no Logs section to compare docs/operations.md with"
    section = readme.split("\n## Logs\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([a-z_]+\.[a-z_.]+)`", row)}


def operations_events() -> dict[str, str]:
    page = (DOCS / "operations.md").read_text(encoding="utf-8")
    section = page.split("## Log events", 1)[1].split("\n## ", 1)[0]
    out = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            cells = line.split("|")
            for name in re.findall(r"`([a-z_]+\.[a-z_.]+)`", cells[1]):
                out[name] = line
    return out


def test_operations_documents_every_log_event_of_the_readme_and_the_code():
    documented = operations_events()
    assert readme_log_events() and logged_events()
    missing = (readme_log_events() | logged_events() | {"library.log"}) - set(documented)
    assert not missing, f"docs/operations.md does not document: {sorted(missing)}"


def test_operations_documents_every_rejection_reason():
    page = (DOCS / "operations.md").read_text(encoding="utf-8")
    pattern = re.compile(r"DecodeError\(\s*\"([a-z_]+)\"")
    reasons = {
        m for path in (ROOT / "streams").rglob("*.py") for m in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert reasons
    for reason in reasons | {"enrich_error", "publish_error"}:
        assert f"`{reason}`" in page, f"dead-letter reason {reason} is not in docs/operations.md"


def test_operations_documents_the_worker_stats_fields():
    row = operations_events()["worker.stats"]
    for name in ("processed", "rejected", "rate_per_s", "latency_p50_ms", "latency_p95_ms", "lag", "lag_total"):
        assert f"`{name}`" in row, name


def test_operations_has_queries_pipelines_and_alerts():
    page = (DOCS / "operations.md").read_text(encoding="utf-8")
    for needle in ("jq ", "pipeline_stages", "- json:", "- labels:", "decode_json_fields", "## Alerts"):
        assert needle in page, needle
    # every YAML example parses
    for block in re.findall(r"```yaml\n(.*?)```", page, re.DOTALL):
        need_yaml().safe_load(block)


def test_subscribers_guide_covers_every_topic_schema_and_tail_option():
    page = (DOCS / "subscribers.md").read_text(encoding="utf-8")
    settings = Settings()
    for topic in settings.output_topics.values():
        assert f"`{topic}`" in page, topic
    for schema in (ROOT / "schemas").glob("*.json"):
        assert f"`{schema.stem}`" in page, f"{schema.name} is not described in docs/subscribers.md"
    from streams.cli import build_parser

    commands = next(a for a in build_parser()._actions if a.dest == "command")
    options = {o for a in commands.choices["tail"]._actions for o in a.option_strings if o.startswith("--")}
    for option in options - {"--help"}:
        assert f"`{option}" in page, f"wirestream tail {option} is not documented"
    for word in ("at least once", "event_id", "dispatch_version", "additive", "v2"):
        assert word in page, word


def markdown_files() -> list[Path]:
    return [DEPLOY / "README.md", *sorted(DOCS.glob("*.md"))]


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_relative_links_resolve(path):
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        assert (path.parent / target).exists(), f"{path.name}: broken link {target}"


def test_deploy_readme_walks_through_compose_and_kubernetes():
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    for needle in (
        "docker compose -f deploy/compose.yaml up -d --build",
        "--scale worker=",
        "kubectl apply -k deploy/k8s",
        "systemctl enable --now wirestream",
        "sasl.env.example",
    ):
        assert needle in readme, needle
