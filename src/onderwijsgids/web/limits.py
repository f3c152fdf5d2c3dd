"""Request limits before any view reads the request: body size (413) and NUL in the address.

Bodies larger than the limit answer 413 without being read: a Dutch JSON message under /api/,
the page of :func:`onderwijsgids.web.views.request_too_large` elsewhere. A NUL character in the
path or query string (PostgreSQL cannot store or compare it) is bad input: 400.
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, JsonResponse

TOO_LARGE = "De aanvraag is te groot (meer dan {limit})."
NUL_IN_ADDRESS = "Het adres bevat een ongeldig teken (NUL)."


def body_limit(request: HttpRequest) -> int:
    """Uploads (multipart) may carry a CSV file; other bodies are forms or JSON."""
    if request.content_type == "multipart/form-data":
        return settings.ONDERWIJSGIDS_MAX_UPLOAD_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def human_size(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{size // 1024} kB"


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def too_large_response(request: HttpRequest, limit: int) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": TOO_LARGE.format(limit=human_size(limit))}, status=413)
    from .views import request_too_large

    return request_too_large(request)


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _has_nul(request: HttpRequest) -> bool:
    raw_query = request.META.get("QUERY_STRING", "")
    return "\x00" in request.path or b"\x00" in unquote_to_bytes(raw_query)


class InputLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = body_limit(request)
        if _content_length(request) > limit:
            return too_large_response(request, limit)
        if _has_nul(request):
            if is_api(request):
                return JsonResponse({"detail": NUL_IN_ADDRESS}, status=400)
            raise BadRequest(NUL_IN_ADDRESS)
        return self.get_response(request)
