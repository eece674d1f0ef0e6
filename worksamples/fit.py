"""Where results are read: the pure work-sample adjustment applied to a Result's matches."""

from assessments import worksample_fit
from worksamples.selectors import tries_by_result, tries_for_result


def _band_for(fit: int) -> str:
    from assessments.scoring import fit_band

    return fit_band(fit)


def apply_worksample_fit(result) -> str:
    """Move ``result.matches`` (in memory only) by the samples attached to it; one query.

    Returns a short key of what was applied ("" if nothing), for cache keys of the page.
    """
    tried = [worksample_fit.Tried(t["sample"], t["enjoyment"]) for t in tries_for_result(result)]
    if not tried:
        return ""
    result.matches = worksample_fit.adjust(result.matches, tried, band_for=_band_for)
    return ",".join(f"{t.sample}{t.enjoyment or 0}" for t in tried)


def apply_worksample_fits(results) -> None:
    """``apply_worksample_fit`` for many results (packets, a cohort's print-all) in one query."""
    by_result = tries_by_result(results)
    for result in results:
        latest: dict[str, worksample_fit.Tried] = {}
        for a in reversed(by_result.get(result.pk, [])):  # oldest first, so the newest try wins
            latest[a.sample] = worksample_fit.Tried(a.sample, a.enjoyment)
        if latest:
            result.matches = worksample_fit.adjust(result.matches, list(latest.values()), band_for=_band_for)
