"""The client's address, the same for every rate limit on the site (sign-in lockout, class codes).

Each proxy in front of the app appends the address it received the request from to
X-Forwarded-For, so with PROXY_COUNT trusted proxies the last PROXY_COUNT entries were written
by them: the right-most of those, -PROXY_COUNT, is the address that connected to our outermost
proxy. Anything to its left was supplied by the client and is ignored. With PROXY_COUNT = 0 (no
proxy: the default) the header is ignored altogether and the socket's address counts.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    """The address of the client, as our own proxies saw it (normalised), or None if there is
    no valid one. Axes calls it too (AXES_CLIENT_IP_CALLABLE)."""
    count = settings.PROXY_COUNT
    if count > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= count:
            return _address(hops[-count])
        # Fewer entries than proxies: the request entered partway along the chain, so every
        # entry was written by one of ours; the left-most is where it entered.
        if hops:
            return _address(hops[0])
    return _address(request.META.get("REMOTE_ADDR", ""))


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None
