from django import template

from assessments.worksample_fit import ROLES

register = template.Library()

# Role slug -> the sample that tries its work (own roles first, then neighbours).
_SAMPLE_FOR = {}
for sample, (own, _near) in ROLES.items():
    for slug in own:
        _SAMPLE_FOR.setdefault(slug, sample)
for sample, (_own, near) in ROLES.items():
    for slug in near:
        _SAMPLE_FOR.setdefault(slug, sample)


@register.simple_tag
def sample_for(role_slug: str) -> str:
    """The work sample slug for a role ("" if none tries its work)."""
    return _SAMPLE_FOR.get(role_slug, "")
