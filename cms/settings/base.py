"""Settings for every environment, driven by environment variables with safe defaults.

The defaults run Puente on one machine with nothing else installed: a SQLite file, the in-memory
channel layer, local-memory cache and the database search engine. Each scale-out component is
switched on by one variable: DATABASE_URL, REDIS_URL, ELASTICSEARCH_URL.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",
    "cms.directory",
    "cms.accounts",
    "cms.pages",
    "cms.operations",
    "cms.publishing",
    "search",
    "experiences",
    "courses",
    "exchanges",
    "rooms",
    "forums",
    "projects",
    "frameworks",
    "networks",
    "countries",
    "opendata",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "channels",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.inputs.RefuseUnsafeTextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.pages.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Sync-only and innermost on purpose: under ASGI Django then runs the whole middleware
    # chain synchronously in one hop, instead of two thread hops per async-capable middleware.
    "cms.accounts.middleware.AdminSecondFactorMiddleware",
    "cms.accounts.middleware.UserTimezoneMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
ASGI_APPLICATION = "cms.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Connections persist between requests (cms/asgi.py keeps them on one thread).
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the single writer work at once (daphne serves requests in threads).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: cache and channel layer, when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "puente",
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": "puente"},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Sessions are read from the cache (written through to the database): no query per request.
# Without REDIS_URL the cache is per process, like the in-memory channel layer and the shell's
# cached tree: the embedded default is one process; more processes need REDIS_URL.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Search: Elasticsearch when ELASTICSEARCH_URL is set, else the database engine.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "puente")

# Accounts: email is the login; allauth handles sign-up, verification and password reset.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "cms.accounts.backends.CachedPermissionsBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up must say plainly that an address is already registered, so enumeration prevention is
# off: whether an address has an account can be learnt from the sign-up and reset forms.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_FORMS = {"signup": "cms.accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "cms.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Puente] "
# Failed logins: an account locks after 5 failures in 5 minutes, whoever tries; an address
# after 30 in 10 minutes across accounts, so a few wrong guesses behind a shared address (an
# agency's NAT) never lock out a colleague. Behind a proxy, set ALLAUTH_TRUSTED_PROXY_COUNT (or
# ALLAUTH_TRUSTED_CLIENT_IP_HEADER) so the limit sees the client's address, not the proxy's.
# A second factor for staff (cms.accounts.middleware.AdminSecondFactorMiddleware): an
# authenticator app (TOTP) with recovery codes, and security keys / passkeys (WebAuthn) where the
# browser offers them.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Puente"
ACCOUNT_RATE_LIMITS = {"login_failed": "30/10m/ip,5/5m/key"}
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# Email: console unless EMAIL_URL (smtp://user:password@host:587/?tls=True) is set.
_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Puente <no-reply@puente.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Internationalisation: four languages, URLs prefixed by language.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("fr", "Français"),
    ("pt", "Português"),
]
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# Static and media files: WhiteNoise serves static files; nothing comes from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded media on S3-compatible storage (pip install "django-storages[s3]"): set S3_BUCKET
# (and S3_ENDPOINT_URL for a non-AWS service; credentials from the usual AWS_* variables).
# Private attachments stay on the private file roots (docs/deploy.md).
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# Wagtail
WAGTAIL_SITE_NAME = "Puente"
# Every absolute link (emails, calendars, badges) is built from this one address
# (cms.notify.absolute_url); `make run` sets BASE_URL from PORT.
WAGTAILADMIN_BASE_URL = (
    os.environ.get("BASE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents are served only through Wagtail's view, which checks the collection's privacy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILEMBEDS_FINDERS = []  # no outside oEmbed look-ups at run time
WAGTAIL_PASSWORD_RESET_ENABLED = True

# Background work: Django's tasks framework, run immediately unless configured otherwise.
# Background work (emails, reminders, index updates): run at once in the request by default;
# TASKS_BACKEND=database queues it in the database for `manage.py db_worker` (docs/deploy.md).
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASKS_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}

# Security headers that hold in every environment; production.py adds the strict ones.
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow same-origin framing themselves
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin still relies on inline scripts and styles; the public site does not.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/api/docs"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# rooms: live discussion rooms (rooms/)
# At most N messages per S seconds per person per room, as "N/S" (the benchmark raises it).
ROOMS_RATE_LIMIT = os.environ.get("ROOMS_RATE_LIMIT", "5/10")
# Days messages are kept, per kind of room ("default" for kinds not named); see purge_rooms.
ROOMS_RETENTION_DAYS = {
    "network": 730,
    "cohort": 365,
    "webinar": 180,
    "exchange": 1095,
    "standalone": 365,
    "default": 365,
}
ROOMS_EDIT_MINUTES = 15  # authors may edit or delete their message this long after posting
ROOMS_MAX_FRAME_BYTES = 65_536  # larger WebSocket frames are refused with a "too_large" error
ROOMS_PRESENCE_SECONDS = 150  # a connection without a ping for this long no longer counts online
ROOMS_RECHECK_SECONDS = 10  # a silent connection re-asks the parent policy at least this often

# exchanges: peer exchange requests (exchanges/)
# Attachments are kept outside MEDIA_ROOT and served only through a permission-checked view.
# Private files (never served by URL, only by permission-checking views) live under one root,
# outside MEDIA_ROOT; each app's folder can be moved with its own variable.
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", BASE_DIR / "var" / "private"))
EXCHANGES_ATTACHMENT_ROOT = Path(
    os.environ.get("EXCHANGES_ATTACHMENT_ROOT", PRIVATE_ROOT / "exchanges")
)
FORUMS_DOCUMENT_ROOT = Path(os.environ.get("FORUMS_DOCUMENT_ROOT", PRIVATE_ROOT / "forums"))
FRAMEWORKS_REPORT_ROOT = Path(
    os.environ.get("FRAMEWORKS_REPORT_ROOT", PRIVATE_ROOT / "frameworks")
)
COURSES_IMPORT_ROOT = Path(os.environ.get("COURSES_IMPORT_ROOT", PRIVATE_ROOT / "imports"))
EXCHANGES_ATTACHMENT_MAX_BYTES = int(os.environ.get("EXCHANGES_ATTACHMENT_MAX_BYTES", 10_485_760))
EXCHANGES_FOLLOW_UP_DAYS = 90  # the follow-up survey opens this long after completion
# With Redis the channel layer is channels-redis' pub/sub layer: one Redis message per broadcast
# per server process instead of one per connection (tests/benchmarks/rooms: p95 58 ms against
# 250 ms at 200 listeners). REDIS_CHANNEL_LAYER=core selects the list-based layer instead.
if REDIS_URL and os.environ.get("REDIS_CHANNEL_LAYER", "pubsub") == "pubsub":
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": "puente"},
        }
    }

# Every directory of files a backup must hold (manage.py backup / restore, docs/deploy.md):
# uploaded media and the private roots that live outside it.
# (name → directory; a private folder moved outside PRIVATE_ROOT is backed up on its own).
BACKUP_FILE_ROOTS = {
    name: root
    for name, root in {
        "media": MEDIA_ROOT,
        "private": PRIVATE_ROOT,
        "exchanges": EXCHANGES_ATTACHMENT_ROOT,
        "forums": FORUMS_DOCUMENT_ROOT,
        "frameworks": FRAMEWORKS_REPORT_ROOT,
        "imports": COURSES_IMPORT_ROOT,
    }.items()
    if name in ("media", "private") or not root.is_relative_to(PRIVATE_ROOT)
}
