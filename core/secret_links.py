"""Pages at secret links (a student's results, their work-sample answers): the link is the only
key, so it must not leak through referrers or search engines, and forms on such pages post
without a Referer."""

from django.middleware.csrf import CsrfViewMiddleware
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.csrf import csrf_exempt


class _TokenCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF check on the form token alone, for forms on the results page.

    That page sends Referrer-Policy: no-referrer (its URL is a secret), so browsers post its
    forms with "Origin: null" and no Referer, which the usual Origin and Referer checks refuse.
    The token check stays; the cookie is __Host- prefixed in production, so no other host can
    plant one, and the form's URL itself holds the unguessable result token.
    """

    def _origin_verified(self, request):
        return request.META.get("HTTP_ORIGIN") == "null" or super()._origin_verified(request)

    def _check_referer(self, request):
        return None


def csrf_protect_without_referrer(view):
    return csrf_exempt(decorator_from_middleware(_TokenCsrfMiddleware)(view))


def private_link(response):
    """Results live at secret links: keep them out of referrers and search engines."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
