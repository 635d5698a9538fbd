"""Local development: a fixed development key; debug on unless DEBUG says otherwise.

`make run` sets DEBUG=false so a visitor sees the site's own 404 and error pages, and collects
the static files first: WhiteNoise then serves them compressed (gzip, brotli) with far-future
caching for the hashed names, as in production. With debug on, static files come straight from
the finders and are re-read on each change.
"""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "true").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-puente-key"  # noqa: F405
if DEBUG:
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    STORAGES["staticfiles"] = {  # noqa: F405
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
# Uploaded images are served by Django itself on a developer's machine, debug or not.
SERVE_MEDIA = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # passkeys on http://127.0.0.1 in development
