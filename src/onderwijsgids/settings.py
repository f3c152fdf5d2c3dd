"""Django settings. Environment variables configure a deployment; defaults serve SQLite locally.

- ``DATABASE_URL``: e.g. ``postgres://postgres@127.0.0.1:5432/onderwijsgids`` (default: SQLite in var/)
- ``DJANGO_SECRET_KEY``: required when ``DJANGO_DEBUG`` is off and not running locally;
  a local key is generated once in ``var/secret_key`` otherwise.
- ``DJANGO_DEBUG``, ``DJANGO_ALLOWED_HOSTS`` (comma-separated), ``ONDERWIJSGIDS_CONTENT``,
  ``ONDERWIJSGIDS_BASE_URL`` (the canonical address for absolute links; default in links.py).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from onderwijsgids.links import configured_base_url

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parents[1]
VAR_DIR = Path(os.environ.get("ONDERWIJSGIDS_VAR", REPO_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "ja"}


def _secret_key() -> str:
    configured = os.environ.get("DJANGO_SECRET_KEY")
    if configured:
        return configured
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("DJANGO_DEBUG")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "onderwijsgids.web",
    "onderwijsgids.content",
    "onderwijsgids.advice",
    "onderwijsgids.search",
    "onderwijsgids.workspace",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "onderwijsgids.workspace.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "onderwijsgids.web.middleware.SecurityHeadersMiddleware",
    "axes.middleware.AxesMiddleware",
    "onderwijsgids.web.limits.InputLimitsMiddleware",
]

ROOT_URLCONF = "onderwijsgids.urls"
WSGI_APPLICATION = "onderwijsgids.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'onderwijsgids.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for each other (WAL, a busy timeout, the write lock taken at the
    # start of each transaction) instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Request bodies (onderwijsgids.web.limits answers 413 above these, before reading them):
# forms and JSON up to 2 MB, uploads (a CSV of learners, 2 MB at most) up to 3 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
ONDERWIJSGIDS_MAX_UPLOAD_BYTES = 3 * 1024 * 1024

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# User-facing strings are written in Dutch and marked for translation, so English can follow.
# LocaleMiddleware is left out until an English translation exists: without it an English
# browser would get Django's own messages in English among our Dutch ones (ADR 0001).
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # tests and a fresh checkout serve static files without collectstatic

# Security: CSRF everywhere, secure cookies when served over HTTPS, no framing, strict headers.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
HTTPS = _env_bool("ONDERWIJSGIDS_HTTPS")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None

LOGIN_URL = "/account/inloggen/"

# Accounts (workspace app): lockout after 5 failed logins per user and address (django-axes);
# TOTP two-factor for advisors and administrators (django-otp).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "workspace/account/locked.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Onderwijsgids Metaalunie"
ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN = int(os.environ.get("ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN",
                                                          "12"))
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND",
                               "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "onderwijsgids@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ONDERWIJSGIDS_LOG_LEVEL", "WARNING")},
}

ONDERWIJSGIDS_CONTENT_DIR = Path(os.environ.get("ONDERWIJSGIDS_CONTENT", REPO_DIR / "content"))
# The canonical address for absolute links (PDFs, e-mails, CLI output); default in links.py.
ONDERWIJSGIDS_BASE_URL = configured_base_url()
