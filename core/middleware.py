def cross_origin_resource_policy(get_response):
    """Send Cross-Origin-Resource-Policy: same-origin on every response (Django has no setting
    for it): other sites may not embed our pages, images or scripts."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware
