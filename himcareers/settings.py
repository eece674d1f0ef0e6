"""HIM Careers settings: one module, read from the environment, failing loudly.

Every variable is listed in .env.example. Development defaults are safe: DEBUG is off unless
asked for, and production refuses to start without SECRET_KEY.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    """Return the variable as a bool; raise on anything but a clear yes or no."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated variable as a list of non-empty, stripped items."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} has an empty item: {raw!r}")
    return items


DEBUG = env_bool("DEBUG", False)

# Where the site runs: "production" (the default: behind a TLS proxy, every HTTPS-only protection
# on) or "local" (`make run`: plain http://127.0.0.1 on this machine, so no HTTPS redirect, no
# HSTS, no Secure/__Host- cookies; DEBUG stays off). DEBUG implies local.
SITE_MODE = os.environ.get("SITE_MODE", "production").strip().lower()
if SITE_MODE not in ("production", "local"):
    raise ImproperlyConfigured(f"SITE_MODE must be production or local; got {SITE_MODE!r}")
HTTPS = SITE_MODE == "production" and not DEBUG


def _secret_key() -> str:
    """SECRET_KEY, else the contents of the file SECRET_KEY_FILE names; nothing at all is an error
    unless DEBUG is on."""
    key = os.environ.get("SECRET_KEY", "")
    key_file = os.environ.get("SECRET_KEY_FILE", "")
    if not key and key_file:
        try:
            key = Path(key_file).read_text().strip()
        except OSError as error:
            raise ImproperlyConfigured(f"SECRET_KEY_FILE {key_file!r} cannot be read: {error}") from None
        if not key:
            raise ImproperlyConfigured(f"SECRET_KEY_FILE {key_file!r} is empty.")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off.")
    return "dev-only-insecure-key-do-not-use-in-production"


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if HTTPS else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "ninja",
    "axes",
    "core",
    "careers",
    "assessments",
    "worksamples",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.cross_origin_resource_policy",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.middleware.ApiShortcut",  # /api/ requests: API_MIDDLEWARE below, not the rest of this list
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.i18n.remembered_language",
    "core.page_cache.ContentPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.i18n.api_languages",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]
# What an API request (anonymous, stateless JSON) runs after the middleware above
# core.middleware.ApiShortcut: its language (Content-Language, Vary), the Host check and
# trailing-slash redirects, X-Frame-Options; not sessions, CSRF, auth, messages, axes, the page
# cache or static files. None: API requests run the whole MIDDLEWARE list.
API_PATH_PREFIX = "/api/"
API_MIDDLEWARE = [
    "core.i18n.api_languages",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "himcareers.urls"
WSGI_APPLICATION = "himcareers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # The site's own templates lose their indentation when loaded (core/template_loaders.py):
            # bytes on every page that a browser would collapse anyway. Apps' templates load as-is.
            "loaders": [
                ("django.template.loaders.cached.Loader", ["core.template_loaders.DedentingLoader", "django.template.loaders.app_directories.Loader"]),
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "core.context_processors.site",
                "core.i18n.language_links",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite by default (WAL, IMMEDIATE transactions, busy timeout: concurrent quiz submissions
# wait instead of failing with "database is locked"); PostgreSQL when DATABASE_URL is set.
# Both keep their connections between requests (CONN_MAX_AGE seconds, health-checked). For
# SQLite this matters as much as for PostgreSQL: a connection closed after each request is
# reopened (and its PRAGMAs rerun) on the next, and closing the last open connection to a WAL
# database checkpoints the log into the file with an fsync, some 25 ms per request measured.
CONN_MAX_AGE = env_int("CONN_MAX_AGE", 600)
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=CONN_MAX_AGE,
            conn_health_checks=True,
        )
    }
else:
    DATABASES = {
        "default": {
            # Django's SQLite backend, with a health check that notices a moved or replaced file.
            "ENGINE": "core.sqlite_backend",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": (
                    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;"
                ),
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------
# Redis when REDIS_URL is set (shared by every app server; while it is unreachable the app runs
# on, uncached: core.cache_backend), otherwise per-process memory (one process: `make run`).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backend.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            # Give up quickly on an unreachable Redis: a page is cheaper rendered than waited for.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Query-string variants stored per page and content generation (e.g. directory searches).
PAGE_CACHE_VARIANTS = env_int("PAGE_CACHE_VARIANTS", 24)
# Every model of these apps is content (its writes start a new content generation), but these.
CONTENT_APPS = ["careers", "assessments"]
NOT_CONTENT_MODELS = ["assessments.Result", "assessments.Cohort", "assessments.CounselorProfile"]
# Rows whose stored pages are forgotten when they are deleted: model -> function(row) -> paths.
PAGE_CACHE_PAGES_OF = {"assessments.Result": "assessments.services.result_page_paths"}

# --- Client addresses -----------------------------------------------------------------------------
# How many proxies in front of the app append to X-Forwarded-For (0: none, the header is ignored).
# The client is the right-most address not added by them (core.client.client_address).
PROXY_COUNT = env_int("PROXY_COUNT", 0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"PROXY_COUNT must be 0 or more; got {PROXY_COUNT}")

# --- Privacy ------------------------------------------------------------------------------------
# Results (and closed cohorts left empty) older than this are removed by manage.py purge_expired;
# the privacy page and every results page state it.
RESULT_RETENTION_DAYS = env_int("RESULT_RETENTION_DAYS", 365)
if RESULT_RETENTION_DAYS < 1:
    raise ImproperlyConfigured(f"RESULT_RETENTION_DAYS must be at least 1; got {RESULT_RETENTION_DAYS}")

# --- Auth ---------------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "assessments:cohort_list"
LOGOUT_REDIRECT_URL = "home"
# Brute-force protection: lock a username at one address after 5 failures for an hour (never
# the username everywhere: anyone could lock the real counselor out), and any address after
# SIGN_IN_ADDRESS_LIMIT failures whatever the usernames (core.auth_forms: password spraying).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client.client_address"
SIGN_IN_ADDRESS_LIMIT = env_int("SIGN_IN_ADDRESS_LIMIT", 30)
SIGN_IN_ADDRESS_WINDOW = 15 * 60

# --- Internationalisation -----------------------------------------------------------------------
# English at unprefixed addresses, Spanish under /es/ (core/i18n.py). Messages are compiled
# from locale/es/LC_MESSAGES/django.po by `make run` and `make test` (not committed).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Money and dates keep US conventions in Spanish too ($42,000; 11/29/2026), as O*NET's
# Mi Próximo Paso shows them: himcareers/formats/es overrides Django's Spanish separators.
FORMAT_MODULE_PATH = ["himcareers.formats"]
# Set only when a visitor uses the language switch; it holds "en" or "es" (privacy page).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------------------
# Bootstrap comes from the installed bootstrap-wrapper package: nothing third-party is committed.
import bootstrap as _bootstrap  # noqa: E402

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Only the Bootstrap files the templates link (and the source map its CSS names), not the whole
# package: collectstatic hashes and compresses every file it collects.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "himcareers.staticfinders.PackageFilesFinder",
]
STATICFILES_PACKAGE_FILES = {
    "bootstrap": (Path(list(_bootstrap.__path__)[0]), ["css/bootstrap.min.css", "css/bootstrap.min.css.map"]),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
# Source maps (django-ninja's and Bootstrap's, 5.9 MB, read only by developer tools) are served
# but not pre-compressed: brotli on them was most of collectstatic's 40-150 s.
from whitenoise.compress import Compressor as _Compressor  # noqa: E402

WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*_Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
# Pages link the hashed names only ({% static %}): the unhashed copies need no compressing.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security -------------------------------------------------------------------------------------
# Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto; gunicorn speaks
# plain HTTP on 127.0.0.1.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS-only protections: on in production, off when DEBUG or SITE_MODE=local serve plain HTTP.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = 63072000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The __Host- prefix pins cookies to this host over HTTPS; browsers refuse it over plain HTTP,
# so development and local mode keep the usual names.
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
SESSION_COOKIE_AGE = 8 * 60 * 60
# Flash messages (counselor pages only) live in the session: no extra "messages" cookie, so the
# cookies are exactly the two the privacy page lists.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The site sends no mail of its own today; Django's password-reset views can, through SMTP.
if DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": os.environ.get("EMAIL_HOST", "localhost"), "port": env_int("EMAIL_PORT", 25)},
        }
    }

CSRF_FAILURE_VIEW = "core.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Result tokens and invitation links are secrets: "Not Found: /quiz/results/<token>/" must
    # not print them.
    "filters": {"redact_tokens": {"()": "core.logging.RedactTokens"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
# Path segments that are secrets, redacted in log lines (core.logging).
SECRET_PATH_PATTERNS = [r"(/quiz/results/)[^/?#\s]+", r"(/accounts/reset/[^/?#\s]+/)[^/?#\s]+"]

SITE_NAME = "HIM Careers"
# The public address links and printouts show; unset: the address of each (validated) request.
SITE_URL = os.environ.get("SITE_URL", "")

# Each loader takes the content folder and returns a report of what changed (load_content).
CONTENT_LOADERS = ["careers.content.load_content", "assessments.content.load_items"]
