"""Save phone (390 px) and desktop (1280 px) screenshots of the main pages to docs/screenshots/.

`make screenshots` runs this: a scratch SQLite database with the real content, a student's
result and a counselor's class, the site served by gunicorn on a free local port as `make run`
serves it, and Debian's Chromium driven by Playwright (as the browser tests do). Each picture
is the first screen a visitor sees.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PASSWORD = "screenshots-only-password-1"  # noqa: S105 - a throwaway account in a scratch database
PAGES = {
    "home": "/",
    "roles": "/roles/",
    "role": "/roles/medical-coder/",
    "compare": "/roles/compare/?roles=medical-coder,cancer-registrar,him-director",
    "roadmap": "/roles/medical-coder/roadmap/",
    "quiz": "/quiz/",
    "results": "/quiz/results/{token}/",
    "career-map": "/career-map/",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 - fixed arguments


def seed(env) -> tuple[str, int]:
    """A would-be coder's result and a counselor's class; returns (result token, cohort id)."""
    code = (
        "import yaml; from assessments.services import result_submit; from assessments.models import Cohort, CounselorProfile;"
        "from django.contrib.auth import get_user_model;"
        "items = yaml.safe_load(open('fixtures/content/items.yaml'))['items'];"
        "lv = {'R': 2, 'I': 4, 'A': 1, 'S': 2, 'E': 1, 'C': 5};"
        "ans = {i['code']: lv[i['dimension']] if i.get('dimension') else 3 for i in items};"
        f"u = get_user_model().objects.create_user('counselor', password='{PASSWORD}');"
        "CounselorProfile.objects.create(user=u, school='Lincoln High');"
        "c = Cohort.objects.create(counselor=u, name='Period 3 Health Careers');"
        "r = result_submit(answers=ans, cohort=c, display_name='Ana');"
        "result_submit(answers={**ans, 'S1': 5, 'S2': 5}, cohort=c, display_name='Ben');"
        "print(r.token, c.pk)"
    )
    out = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    token, pk = out.stdout.split()[-2:]
    return token, int(pk)


def serve(env, port):
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "gunicorn", "himcareers.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1", "--threads", "4", "--no-control-socket"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)  # noqa: S310 - our own local server
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the site did not start")


def shoot(base, token, cohort_pk):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    pages = {name: path.format(token=token) for name, path in PAGES.items()}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for label, size in SIZES.items():
            context = browser.new_context(viewport=size, base_url=base)
            page = context.new_page()
            for name, path in pages.items():
                page.goto(path)
                page.screenshot(path=str(OUT / f"{name}-{label}.png"))
            page.goto(f"/accounts/login/?next=/counselors/cohorts/{cohort_pk}/")
            page.get_by_label("Username").fill("counselor")
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"**/counselors/cohorts/{cohort_pk}/")
            page.screenshot(path=str(OUT / f"counselor-class-{label}.png"))
            context.close()
        browser.close()


def main():
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "DEBUG": "0", "SITE_MODE": "local", "SQLITE_PATH": str(Path(scratch) / "shots.sqlite3")}
        env.setdefault("SECRET_KEY_FILE", str(ROOT / ".secret_key"))
        manage(env, "migrate", "--noinput")
        manage(env, "load_content")
        token, cohort_pk = seed(env)
        port = free_port()
        server = serve(env, port)
        try:
            shoot(f"http://127.0.0.1:{port}", token, cohort_pk)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Saved {len(list(OUT.glob('*.png')))} screenshots in {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
