"""Language-prefixed pages of this app (included under /<lang>/ by cms/urls.py)."""

urlpatterns: list = []
