"""Local development: debug on, a fixed development key, static files from the finders."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "true").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-puente-key"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG  # passkeys on http://127.0.0.1 in development
