"""Public pages and documents built once per content release, and cacheable by browsers.

Everything a public page of the guide shows follows from the published release, the date (old
school years drop off) and the code that renders it. So:

- :class:`ReleaseMemo` keeps public, immutable values per release digest in this process (an
  item's JSON, a rendered list page, a search snippet). It holds nothing personal and nothing
  that must agree between workers: a new release simply makes other keys.
- :func:`release_page` wraps a public view: an ``ETag`` and ``Last-Modified`` from the release
  (conditional GET answers 304) for visitors who are not logged in, ``Cache-Control: public``
  with a short ``max-age`` for visitors without a session, ``private, no-cache`` for everyone
  else (no shared cache keeps a page that came with a session cookie), and, with
  ``memo=True``, the rendered body per release and URL, again only for visitors who are not
  logged in: a logged-in visitor's page carries their own menu and form token, so it is
  rendered for them each time and never kept.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Hashable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import condition

PUBLIC_MAX_AGE = 300  # seconds a browser or proxy may reuse a public page without asking
MEMO_PATH_LIMIT = 300  # longer addresses (odd query strings) are rendered, never remembered


class ReleaseMemo:
    """A bounded, thread-safe map from ``(release digest, key)`` to a value built once.

    Only for public data that one release fixes; the oldest entries go first when it is full.
    Without a digest (no content loaded) nothing is remembered.
    """

    def __init__(self, size: int = 2000):
        self.size = size
        self._entries: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, digest: str, key: Hashable, build: Callable[[], Any]) -> Any:
        if not digest:
            return build()
        full = (digest, key)
        with self._lock:
            if full in self._entries:
                self._entries.move_to_end(full)
                return self._entries[full]
        value = build()
        with self._lock:
            self._entries[full] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


pages = ReleaseMemo(size=1000)
documents = ReleaseMemo(size=1000)


def forget_remembered_pages() -> None:
    """Render every remembered page and JSON document afresh (measurements, tests)."""
    pages.clear()
    documents.clear()


def remembered_json(request: HttpRequest, digest: str, schema: type, key: Hashable,
                    build: Callable[[], Any]) -> HttpResponse:
    """A public JSON answer that follows from the release ``digest``, the site's address and
    ``key``: ``build()`` runs once per release (if it raises, nothing is remembered) and its
    result is checked against ``schema`` (a pydantic model) as the API would, kept as bytes."""
    def render() -> bytes:
        return schema.model_validate(build()).model_dump_json().encode()

    body = documents.get(digest, (key, request.build_absolute_uri("/")), render)
    return HttpResponse(body, content_type="application/json")


# A stand-in for the form token in a remembered form page; never a real token (those are 64
# letters and digits), replaced by the visitor's own token on every answer.
CSRF_PLACEHOLDER = "onderwijsgids-formuliertoken"


def remembered_form_page(request: HttpRequest, key: Hashable,
                         render_page: Callable[[dict], HttpResponse]) -> HttpResponse:
    """A public page with a form that is the same for every visitor who is not logged in, but
    for the form token: rendered once per release, date and language with a stand-in token,
    each visitor's own token put in per answer (and its cookie set, as ``{% csrf_token %}``
    does). ``render_page(extra)`` renders the page with ``extra`` added to its context.
    Logged-in visitors, and any answer other than a plain 200, are rendered as usual."""
    from django.middleware.csrf import get_token

    if not _anonymous(request):
        return render_page({})
    digest, _loaded = release_of(request)

    def build() -> str | None:
        response = render_page({"csrf_token": CSRF_PLACEHOLDER})
        return response.content.decode() if response.status_code == 200 else None

    body = pages.get(digest, ("formulier", key, *_rendered_for()), build)
    if body is None:
        return render_page({})
    return HttpResponse(body.replace(CSRF_PLACEHOLDER, get_token(request)))


# --- the release a request sees -----------------------------------------------------------


def release_of(request: HttpRequest) -> tuple[str, dt.datetime | None]:
    """``(digest, loaded_at)`` of the published release (pinned for the request)."""
    from .services import published

    found = published()
    return found.digest, found.loaded_at


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code and templates that render pages: a deploy changes every ETag."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]
    for path in sorted(p for p in root.rglob("*")
                       if p.suffix in {".py", ".html", ".mo"} and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _rendered_for() -> tuple[str, str]:
    """Beside the release, what a public page follows from: today (old school years drop off)
    and the language."""
    return timezone.localdate().isoformat(), get_language()


def _page_key(request: HttpRequest) -> tuple:
    return (*_rendered_for(), request.get_full_path())


def _anonymous(request: HttpRequest) -> bool:
    """A visitor who is not logged in. A logged-in visitor's page shows their own menu and
    carries their form token: it is rendered for them each time, never kept, never answered
    with 304 (their browser may hold a copy made before they logged in)."""
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _etag(request: HttpRequest, *args, **kwargs) -> str | None:
    digest, _loaded = release_of(request)
    if not digest or not _anonymous(request):
        return None
    raw = "|".join((code_version(), digest, *_page_key(request)))
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


def _last_modified(request: HttpRequest, *args, **kwargs) -> dt.datetime | None:
    """The later of the release's load and today's start (pages change with the date)."""
    _digest, loaded = release_of(request)
    if loaded is None or not _anonymous(request):
        return None
    today = timezone.localdate()
    midnight = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    return max(loaded, midnight)


def _cache_control(request: HttpRequest, response: HttpResponse) -> None:
    if response.status_code != 200 or response.has_header("Cache-Control"):
        return
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)


# The query parameters the layout itself shows: the site search box (web/base.html) holds ?q=.
LAYOUT_READS = ("q",)


def release_page(view: Callable | None = None, *, memo: bool = False,
                 reads: tuple[str, ...] | None = None) -> Callable:
    """Decorate a public view whose answer follows from the release, the date and the URL.

    ``reads`` names the query parameters the view reads (a search form's fields): the page is
    then remembered by the path and those parameters only, so that the same question under
    another address (an empty filter field, a newsletter's tracking code) is not rendered
    again. A view that does not name them is remembered by its whole address.
    """
    if view is None:
        return functools.partial(release_page, memo=memo, reads=reads)
    address = _address if reads is None else functools.partial(
        _address_of_parameters, tuple(dict.fromkeys(reads + LAYOUT_READS)))

    @condition(etag_func=_etag, last_modified_func=_last_modified)
    def conditional(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = address(request)
        if (memo and request.method == "GET" and _anonymous(request)
                and len(repr(key)) <= MEMO_PATH_LIMIT):
            response = _remembered(view, request, key, args, kwargs)
        else:
            response = view(request, *args, **kwargs)
        _cache_control(request, response)
        return response

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        from .services import one_release

        with one_release():  # one release lookup for the ETag, the page and everything on it
            return conditional(request, *args, **kwargs)

    return wrapped


def _address(request: HttpRequest) -> tuple:
    return (request.get_full_path(),)


def _address_of_parameters(names: tuple[str, ...], request: HttpRequest) -> tuple:
    """The path and the values the page reads (``QueryDict.get``: the last one, as a view and
    a template see it; absent and empty are the same to every view that names them)."""
    return (request.path, *(request.GET.get(name, "") for name in names))


def _remembered(view: Callable, request: HttpRequest, address: tuple, args,
                kwargs) -> HttpResponse:
    digest, _loaded = release_of(request)
    fresh: list[HttpResponse] = []

    def render() -> tuple[int, bytes, str] | None:
        response = view(request, *args, **kwargs)
        fresh.append(response)
        if response.status_code != 200 or getattr(response, "streaming", False):
            return None
        return (response.status_code, response.content, response["Content-Type"])

    stored = pages.get(digest, (view.__module__, view.__qualname__, *_rendered_for(), *address),
                       render)
    if fresh:
        return fresh[0]
    if stored is None:  # an earlier answer was not a plain 200: render again
        return view(request, *args, **kwargs)
    status, content, content_type = stored
    return HttpResponse(content, status=status, content_type=content_type)
