"""Django settings. Environment variables configure a deployment; defaults serve SQLite locally.

- ``DATABASE_URL``: e.g. ``postgres://postgres@127.0.0.1:5432/onderwijsgids`` (default: SQLite in var/)
- ``DJANGO_SECRET_KEY``: required when ``DJANGO_DEBUG`` is off and not running locally;
  a local key is generated once in ``var/secret_key`` otherwise.
- ``DJANGO_DEBUG``, ``DJANGO_ALLOWED_HOSTS`` (comma-separated), ``ONDERWIJSGIDS_CONTENT``,
  ``ONDERWIJSGIDS_BASE_URL`` (the canonical address for absolute links; default in links.py).
- ``REDIS_URL``: e.g. ``redis://127.0.0.1:6379/0``; the shared cache (throttles, lockouts) lives
  there. Without it the cache is a database table, so it still holds across workers.
- ``ONDERWIJSGIDS_SESSIE_INACTIEF_MINUTEN`` (30), ``ONDERWIJSGIDS_SESSIE_MAX_UREN`` (12),
  ``ONDERWIJSGIDS_BLOKKADE_MINUTEN`` (15), ``ONDERWIJSGIDS_DEELLINK_DAGEN`` (90).
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
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
    "django_otp.plugins.otp_static",
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
    "onderwijsgids.workspace.middleware.IdleSessionMiddleware",
    "onderwijsgids.workspace.middleware.TwoFactorRequiredMiddleware",
    "onderwijsgids.workspace.middleware.PersonalPagesNoStoreMiddleware",
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

# One cache for every worker and server: throttles and lockouts must hold across them. Redis
# when REDIS_URL is set, otherwise a database table (created by `migrate`, see the workspace
# migration "cache table"). Never per-process memory.
CACHE_TABLE = "onderwijsgids_cache"
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "onderwijsgids"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache",
                          "LOCATION": CACHE_TABLE}}
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

# Sessions: a logged-in session ends after 30 idle minutes and at most 12 hours after login
# (workspace.middleware.IdleSessionMiddleware); an anonymous session (the answers of /advies/)
# keeps the cookie lifetime below.
SESSION_IDLE_SECONDS = 60 * int(os.environ.get("ONDERWIJSGIDS_SESSIE_INACTIEF_MINUTEN", "30"))
SESSION_MAX_SECONDS = 3600 * int(os.environ.get("ONDERWIJSGIDS_SESSIE_MAX_UREN", "12"))
SESSION_COOKIE_AGE = 14 * 24 * 3600

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
CSRF_FAILURE_VIEW = "onderwijsgids.web.views.csrf_failure"

# Accounts (workspace app): lockout (django-axes) after 5 failed logins for one account, from
# any address, or 20 for one address, across accounts (password spraying); it lifts after
# ONDERWIJSGIDS_BLOKKADE_MINUTEN and on a successful password reset. TOTP two-factor, with
# recovery codes, for everyone who reaches more than their own company (django-otp).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOCKOUT_MINUTES = int(os.environ.get("ONDERWIJSGIDS_BLOKKADE_MINUTEN", "15"))
LOCKOUT_PER_ADDRESS = 20
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_HANDLER = "onderwijsgids.workspace.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "onderwijsgids.workspace.lockout.locked_response"
AXES_USERNAME_CALLABLE = "onderwijsgids.workspace.lockout.username_of"
AXES_COOLOFF_TIME = timedelta(minutes=LOCKOUT_MINUTES)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Onderwijsgids Metaalunie"
SHARE_LINK_DAYS = int(os.environ.get("ONDERWIJSGIDS_DEELLINK_DAGEN", "90"))
ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN = int(os.environ.get("ONDERWIJSGIDS_ANONIMISEER_NA_MAANDEN",
                                                          "12"))
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND",
                               "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "onderwijsgids@localhost")
# The SMTP server (with DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend); a
# timeout so a server that stops answering cannot hold a reminder run forever.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_TIMEOUT = float(os.environ.get("DJANGO_EMAIL_TIMEOUT", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ONDERWIJSGIDS_LOG_LEVEL", "WARNING")},
}

ONDERWIJSGIDS_CONTENT_DIR = Path(os.environ.get("ONDERWIJSGIDS_CONTENT", REPO_DIR / "content"))
# The canonical address for absolute links (PDFs, e-mails, CLI output); default in links.py.
ONDERWIJSGIDS_BASE_URL = configured_base_url()
