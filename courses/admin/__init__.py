"""The learning section of the Wagtail admin: snippet viewsets (``viewsets.py``), the
secretariat's screens (``views.py``) and their forms (``forms.py``). ``wagtail_hooks.py``
registers them."""
