"""Reads for the work samples: code set facts for grading, and attempts for results and cohorts."""

from worksamples.models import Attempt, IcdEntry
from worksamples.samples import coding

_FIELDS = ("code", "description", "billable", "use_additional_code", "code_also", "code_first",
           "seven_chr_note", "excludes1")


def coding_entries(answers: dict) -> dict[str, dict]:
    """The code set facts coding.grade needs, keyed by code: one query."""
    rows = IcdEntry.objects.codes().filter(code__in=coding.codes_needed(answers)).values(*_FIELDS)
    return {row["code"]: row for row in rows}


def attempt_grade(attempt: Attempt):
    from worksamples.catalogue import SAMPLES

    module = SAMPLES[attempt.sample].module
    if module is coding:
        return coding.grade(attempt.answers, coding_entries(attempt.answers))
    return module.grade(attempt.answers)


def tries_for_result(result) -> list[dict]:
    """The samples attached to a result, latest per sample, as the pure fit adjustment takes them."""
    latest: dict[str, dict] = {}
    for a in Attempt.objects.filter(result=result).order_by("created"):
        latest[a.sample] = {"sample": a.sample, "enjoyment": a.enjoyment}
    return list(latest.values())


def tries_by_result(results) -> dict[int, list[Attempt]]:
    """Attempts for many results (a cohort page) in one query, keyed by result id."""
    out: dict[int, list[Attempt]] = {}
    for a in Attempt.objects.for_results(results):
        out.setdefault(a.result_id, []).append(a)
    return out


def cohort_tries(results) -> list[tuple]:
    """(result, its attempts) for the results that tried a sample, in the results' order: one query."""
    by_result = tries_by_result(results)
    return [(r, by_result[r.pk]) for r in results if r.pk in by_result]
