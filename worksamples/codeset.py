"""Read the ICD-10-CM tabular list from the pinned `simple-icd-10-cm` package into IcdEntry rows.

The package carries the CDC/NCHS FY2026 tabular list (April 1, 2026 update), the code set CMS
requires on claims. Importing it parses the XML (about 1.5 s), so it is imported only here.
"""

import gc
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib.metadata import version as package_version

from django.db import connection, transaction

from worksamples.models import CodeSetRelease, EntryKind, IcdEntry

PACKAGE = "simple-icd-10-cm"
RELEASE_NAME = "ICD-10-CM FY2026 tabular list, April 1, 2026 update"
ATTRIBUTION = (
    "ICD-10-CM: National Center for Health Statistics (NCHS), Centers for Disease Control and "
    "Prevention (CDC), with the Centers for Medicare & Medicaid Services (CMS); FY2026 tabular list, "
    "April 1, 2026 update, read from the simple-icd-10-cm package (MIT licence)."
)
# The same, for the Spanish pages (the API's "source" stays ATTRIBUTION).
ATTRIBUTION_ES = (
    "ICD-10-CM: National Center for Health Statistics (NCHS), Centers for Disease Control and "
    "Prevention (CDC), con los Centers for Medicare & Medicaid Services (CMS); lista tabular FY2026, "
    "actualización del 1 de abril de 2026, leída del paquete simple-icd-10-cm (licencia MIT)."
)
BATCH = 1000
FTS_TABLE = "worksamples_icd_fts"


def release_version() -> str:
    return f"{RELEASE_NAME} (simple-icd-10-cm {package_version(PACKAGE)})"


def _kind(cm, name: str, as_block: bool) -> str:
    if cm.is_chapter(name):
        return EntryKind.CHAPTER
    if as_block:
        return EntryKind.BLOCK
    if cm.is_extended_subcategory(name):
        return EntryKind.EXTENSION
    if cm.is_category(name):
        return EntryKind.CATEGORY
    return EntryKind.SUBCATEGORY


def _entry(cm, name: str, kind: str, chapter: str, position: int) -> IcdEntry:
    pb = kind == EntryKind.BLOCK
    is_code = kind not in (EntryKind.CHAPTER, EntryKind.BLOCK)
    return IcdEntry(
        code=name,
        kind=kind,
        description=cm.get_description(name, prioritize_blocks=pb),
        billable=is_code and cm.is_leaf(name, prioritize_blocks=pb),
        chapter=chapter,
        parent=cm.get_parent(name, prioritize_blocks=pb),
        position=position,
        terms="\n".join(cm.get_inclusion_term(name, prioritize_blocks=pb)),
        includes=cm.get_includes(name, prioritize_blocks=pb),
        excludes1=cm.get_excludes1(name, prioritize_blocks=pb),
        excludes2=cm.get_excludes2(name, prioritize_blocks=pb),
        code_also=cm.get_code_also(name, prioritize_blocks=pb),
        code_first=cm.get_code_first(name, prioritize_blocks=pb),
        use_additional_code=cm.get_use_additional_code(name, prioritize_blocks=pb),
        notes=cm.get_notes(name, prioritize_blocks=pb),
        seven_chr_note=cm.get_seven_chr_note(name, prioritize_blocks=pb),
    )


def read_entries(roots: Iterable[str] | None = None) -> Iterator[IcdEntry]:
    """Every entry in tabular order (unsaved rows), or only ``roots``, their ancestors and
    descendants (a small real subset for tests)."""
    import simple_icd_10_cm as cm

    names = cm.get_all_codes(with_dots=True)
    wanted = None
    if roots is not None:
        wanted = set()
        for root in roots:
            wanted.update([root, *cm.get_ancestors(root), *cm.get_descendants(root)])
    # A block named like a category (B99) comes first in the list, then the category.
    repeated = {name for name, n in Counter(names).items() if n > 1}
    seen: set[str] = set()
    chapter = ""
    for position, name in enumerate(names):
        as_block = name in repeated and name not in seen
        seen.add(name)
        if name.isdigit():  # chapters are numbered 1-22
            chapter = name
        if wanted is None or name in wanted:
            kind = _kind(cm, name, as_block or (cm.is_block(name) and name not in repeated))
            yield _entry(cm, name, kind, chapter, position)


def rebuild_search_index() -> None:
    """SQLite: refill the FTS5 table from the entries (PostgreSQL keeps its own up to date)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')")  # noqa: S608


@transaction.atomic
def load_entries(entries: Iterable[IcdEntry], *, version: str) -> int:
    """Replace every entry with ``entries`` in batches and record the release; return the count."""
    started = time.perf_counter()
    IcdEntry.objects.all().delete()
    CodeSetRelease.objects.all().delete()
    batch: list[IcdEntry] = []
    count = 0
    for entry in entries:
        batch.append(entry)
        if len(batch) == BATCH:
            IcdEntry.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    IcdEntry.objects.bulk_create(batch)
    count += len(batch)
    rebuild_search_index()
    CodeSetRelease.objects.create(version=version, entry_count=count, seconds=time.perf_counter() - started)
    return count


def is_loaded(version: str) -> bool:
    release = CodeSetRelease.objects.filter(version=version).first()
    return release is not None and IcdEntry.objects.count() == release.entry_count


@contextmanager
def _collector_paused():
    """The package's parsed tree is ~100,000 objects; cyclic GC passes over it while rows are
    built cost more than a third of the load. Nothing made here forms cycles worth collecting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_code_set(*, force: bool = False, roots: Iterable[str] | None = None) -> int | None:
    """Load the pinned release (or a subset); None when the same release is already loaded."""
    version = release_version() if roots is None else f"{release_version()} subset"
    if not force and roots is None and is_loaded(version):
        return None
    with _collector_paused():
        return load_entries(read_entries(roots), version=version)
