"""The work-sample fit adjustment (pure: no database)."""

import subprocess
import sys

from assessments.worksample_fit import MAX_SHIFT, Tried, adjust, shift


def _matches():
    return [
        {"role": "medical-biller", "fit": 70, "band": "Strong fit", "reasons": []},
        {"role": "medical-coder", "fit": 68, "band": "Good fit", "reasons": []},
        {"role": "coding-auditor", "fit": 50, "band": "Some fit", "reasons": []},
    ]


def test_enjoying_coding_lifts_coder_roles_and_says_why():
    out = adjust(_matches(), [Tried("coding", 5)])
    by_role = {m["role"]: m for m in out}
    assert by_role["medical-coder"]["fit"] == 68 + MAX_SHIFT
    assert by_role["coding-auditor"]["fit"] == 50 + MAX_SHIFT // 2
    assert by_role["medical-biller"]["fit"] == 70
    assert out[0]["role"] == "medical-coder"  # re-ranked
    assert {"kind": "tried_enjoyed", "key": "coding", "text": "You tried coding and enjoyed it."} in by_role["medical-coder"]["reasons"]


def test_not_enjoying_it_lowers_the_fit_and_ok_changes_nothing():
    assert {m["role"]: m["fit"] for m in adjust(_matches(), [Tried("coding", 1)])}["medical-coder"] == 68 - MAX_SHIFT
    assert {m["role"]: m["fit"] for m in adjust(_matches(), [Tried("coding", 3)])}["medical-coder"] == 68


def test_the_shift_is_bounded_and_fit_stays_0_to_100():
    assert all(abs(shift(e)) <= MAX_SHIFT for e in range(1, 6))
    assert shift(None) == 0 and shift(9) == 0
    top = adjust([{"role": "medical-coder", "fit": 98, "band": "", "reasons": []}], [Tried("coding", 5)])
    assert top[0]["fit"] == 100
    low = adjust([{"role": "medical-coder", "fit": 2, "band": "", "reasons": []}], [Tried("coding", 1)])
    assert low[0]["fit"] == 0


def test_the_input_is_not_changed_and_the_band_is_recomputed():
    matches = _matches()
    out = adjust(matches, [Tried("coding", 5)], band_for=lambda fit: f"band {fit}")
    assert matches[1]["fit"] == 68 and matches[1]["reasons"] == []
    assert {m["role"]: m["band"] for m in out}["medical-coder"] == f"band {68 + MAX_SHIFT}"


def test_it_imports_no_django():
    code = "import sys, assessments.worksample_fit; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
