"""The metrics the worker exports, and the dashboard, alerts and scrape config in deploy/monitoring that read them.

Every metric and label a PromQL expression in deploy/monitoring names must be one the worker exports (a
renamed metric would leave a panel empty and an alert silent), and every exported metric is on the dashboard.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from streams.settings import Settings, load_settings
from streams.stats import WorkerStats

ROOT = Path(__file__).resolve().parents[2]
MONITORING = ROOT / "deploy" / "monitoring"
SUFFIXES = {"counter": ("_total",), "gauge": ("",), "histogram": ("_bucket", "_sum", "_count")}


@cache
def exported() -> dict[str, set[str]]:
    """Sample name -> its label names, of every metric a worker exports."""
    out: dict[str, set[str]] = {}
    for metric in vars(WorkerStats().metrics).values():
        if not hasattr(metric, "_labelnames"):
            continue  # the registry
        for suffix in SUFFIXES[metric._type]:
            out[metric._name + suffix] = set(metric._labelnames) | ({"le"} if suffix == "_bucket" else set())
    return out


@cache
def rules() -> list[dict[str, Any]]:
    doc = yaml.safe_load((MONITORING / "prometheusrule.yaml").read_text(encoding="utf-8"))
    assert doc["apiVersion"] == "monitoring.coreos.com/v1" and doc["kind"] == "PrometheusRule"
    return [rule for group in doc["spec"]["groups"] for rule in group["rules"]]


@cache
def dashboard() -> dict[str, Any]:
    return json.loads((MONITORING / "grafana-dashboard.json").read_text(encoding="utf-8"))


def dashboard_exprs() -> list[str]:
    return [target["expr"] for panel in dashboard()["panels"] for target in panel["targets"]]


def all_exprs() -> list[tuple[str, str]]:
    return [("dashboard", e) for e in dashboard_exprs()] + [(r["alert"], r["expr"]) for r in rules()]


def metric_names(expr: str) -> set[str]:
    return set(re.findall(r"\bwirestream_[a-z0-9_]+\b", expr))


def label_names(expr: str) -> set[str]:
    grouped = {
        name.strip() for group in re.findall(r"\b(?:by|without)\s*\(([^)]*)\)", expr) for name in group.split(",")
    }
    matched = set(re.findall(r"[{,]\s*([a-z_]+)\s*(?:=~|!~|!=|=)", expr))
    return {name for name in grouped | matched if name} - {""}


def test_the_worker_exports_the_metrics_the_issue_asks_for():
    names = set(exported())
    for name in (
        "wirestream_dispatches_processed_total",
        "wirestream_dispatches_rejected_total",
        "wirestream_dispatches_skipped_total",
        "wirestream_consumer_lag",
        "wirestream_enrichment_latency_seconds_bucket",
        "wirestream_batch_size_bucket",
    ):
        assert name in names, name
    assert exported()["wirestream_dispatches_rejected_total"] == {"reason"}
    assert exported()["wirestream_consumer_lag"] == {"partition"}


def test_the_stats_feed_the_metrics_with_what_they_count():
    stats = WorkerStats()
    stats.enriched(120.0)
    stats.enriched(None)
    stats.rejected("invalid_json")
    stats.skipped("stale")
    stats.batch(3)
    stats.lag_measured({0: 4, 1: 0})
    stats.lag_measured({0: 2})  # a partition no longer reported is dropped
    page = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(stats.exposition().decode())
        for s in family.samples
    }
    assert page[("wirestream_dispatches_processed_total", ())] == stats.processed == 2
    assert page[("wirestream_dispatches_rejected_total", (("reason", "invalid_json"),))] == 1
    assert page[("wirestream_dispatches_skipped_total", (("kind", "stale"),))] == 1
    assert page[("wirestream_enrichment_latency_seconds_count", ())] == 1  # the one with a timestamp
    assert page[("wirestream_enrichment_latency_seconds_sum", ())] == pytest.approx(0.12)
    assert page[("wirestream_batch_size_sum", ())] == 3
    assert {k: v for k, v in page.items() if k[0] == "wirestream_consumer_lag"} == {
        ("wirestream_consumer_lag", (("partition", "0"),)): 2
    }
    assert page[("wirestream_ready", ())] == 0


@pytest.mark.parametrize(("where", "expr"), all_exprs(), ids=lambda v: v if len(v) < 40 else None)
def test_every_metric_and_label_in_deploy_monitoring_is_exported(where, expr):
    names = metric_names(expr)
    assert names, f"{where}: {expr} names no wirestream metric"
    unknown = names - set(exported())
    assert not unknown, f"{where}: not exported by the worker: {sorted(unknown)}"
    known_labels = set().union(*(exported()[n] for n in names)) | {"le"}
    assert label_names(expr) <= known_labels, f"{where}: labels {sorted(label_names(expr) - known_labels)}"
    assert expr.count("(") == expr.count(")"), f"{where}: unbalanced parentheses"


def test_a_renamed_metric_would_be_caught():
    with pytest.raises(AssertionError, match="not exported"):
        test_every_metric_and_label_in_deploy_monitoring_is_exported("x", "rate(wirestream_processed_total[5m])")


def test_the_dashboard_shows_every_exported_metric():
    used = set().union(*(metric_names(e) for e in dashboard_exprs()))
    families = {re.sub(r"_(total|bucket|sum|count)$", "", n) for n in exported()}
    shown = {re.sub(r"_(total|bucket|sum|count)$", "", n) for n in used}
    assert families <= shown, f"not on the dashboard: {sorted(families - shown)}"


def test_the_dashboard_is_importable():
    board = dashboard()
    assert board["uid"] and board["title"] and board["schemaVersion"] >= 36
    ids = [panel["id"] for panel in board["panels"]]
    assert len(ids) == len(set(ids))
    variables = {v["name"] for v in board["templating"]["list"]}
    for panel in board["panels"]:
        assert panel["datasource"]["uid"] == "${datasource}" and "datasource" in variables
        assert {"h", "w", "x", "y"} <= set(panel["gridPos"]) and panel["gridPos"]["x"] + panel["gridPos"]["w"] <= 24


def test_every_alert_has_a_duration_a_severity_and_a_summary():
    assert len(rules()) >= 4
    names = [rule["alert"] for rule in rules()]
    assert len(names) == len(set(names))
    for rule in rules():
        assert re.fullmatch(r"\d+[smh]", rule["for"]), rule["alert"]
        assert rule["labels"]["severity"] in ("warning", "critical"), rule["alert"]
        assert rule["annotations"]["summary"] and rule["annotations"]["description"], rule["alert"]


def test_the_monitoring_kustomization_lists_its_files_and_scrapes_the_health_port():
    kustomization = yaml.safe_load((MONITORING / "kustomization.yaml").read_text(encoding="utf-8"))
    files = {p.name for p in MONITORING.iterdir()} - {"kustomization.yaml"}
    listed = set(kustomization["resources"]) | {f for g in kustomization["configMapGenerator"] for f in g["files"]}
    assert listed == files
    monitor = yaml.safe_load((MONITORING / "podmonitor.yaml").read_text(encoding="utf-8"))
    deployment = yaml.safe_load((ROOT / "deploy" / "k8s" / "deployment.yaml").read_text(encoding="utf-8"))
    pod = deployment["spec"]["template"]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    ports = {p["name"] for c in pod["spec"]["containers"] for p in c["ports"]}
    (endpoint,) = monitor["spec"]["podMetricsEndpoints"]
    assert endpoint["port"] in ports and endpoint["path"] == "/metrics"


# -- the bind address and Faust's views ------------------------------------------------------------------------


def test_the_health_port_binds_to_loopback_unless_told_otherwise():
    assert Settings().health_bind == "127.0.0.1"
    assert load_settings(environ={"WIRESTREAM_HEALTH_BIND": "0.0.0.0"}).health_bind == "0.0.0.0"


def test_the_app_binds_where_the_setting_says_and_serves_no_faust_view_unless_asked():
    from streams.kafka.app import create_app
    from streams.nlp.enrich import Enricher

    app = create_app(Settings(), Enricher({}))
    assert app.conf.web_bind == "127.0.0.1"
    assert app.conf.web_router_enabled is False and app.conf.web_tables_enabled is False
    asked = create_app(Settings(health_bind="0.0.0.0", faust_web_views=True), Enricher({}))
    assert asked.conf.web_bind == "0.0.0.0" and asked.conf.web_router_enabled is True


def test_containers_bind_to_all_interfaces_so_probes_and_prometheus_reach_the_worker():
    configmap = yaml.safe_load((ROOT / "deploy" / "k8s" / "configmap.yaml").read_text(encoding="utf-8"))
    assert configmap["data"]["WIRESTREAM_HEALTH_BIND"] == "0.0.0.0"
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    assert compose["services"]["worker"]["environment"]["WIRESTREAM_HEALTH_BIND"] == "0.0.0.0"
