"""The Spanish message catalogue is complete: every marked string has a reviewed translation.

Fails on an empty, fuzzy or copied-over msgstr, on a placeholder the translation drops, and on a
string marked in a template or module that the catalogue does not have yet (run
`make messages` and translate it).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
#: Strings that are the same in Spanish: names, abbreviations, and words spelt alike.
SAME_IN_SPANISH = {
    "API", "HIM Careers", "Social", "CSV", "ICD-10-CM", "HIPAA", "O*NET", "RIASEC", "Holland", "Total",
    "%(fit)s%%", "%(count)s", "OK", "PDF", "Email", "No", "Normal", "Local", "Final", "Regional",
    "Hospital", "Hospitales", "Error", "Español", "English", "Artístico", "Convencional", "Realista",
}
SOURCES = ("templates", "careers", "assessments", "worksamples", "core", "himcareers", "manage.py")


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(PO))


def entries(catalogue):
    return [e for e in catalogue if not e.obsolete]


def test_it_compiles_with_placeholders_checked():
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(PO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    untranslated = [e.msgid for e in entries(catalogue) if not e.translated()]
    fuzzy = [e.msgid for e in entries(catalogue) if "fuzzy" in e.flags]
    assert not catalogue.metadata_is_fuzzy
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


def test_no_message_is_english_copied_over(catalogue):
    copied = [
        e.msgid for e in entries(catalogue)
        if e.msgstr == e.msgid and e.msgid not in SAME_IN_SPANISH and any(c.islower() for c in e.msgid) and " " in e.msgid.strip()
    ]
    assert not copied, f"{len(copied)} messages kept in English, e.g. {copied[:5]}"


def test_plural_messages_have_every_spanish_form(catalogue):
    forms = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    for e in entries(catalogue):
        if e.msgid_plural:
            assert len(e.msgstr_plural) == forms and all(e.msgstr_plural.values()), e.msgid


def test_every_marked_string_is_in_the_catalogue(tmp_path):
    """makemessages over a copy of the sources finds nothing the committed catalogue lacks."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale" / "es" / "LC_MESSAGES").mkdir(parents=True)
    env = {"DJANGO_SETTINGS_MODULE": "himcareers.settings", "DEBUG": "1", "PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 50}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "es", "--no-location", "--no-obsolete"],
        cwd=tmp_path, env=env, check=True, capture_output=True,
    )
    found = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po"))}
    have = {(e.msgctxt, e.msgid) for e in polib.pofile(str(PO)) if not e.obsolete}
    missing = sorted(msgid for _, msgid in found - have)
    assert not missing, f"{len(missing)} marked strings are not in locale/es/LC_MESSAGES/django.po, e.g. {missing[:5]}"
