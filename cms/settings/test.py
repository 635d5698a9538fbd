"""Tests: fast hashing, email kept in memory, static files from the finders."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-puente-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
ACCOUNT_RATE_LIMITS = False

# Each pytest-xdist worker gets its own Redis database, so one worker's cache.clear() (a FLUSHDB)
# never wipes another worker's rate-limit slots or warm caches in the middle of a test.
if REDIS_URL:  # noqa: F405
    from urllib.parse import urlsplit, urlunsplit

    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")  # noqa: F405
    _parts = urlsplit(REDIS_URL)  # noqa: F405
    # Database n of REDIS_URL is the base: worker gwK uses n + 1 + K.
    _db = int(_parts.path.strip("/") or 0) + 1 + int(_worker.removeprefix("gw") or 0)
    REDIS_URL = urlunsplit(_parts._replace(path=f"/{_db}"))
    CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
    for _layer in CHANNEL_LAYERS.values():  # noqa: F405
        _layer["CONFIG"]["hosts"] = [REDIS_URL]
        # Redis pub/sub channels are not per database: the prefix keeps workers apart.
        _layer["CONFIG"]["prefix"] = f"puente-test-{_db}"
