"""The minimal host project the peer benchmark writes at run time around wagtail-lms.

Nothing of wagtail-lms is copied here: its README's installation steps only (``wagtail_lms`` in
INSTALLED_APPS, its URLs under ``lms/``, migrate, collectstatic) in the smallest Wagtail project
that can serve it — DEBUG off, WhiteNoise, SQLite, database sessions — plus the ``base.html``
its templates extend, and a catalogue view (wagtail-lms has none: the host lists the live
course pages, as any site using it must).
"""

SETTINGS = '''
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "peer-bench-" + "k3Y!" * 16
DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
INSTALLED_APPS = [
    "peerhost",
    "wagtail_lms",
    "wagtail.contrib.forms", "wagtail.contrib.redirects", "wagtail.embeds", "wagtail.sites",
    "wagtail.users", "wagtail.snippets", "wagtail.documents", "wagtail.images", "wagtail.search",
    "wagtail.admin", "wagtail", "modelcluster", "taggit",
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
ROOT_URLCONF = "peerhost.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [], "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
ASGI_APPLICATION = "peerhost.asgi.application"
DATABASES = {"default": {
    "ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["PEER_DATABASE"],
    "CONN_MAX_AGE": 600,
}}
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WAGTAIL_SITE_NAME = "peer"
WAGTAILADMIN_BASE_URL = "http://localhost"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
'''

URLS = '''
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from peerhost.views import catalogue

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("lms/", include("wagtail_lms.urls")),
    path("courses/", catalogue, name="catalogue"),
    path("", include(wagtail_urls)),
]
'''

VIEWS = '''
from django.shortcuts import render
from wagtail_lms.models import CoursePage


def catalogue(request):
    courses = CoursePage.objects.live().public().order_by("path")
    return render(request, "peerhost/catalogue.html", {"courses": courses})
'''

ASGI = '''
import os
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerhost.settings")
application = get_asgi_application()
'''

MANAGE = '''
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerhost.settings")
from django.core.management import execute_from_command_line

execute_from_command_line(sys.argv)
'''

BASE_HTML = '''{% load static %}<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{% if page %}{{ page.title }}{% else %}Courses{% endif %}{% endblock %}
</title>
<link rel="stylesheet" href="{% static 'wagtail_lms/css/course.css' %}">
</head><body>
<header><a href="/courses/">Courses</a>
{% if user.is_authenticated %} · {{ user.username }}{% endif %}</header>
{% if messages %}<ul>{% for message in messages %}<li>{{ message }}</li>{% endfor %}</ul>{% endif %}
{% block content %}{% endblock %}
</body></html>
'''

CATALOGUE_HTML = '''{% extends "base.html" %}{% load wagtailcore_tags %}
{% block content %}<main><h1>Courses</h1><ul>
{% for course in courses %}<li><h2><a href="{% pageurl course %}">{{ course.title }}</a></h2>
{{ course.description|richtext }}</li>{% endfor %}
</ul></main>{% endblock %}
'''

# One course with five lessons (H5P lesson pages with rich text: no H5P package is needed to
# read them) under the site's root page, and a learner enrolled in it with a session.
SEED = '''
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from wagtail.models import Site
from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonPage

root = Site.objects.get(is_default_site=True).root_page
course = CoursePage.objects.first()
if course is None:
    course = CoursePage(
        title="Designing social protection floors", slug="social-protection-floors",
        description="<p>How countries of the Americas build a floor of basic income security "
                    "and essential health care for everyone.</p>",
    )
    root.add_child(instance=course)
    course.save_revision().publish()
    for number in range(1, 6):
        lesson = H5PLessonPage(
            title=f"Lesson {number}: floors in practice", slug=f"lesson-{number}",
            intro=f"<p>Introduction to lesson {number}.</p>",
            body=[("paragraph", "<p>" + "Social protection floors guarantee access. " * 20
                   + "</p>")],
        )
        course.add_child(instance=lesson)
        lesson.save_revision().publish()
User = get_user_model()
learner, _ = User.objects.get_or_create(username="learner", defaults={"email": "l@peer.test"})
CourseEnrollment.objects.get_or_create(user=learner, course=course)
session = SessionStore()
session[SESSION_KEY] = str(learner.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = learner.get_session_auth_hash()
session.create()
lesson = H5PLessonPage.objects.child_of(course).live().order_by("path").first()
print(json.dumps({
    "session": session.session_key, "catalogue": "/courses/",
    "course": course.get_url(), "lesson": lesson.get_url(),
}))
'''

FILES = {
    "manage.py": MANAGE,
    "peerhost/__init__.py": "",
    "peerhost/settings.py": SETTINGS,
    "peerhost/urls.py": URLS,
    "peerhost/views.py": VIEWS,
    "peerhost/asgi.py": ASGI,
    "peerhost/templates/base.html": BASE_HTML,
    "peerhost/templates/peerhost/catalogue.html": CATALOGUE_HTML,
}
