"""Headers that Django's SecurityMiddleware does not set itself."""

from django.http import HttpRequest, HttpResponse

# The app loads nothing from other hosts: no CDN, no fonts, no tiles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'; object-src 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/api/v1/docs"):
            # Ninja's interactive docs page needs inline scripts; the JSON API itself does not.
            response.setdefault("Content-Security-Policy",
                                CONTENT_SECURITY_POLICY.replace("script-src 'self'",
                                                                "script-src 'self' 'unsafe-inline'")
                                .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"))
        else:
            response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
