import pytest

from worksamples.samples import coding

# The answer keys' codes and a few neighbours: a small real subset of the package's code set.
SUBSET_ROOTS = ("S52.52", "S62.10", "E11.2", "N18.3", "Z79.84", "J45.2", "N39.0", "B96.2", "H66.00", "Z23")


@pytest.fixture(scope="session")
def subset_rows():
    """Field values of the subset, read from the package once per session."""
    from django.forms.models import model_to_dict

    from worksamples.codeset import read_entries

    return [model_to_dict(e, exclude=["id"]) for e in read_entries(SUBSET_ROOTS)]


@pytest.fixture
def icd_subset(db, subset_rows):
    """The subset loaded into the test database (and its search index)."""
    from worksamples.codeset import load_entries
    from worksamples.models import IcdEntry

    load_entries((IcdEntry(**row) for row in subset_rows), version="test subset")
    return {row["code"] for row in subset_rows}


@pytest.fixture
def all_right():
    return {v.slug: ", ".join(v.key) for v in coding.VISITS}
