"""WSGI entry point for gunicorn (``onderwijsgids serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderwijsgids.settings")
application = get_wsgi_application()

from onderwijsgids.web.warmup import build_and_freeze  # noqa: E402  (needs the app set up)

build_and_freeze()
