"""Choice fields over directory rows, in the visitor's language and sorted by it.

``Country.Meta.ordering`` is the English name, so a Spanish select would start "Antigua y
Barbuda, Argentina, Bahamas…" but put "Estados Unidos" under U. These fields sort by the name
in the active language, accents and case folded ("Haití" beside "Honduras").
"""

import unicodedata

from django.forms.models import ModelChoiceField, ModelChoiceIterator, ModelMultipleChoiceField


def sort_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class NameOrderIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in sorted(self.queryset, key=lambda row: sort_key(str(row.name))):
            yield self.choice(obj)


class NameOrderChoiceField(ModelChoiceField):
    """A ModelChoiceField whose options follow the translated ``name`` of each row."""

    iterator = NameOrderIterator


class NameOrderMultipleChoiceField(ModelMultipleChoiceField):
    iterator = NameOrderIterator
