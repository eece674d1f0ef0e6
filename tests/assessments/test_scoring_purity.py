"""assessments.scoring must stay pure Python: importable without Django or any project module."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter in isolated mode (-I: no PYTHONPATH, no user site, no cwd on the
# path), so nothing this test process has imported (pytest-django, Django settings) leaks in.
PROBE = """
import json, sys
sys.path.insert(0, {root!r})
before = set(sys.modules)
import assessments.scoring
print(json.dumps(sorted(set(sys.modules) - before)))
"""


def imported_by_scoring() -> list[str]:
    result = subprocess.run(
        [sys.executable, "-I", "-c", PROBE.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_scoring_loads_no_django_module():
    loaded = imported_by_scoring()
    assert "assessments.scoring" in loaded
    assert [name for name in loaded if name == "django" or name.startswith("django")] == []


def test_importing_scoring_loads_only_the_standard_library():
    loaded = imported_by_scoring()
    # The pure vocabulary module and the reasons module are the only project modules allowed.
    ours = {"assessments", "assessments.scoring", "assessments.scoring_reasons", "assessments.scoring_stability", "core", "core.vocabulary"}
    foreign = [
        name
        for name in loaded
        if name not in ours
        and name.split(".")[0] not in sys.stdlib_module_names
        and not name.startswith("_")
    ]
    assert foreign == []


@pytest.mark.parametrize("module", ["scoring", "scoring_stability"])
def test_scoring_source_imports_only_standard_library_modules(module):
    tree = ast.parse((ROOT / "assessments" / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{module}.py must not use relative (project) imports"
            if node.module not in {"core.vocabulary", "assessments.scoring_reasons", "assessments.scoring_stability", "assessments"}:
                imported.add(node.module.split(".")[0])
    assert imported <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)


def test_the_vocabulary_module_imports_only_the_standard_library():
    tree = ast.parse((ROOT / "core" / "vocabulary.py").read_text(encoding="utf-8"))
    modules = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    modules |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert modules <= set(sys.stdlib_module_names), modules - set(sys.stdlib_module_names)
