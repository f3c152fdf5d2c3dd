"""WSGI entry point for gunicorn (``onderwijsgids serve``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderwijsgids.settings")
application = get_wsgi_application()
