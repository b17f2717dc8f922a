"""Write docs/configuration.md from streams.settings.Settings, so the reference cannot drift from the code.

    .venv/bin/python deploy/gen_config.py            # print the page
    .venv/bin/python deploy/gen_config.py --write    # rewrite docs/configuration.md
    .venv/bin/python deploy/gen_config.py --check    # exit 1 if docs/configuration.md is stale

tests/unit/test_deploy.py runs the same comparison as --check.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import MISSING, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "configuration.md"

if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from streams.settings import ENV_PREFIX, Settings  # noqa: E402

HEADER = """\
# Configuration reference

<!-- Generated from streams/settings.py by `python deploy/gen_config.py --write`. Do not edit by hand:
     tests/unit/test_deploy.py fails when this page and the code disagree. -->

Every setting has a name. It can be given in three places, each overriding the ones before it:

1. a TOML file of flat `name = value` pairs (the *config-file key* below), named by `--config` or by the
   environment variable `WIRESTREAM_CONFIG`;
2. the environment variable `WIRESTREAM_<NAME>`;
3. a command-line flag, where one exists (`--broker`, `--log-level`, `--log-format`).

An unknown key in the file, a malformed value, or an unknown `WIRESTREAM_*` variable whose name is close to a
setting's (a typo of `WIRESTREAM_BATCH_SIZE`, say) stops the command at start with a one-line error naming the
setting, and the one meant, with exit code 2. Other unknown `WIRESTREAM_*` variables belong to other tools and
are ignored, each with a `settings.ignored` warning: the Kubernetes service links of a Service named
wirestream (`WIRESTREAM_SERVICE_HOST`, `WIRESTREAM_SERVICE_PORT`, `WIRESTREAM_PORT_8080_TCP_ADDR` ...; the
Deployment in `deploy/k8s` turns them off with `enableServiceLinks: false`), or `WIRESTREAM_EVAL_DIR` of the
tests. Booleans accept `true/false`, `yes/no`, `on/off` and `1/0`. `wirestream config` prints the effective
values, with secrets masked.

"""

FOOTER = """
Secret settings are never printed: `wirestream config` shows them as `****`.
Pass them through the environment from a secret store (a Kubernetes Secret, a root-only systemd environment
file) rather than in a TOML file that other people can read.

Example file, for `wirestream --config /etc/wirestream/wirestream.toml worker`:

```toml
broker = "kafka://kafka-1:9092;kafka-2:9092"
partitions = 8
create_topics = false
log_level = "info"
```
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _default(value: object) -> str:
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    if value == "":
        return "(empty)"
    return f"`{value}`"


def render() -> str:
    """The whole page, from the Settings dataclass and its `describe()`."""
    described = {variable: help for variable, _, help in Settings().describe()}
    rows = [
        "| environment variable | config-file key | default | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for f in fields(Settings):
        variable = ENV_PREFIX + f.name.upper()
        default = f.default if f.default is not MISSING else None
        secret = bool(f.metadata.get("secret"))
        meaning = described[variable] + (" (secret)" if secret else "")
        rows.append(f"| `{variable}` | `{f.name}` | {_default(default)} | {_cell(meaning)} |")
    return HEADER + "\n".join(rows) + "\n" + FOOTER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help=f"rewrite {PAGE.relative_to(ROOT)}")
    group.add_argument("--check", action="store_true", help=f"exit 1 if {PAGE.relative_to(ROOT)} is stale")
    args = parser.parse_args(argv)
    page = render()
    if args.write:
        PAGE.write_text(page, encoding="utf-8")
    elif args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != page:
            print(f"{PAGE.relative_to(ROOT)} is stale: run python deploy/gen_config.py --write", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
