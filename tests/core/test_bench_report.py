"""`bench/run.py --check` fails on every missed bar, the quiz submission's against the write
reference included (its ratio to the page reference is only reported)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))  # as bench/run.py runs
from harness.report import PAGES, WRITE_BAR, evaluate  # noqa: E402


def report(submission_write_ratio: float) -> dict:
    pages = {page.key: {"available": True, "ratio": 0.9, "rps": 1000.0, "errors": 0} for page in PAGES}
    pages["quiz_submit"].update(ratio=0.1, write_ratio=submission_write_ratio, write_reference_errors=0)
    return {"targets": {"sqlite": {"pages": pages}}, "queries": {}, "bytes": {}, "memory": {}, "icd_latency": {}}


@pytest.mark.parametrize(("ratio", "passes"), [(WRITE_BAR - 0.01, False), (WRITE_BAR, True)])
def test_the_submission_is_held_to_the_write_reference(ratio, passes):
    checks = [c for c in evaluate(report(ratio)) if "write reference" in c["bar"]]
    assert [c["ok"] for c in checks] == [passes]
    assert not [c for c in evaluate(report(ratio)) if c["bar"].startswith("Quiz submission") and "x the reference" in c["bar"]]
