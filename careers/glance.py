"""The home page's view of the field: each track with a few of its roles, their entry pay and
the time it takes to start (careers.durations wording). Two queries for any catalogue size."""

from dataclasses import dataclass

from careers.models import CareerLevel, Role, Track
from core.i18n_content import with_spanish

ROLES_PER_TRACK = 3
# Roles people start in come first on the home page; then the rest, in the catalogue's order.
LEVEL_ORDER = {CareerLevel.ENTRY: 0}


@dataclass(frozen=True)
class TrackGlance:
    track: Track
    roles: list  # Role rows annotated by for_match_cards(): entry pay and the timed route
    more: int  # roles in the track not shown


def field_at_a_glance(per_track: int = ROLES_PER_TRACK) -> list[TrackGlance]:
    """Every track, in order, with its first ``per_track`` roles (entry-level roles first)."""
    tracks = list(Track.objects.with_role_counts())
    roles = Role.objects.for_match_cards().only(
        "slug", *with_spanish("name", "plural"), "entry_salary", "entry_education", "experience_months", "level", "order", "track_id"
    )
    by_track: dict[int, list] = {}
    for role in roles:
        by_track.setdefault(role.track_id, []).append(role)
    glance = []
    for track in tracks:
        ranked = sorted(by_track.get(track.pk, []), key=lambda r: (LEVEL_ORDER.get(r.level, 1), r.order, r.slug))
        glance.append(TrackGlance(track, ranked[:per_track], max(0, len(ranked) - per_track)))
    return glance
