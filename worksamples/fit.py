"""Where results are read: the pure work-sample adjustment applied to a Result's matches."""

from assessments import worksample_fit
from worksamples.selectors import tries_for_result


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
