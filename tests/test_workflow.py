"""The GitHub Pages workflow: valid, tests and builds every change, deploys only main."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
TERM = re.compile(r"^github\.(event_name|ref) == '([^']*)'$")


def workflow() -> dict:
    """The workflow as plain strings (BaseLoader keeps the key 'on' from becoming True)."""
    return yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def runs_for(condition: str, event_name: str, ref: str) -> bool:
    """Evaluate an `if:` made of `github.event_name/ref == '...'` terms joined by &&."""
    context = {"event_name": event_name, "ref": ref}
    terms = [TERM.match(term.strip()) for term in condition.split("&&")]
    assert all(terms), f"unexpected condition: {condition}"
    return all(context[t.group(1)] == t.group(2) for t in terms)


@pytest.mark.parametrize("schema", ["vendor.github-workflows",
                                    "custom.github-workflows-require-timeout"])
def test_workflow_matches_the_github_schema(schema):
    done = subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(WORKFLOW)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pushes_to_main_and_pull_requests_trigger_it():
    triggers = workflow()["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers


def test_build_job_installs_pinned_tools_then_tests_and_builds():
    steps = workflow()["jobs"]["build"]["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    python = uses["actions/setup-python"]["with"]
    assert python["python-version"] == "3.11"
    assert python["cache-dependency-path"] == "requirements.txt"
    assert "actions/setup-node" in uses
    commands = [s["run"] for s in steps if "run" in s]
    assert "apt-get install" in commands[0] and "chromium" in commands[0]
    assert commands[1] == "make test"
    assert commands[2].rstrip().endswith("\nmake build")
    assert "if" not in workflow()["jobs"]["build"]


@pytest.mark.parametrize(("event", "ref", "deploys"), [
    ("push", "refs/heads/main", True),
    ("push", "refs/heads/feature", False),
    ("pull_request", "refs/pull/7/merge", False),
    ("pull_request", "refs/heads/main", False),
])
def test_only_a_push_to_main_deploys(event, ref, deploys):
    jobs = workflow()["jobs"]
    deploy = jobs["deploy"]
    assert runs_for(deploy["if"], event, ref) is deploys
    assert deploy["needs"] == "build"
    pages_steps = [s for s in jobs["build"]["steps"]
                   if s.get("uses", "").startswith(("actions/configure-pages",
                                                    "actions/upload-pages-artifact"))]
    assert len(pages_steps) == 2
    assert all(runs_for(s["if"], event, ref) is deploys for s in pages_steps)


def test_deploy_job_uses_the_official_action_with_least_permissions():
    config = workflow()
    deploy = config["jobs"]["deploy"]
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    assert config["permissions"] == {"contents": "read"}
    upload = next(s for s in config["jobs"]["build"]["steps"]
                  if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


def test_pre_commit_hooks_run_ruff_the_data_check_and_markdown_lint():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"ruff", "briefing-data", "markdownlint"}
    assert hooks["ruff"]["entry"].startswith(".venv/bin/ruff check")
    assert hooks["markdownlint"]["additional_dependencies"][0].startswith("markdownlint-cli2@")
    data = hooks["briefing-data"]
    assert re.match(data["files"], "data/briefing.yml") and not data["pass_filenames"]
    command = data["entry"].replace(".venv/bin/python", sys.executable).split()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("data/briefing.yml: ok"), done.stderr


def test_checked_data_cache_is_restored_and_keyed_by_content():
    steps = workflow()["jobs"]["build"]["steps"]
    [cache] = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == ".cache/briefing"
    key = cache["with"]["key"]
    assert "data/**" in key and "macros/engine/**/*.py" in key and "requirements.txt" in key
    assert steps.index(cache) < next(i for i, s in enumerate(steps) if s.get("run") == "make test")
