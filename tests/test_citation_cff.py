"""CITATION.cff is valid against the CFF 1.2.0 schema (the copy check-jsonschema ships)."""

import subprocess
import sys

from conftest import ROOT


def test_citation_cff_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.citation-file-format", str(ROOT / "CITATION.cff")],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
