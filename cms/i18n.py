"""One dictionary lookup per translated string, instead of one per app catalogue.

Django keeps a language's messages as a list of catalogues, one per distinct plural formula, and
looks a message up in each in turn (``trans_real.TranslationCatalog``). Its merge compares a
plural function's code with the previous *function* (never equal), so every app's catalogue
stays separate: 22 dictionaries for English, 28 to 30 for Spanish, French and Portuguese. A
page makes 40 to 60 lookups, and for English (where most project strings have no entry) each
miss walks every dictionary twice (``gettext`` retries with the plural key).

``FlatTranslationCatalog`` answers the dict-like lookups (``get``, ``[]``, ``in``) from one
dictionary flattened from the list in the same priority order (the first catalogue holding a
key wins, as before), rebuilt lazily after any change. Plural lookups keep Django's per-catalogue
walk, since each catalogue has its own formula.
"""

from django.utils.translation import trans_real


class FlatTranslationCatalog(trans_real.TranslationCatalog):
    def __init__(self, trans=None):
        super().__init__(trans)
        self._flat = None

    def _lookup(self) -> dict:
        flat = self._flat
        if flat is None:
            flat = {}
            for catalog in reversed(self._catalogs):  # lowest priority first: the first wins
                flat.update(catalog)
            self._flat = flat
        return flat

    def __getitem__(self, key):
        return self._lookup()[key]

    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self._flat = None

    def __contains__(self, key):
        return key in self._lookup()

    def update(self, trans):
        super().update(trans)
        self._flat = None

    def get(self, key, default=None):
        return self._lookup().get(key, default)


def install() -> None:
    """Build every language's translations with the flat catalogue from now on (called from
    ``PagesConfig.ready``; translations built earlier are dropped and rebuilt on next use)."""
    if trans_real.TranslationCatalog is not FlatTranslationCatalog:
        trans_real.TranslationCatalog = FlatTranslationCatalog
        trans_real._translations = {}
