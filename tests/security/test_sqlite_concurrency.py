"""SQLite, the newcomer's default, takes concurrent quiz submissions without "database is locked".

The settings open SQLite in WAL mode with IMMEDIATE transactions and a busy timeout. The test
runs in a subprocess with its own file database (the test run's own SQLite database lives in
memory, where none of that applies): several threads, each with its own connection, submit the
quiz at the same moment, a few times over.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
STUDENTS, ROUNDS = 12, 4

pytestmark = pytest.mark.skipif(
    "sqlite" not in settings.DATABASES["default"]["ENGINE"], reason="SQLite only: PostgreSQL has its own test run"
)

SCRIPT = r"""
import json, os, sys, threading, traceback
import django
django.setup()
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client

call_command("migrate", verbosity=0)
with open(os.devnull, "w") as quiet:
    call_command("load_content", path=sys.argv[1], stdout=quiet)
from assessments.models import Item, Result

cursor = connection.cursor()
pragmas = {name: cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", "busy_timeout")}
answers = {item.code: "3" for item in Item.objects.for_form()}
connections.close_all()

students, rounds = int(sys.argv[2]), int(sys.argv[3])
start = threading.Barrier(students)
statuses, errors = [], []

def student(n):
    client = Client()
    start.wait()
    for r in range(rounds):
        try:
            response = client.post("/quiz/", {**answers, next(iter(answers)): str(1 + (n + r) % 5)}, secure=True)
            statuses.append(response.status_code)
        except Exception:
            errors.append(traceback.format_exc(limit=3))
    connections.close_all()

threads = [threading.Thread(target=student, args=(n,)) for n in range(students)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps({"pragmas": pragmas, "options": connection.settings_dict["OPTIONS"], "statuses": statuses,
                  "errors": errors, "results": Result.objects.count()}))
"""


def test_concurrent_quiz_submissions_never_meet_a_locked_database(tmp_path):
    from tests.conftest import CONTENT_DIR

    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="himcareers.settings_test", SQLITE_PATH=str(tmp_path / "concurrency.sqlite3"))

    run = subprocess.run([sys.executable, "-c", SCRIPT, str(CONTENT_DIR), str(STUDENTS), str(ROUNDS)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)

    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["errors"] == [], "\n".join(report["errors"][:3])
    assert "database is locked" not in run.stderr
    assert report["statuses"] == [303] * (STUDENTS * ROUNDS)
    assert report["results"] == STUDENTS * ROUNDS
    assert report["pragmas"]["journal_mode"] == "wal"
    assert report["pragmas"]["busy_timeout"] >= 5000
    assert report["options"]["transaction_mode"] == "IMMEDIATE"
