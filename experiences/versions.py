"""The experiences version: replaced on any change of an experiences row (experience pages are
also in the page tree, whose own version changes with them), so answers built from them can be
kept in the shared cache."""

from cms.versions import Version

EXPERIENCES = Version("puente:experiences:version")
