"""Webinars: a module family of the courses app (label ``courses``): models, selectors,
services, views, API and calendars. They share seats and the waitlist (``courses/seats.py``),
calendar feeds and certificates with cohorts."""
