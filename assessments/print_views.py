"""The printable results packet: the interest profile, the top matches with their reasons, and
the roadmaps of the top three roles, in one document (also used for a whole cohort)."""

from dataclasses import dataclass

from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from assessments import selectors
from assessments.models import Result
from assessments.next_steps import next_steps_for
from careers.models import Role, Source
from careers.roadmap import DEFAULT_START, build_roadmap, parse_start
from core.page_cache import render_cached
from worksamples.fit import apply_worksample_fits

ROADMAPS = 3


@dataclass(frozen=True)
class Packet:
    key: str  # prefix for element ids, unique within a document
    view: selectors.ResultView
    # {"roadmap": careers.roadmap.Roadmap, "steps": assessments.next_steps.NextSteps, "idp": id prefix}
    roadmaps: tuple[dict, ...]

    @property
    def result(self) -> Result:
        return self.view.result


def build_packets(results, *, start=DEFAULT_START, samples_applied=False) -> tuple[list[Packet], list]:
    """One packet per result, and the sources its roadmaps cite. Every role is loaded and every
    roadmap built once, so the queries do not grow with the number of results. Work samples a
    student attached move their matches here as on the results page."""
    results = list(results)
    if not samples_applied:
        apply_worksample_fits(results)
    views = selectors.result_views(results)
    slugs = {card.slug for view in views for card in view.top[:ROADMAPS]}
    roles = {role.slug: role for role in Role.objects.with_roadmap().filter(slug__in=slugs)} if slugs else {}
    roadmaps = {slug: build_roadmap(role, start=start) for slug, role in roles.items()}
    steps = {s.role.slug: s for s in next_steps_for(sorted(roadmaps))}
    packets = []
    for view in views:
        key = f"p{view.result.pk}"
        top = [card.slug for card in view.top[:ROADMAPS] if card.slug in roadmaps]
        summaries = ({"roadmap": roadmaps[s], "steps": steps.get(s), "idp": f"{key}-{s}"} for s in top)
        packets.append(Packet(key, view, tuple(summaries)))
    keys = [k for rm in roadmaps.values() for k in rm.source_keys]
    return packets, Source.objects.for_keys(keys) if keys else []


@require_safe
@never_cache
def result_print(request, token):
    state = Result.objects.page_state(token)
    if state is None:
        raise Http404
    start, _ = parse_start(request.GET.get("start"))

    def build_context():
        result = selectors.whole_result(state)  # the work samples attached, as on the results page
        packets, sources = build_packets([result], start=start, samples_applied=True)
        return {"packet": packets[0], "sources": sources, "back_url": result.get_absolute_url()}

    version = selectors.page_version(state)
    # Only the plain address is stored whole (it reads ?start=, declared as no parameter); each
    # hit is checked against the result's row, as the results page's are.
    response = render_cached(
        request, f"packet:{version}:{start.key}", "assessments/result_print.html", build_context,
        fresh=(selectors.RESULT_CHECK, state.token, version),
    )
    response["Referrer-Policy"] = "no-referrer"  # the address holds the private token
    response["X-Robots-Tag"] = "noindex"
    return response
