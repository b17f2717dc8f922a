"""The Strimzi resources (deploy/k8s) against the `kafka.strimzi.io/v1` API, and the compose file against Kafka 4.

Strimzi 1.0 and later serve only `kafka.strimzi.io/v1`. The schemas below restate, for the fields these files
use, the v1 `openAPIV3Schema` of the KafkaTopic and KafkaUser CRDs of Strimzi 1.2.0 (the CRDs are not vendored:
this repository holds no copy of them). They are closed where the CRDs are open: Kubernetes drops an unknown
field of a custom resource without a word, so a misspelt or removed field (v1beta2's single `operation`)
would be lost silently; here it fails.

With the official CRD files at hand, `STRIMZI_CRDS=/path/to/strimzi/install/cluster-operator pytest
tests/unit/test_strimzi.py` also validates against their own schemas (skipped without it).

No Docker here: the compose file is checked by its configuration only.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator, ValidationError

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
STRIMZI_API = "kafka.strimzi.io/v1"
STRIMZI_VALIDATED = "1.2.0"  # the Strimzi release whose CRDs the schemas below restate
KAFKA_VERSIONS = ("4.2", "4.3")  # what Strimzi 1.2.0 runs

OPERATIONS = [
    "Read",
    "Write",
    "Create",
    "Delete",
    "Alter",
    "Describe",
    "ClusterAction",
    "AlterConfigs",
    "DescribeConfigs",
    "IdempotentWrite",
    "All",
]
METADATA = {
    "type": "object",
    "required": ["name", "labels"],
    "properties": {
        "name": {"type": "string", "pattern": r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", "maxLength": 253},
        "labels": {"type": "object", "required": ["strimzi.io/cluster"]},
    },
}
KAFKA_TOPIC = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "additionalProperties": False,
    "properties": {
        "apiVersion": {"const": STRIMZI_API},
        "kind": {"const": "KafkaTopic"},
        "metadata": METADATA,
        "spec": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "topicName": {"type": "string"},
                "partitions": {"type": "integer", "minimum": 1},
                "replicas": {"type": "integer", "minimum": 1, "maximum": 32767},
                "config": {"type": "object"},
            },
        },
    },
}
SECRET_KEY_REF = {
    "type": "object",
    "required": ["name", "key"],
    "additionalProperties": False,
    "properties": {"name": {"type": "string"}, "key": {"type": "string"}, "optional": {"type": "boolean"}},
}
KAFKA_USER = {
    "type": "object",
    "required": ["apiVersion", "kind", "metadata", "spec"],
    "additionalProperties": False,
    "properties": {
        "apiVersion": {"const": STRIMZI_API},
        "kind": {"const": "KafkaUser"},
        "metadata": METADATA,
        "spec": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "authentication": {
                    "type": "object",
                    "required": ["type"],
                    "additionalProperties": False,
                    "properties": {
                        "type": {"enum": ["tls", "tls-external", "scram-sha-512"]},
                        "password": {
                            "type": "object",
                            "required": ["valueFrom"],
                            "additionalProperties": False,
                            "properties": {
                                "valueFrom": {
                                    "type": "object",
                                    "additionalProperties": False,
                                    "properties": {"secretKeyRef": SECRET_KEY_REF},
                                }
                            },
                        },
                    },
                },
                "authorization": {
                    "type": "object",
                    "required": ["type", "acls"],
                    "additionalProperties": False,
                    "properties": {
                        "type": {"enum": ["simple"]},
                        "acls": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["resource", "operations"],
                                "additionalProperties": False,
                                "properties": {
                                    "type": {"enum": ["allow", "deny"]},
                                    "host": {"type": "string"},
                                    "operations": {"type": "array", "minItems": 1, "items": {"enum": OPERATIONS}},
                                    "resource": {
                                        "type": "object",
                                        "required": ["type"],
                                        "additionalProperties": False,
                                        "properties": {
                                            "type": {"enum": ["topic", "group", "cluster", "transactionalId"]},
                                            "name": {"type": "string"},
                                            "patternType": {"enum": ["literal", "prefix"]},
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
                "quotas": {"type": "object"},
                "template": {"type": "object"},
            },
        },
    },
}
SCHEMAS = {"KafkaTopic": KAFKA_TOPIC, "KafkaUser": KAFKA_USER}


@cache
def strimzi_resources() -> list[dict[str, Any]]:
    docs = [doc for path in sorted(K8S.glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text("utf-8")) if doc]
    return [doc for doc in docs if str(doc.get("apiVersion", "")).startswith("kafka.strimzi.io/")]


def test_every_strimzi_resource_uses_the_v1_api():
    kinds = {doc["kind"] for doc in strimzi_resources()}
    assert kinds == {"KafkaTopic", "KafkaUser"}
    for doc in strimzi_resources():
        assert doc["apiVersion"] == STRIMZI_API, f"{doc['kind']} {doc['metadata']['name']}: {doc['apiVersion']}"


@pytest.mark.parametrize("index", range(8))
def test_each_strimzi_resource_matches_the_v1_schema(index):
    resources = strimzi_resources()
    assert len(resources) == 8, "seven topics and one user"
    resource = resources[index]
    Draft7Validator(SCHEMAS[resource["kind"]]).validate(resource)


def test_the_schemas_refuse_what_v1_no_longer_has():
    user = next(doc for doc in strimzi_resources() if doc["kind"] == "KafkaUser")
    acl = user["spec"]["authorization"]["acls"][0]
    old = {**acl, "operation": acl["operations"][0]}
    del old["operations"]
    beta = {**user, "apiVersion": "kafka.strimzi.io/v1beta2"}
    legacy = {**user, "spec": {**user["spec"], "authorization": {**user["spec"]["authorization"], "acls": [old]}}}
    for wrong in (beta, legacy):
        with pytest.raises(ValidationError):
            Draft7Validator(KAFKA_USER).validate(wrong)
    topic = next(doc for doc in strimzi_resources() if doc["kind"] == "KafkaTopic")
    with pytest.raises(ValidationError):  # a misspelt field would be dropped by Kubernetes, not refused
        Draft7Validator(KAFKA_TOPIC).validate({**topic, "spec": {**topic["spec"], "replica": 3}})


def test_the_files_and_the_docs_state_the_versions_they_were_checked_against():
    for name in ("topics.yaml", "kafkauser.yaml"):
        text = (K8S / name).read_text(encoding="utf-8")
        assert f"Strimzi {STRIMZI_VALIDATED}" in text and STRIMZI_API in text, name
    readme = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    assert f"Strimzi {STRIMZI_VALIDATED}" in readme
    assert all(f"{version}.x" in readme for version in KAFKA_VERSIONS)


def _official_schemas(folder: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in folder.glob("*Crd-kafka*.yaml"):
        crd = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind = crd["spec"]["names"]["kind"]
        for version in crd["spec"]["versions"]:
            if version["name"] == "v1" and version.get("served"):
                out[kind] = version["schema"]["openAPIV3Schema"]
    return out


@pytest.mark.skipif(not os.environ.get("STRIMZI_CRDS"), reason="STRIMZI_CRDS: a folder of Strimzi's CRD files")
def test_against_the_official_crds():
    official = _official_schemas(Path(os.environ["STRIMZI_CRDS"]))
    assert {"KafkaTopic", "KafkaUser"} <= set(official), "those CRDs serve no v1"
    for resource in strimzi_resources():
        Draft7Validator(official[resource["kind"]]).validate(resource)
    user = next(doc for doc in strimzi_resources() if doc["kind"] == "KafkaUser")
    acl = {**user["spec"]["authorization"]["acls"][0]}
    del acl["operations"]  # v1 requires the list
    broken = {**user, "spec": {**user["spec"], "authorization": {**user["spec"]["authorization"], "acls": [acl]}}}
    with pytest.raises(ValidationError):
        Draft7Validator(official["KafkaUser"]).validate(broken)


# -- compose.yaml against Kafka 4 ------------------------------------------------------------------------------

# Broker settings Kafka 4.0 removed (ZooKeeper mode and what only it used, the message format version, the
# timestamp difference); the image would refuse or ignore them.
REMOVED_IN_KAFKA_4 = re.compile(
    r"^KAFKA_(ZOOKEEPER_.*|INTER_BROKER_PROTOCOL_VERSION|LOG_MESSAGE_FORMAT_VERSION|MESSAGE_FORMAT_VERSION|"
    r"LOG_MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS|CONTROL_PLANE_LISTENER_NAME|BROKER_ID|AUTHORIZER_CLASS_NAME)$"
)


@cache
def kafka_service() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))["services"]["kafka"]


def test_compose_runs_kafka_4_without_zookeeper():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    image, _, tag = kafka_service()["image"].partition(":")
    assert image == "apache/kafka" and int(tag.split(".")[0]) >= 4
    assert not any("zookeeper" in name.lower() for name in compose["services"])
    env = {k: str(v) for k, v in kafka_service()["environment"].items()}
    removed = sorted(name for name in env if REMOVED_IN_KAFKA_4.match(name))
    assert not removed, f"settings Kafka 4 no longer has: {removed}"
    assert env["KAFKA_PROCESS_ROLES"] and env["CLUSTER_ID"], "KRaft needs both"


def test_compose_gives_every_internal_topic_of_kafka_4_one_replica_on_one_node():
    env = {k: str(v) for k, v in kafka_service()["environment"].items()}
    voters = env["KAFKA_CONTROLLER_QUORUM_VOTERS"].split(",")
    assert len(voters) == 1 and "broker" in env["KAFKA_PROCESS_ROLES"].split(",")
    for prefix in ("OFFSETS_TOPIC", "TRANSACTION_STATE_LOG", "SHARE_COORDINATOR_STATE_TOPIC"):
        assert env[f"KAFKA_{prefix}_REPLICATION_FACTOR"] == "1", prefix
    for prefix in ("TRANSACTION_STATE_LOG", "SHARE_COORDINATOR_STATE_TOPIC"):
        assert env[f"KAFKA_{prefix}_MIN_ISR"] == "1", prefix
