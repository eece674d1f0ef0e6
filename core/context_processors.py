from django.utils.functional import SimpleLazyObject

from core.page_cache import site_origin


def site(request):
    """``site_url``: the address links to this site start with (see core.page_cache); worked
    out only if a template shows it (an error page for a bad Host must not ask for it)."""
    return {"site_url": SimpleLazyObject(lambda: site_origin(request))}
