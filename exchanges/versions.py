"""The exchanges version: replaced on any saved or deleted exchanges row, so answers built from
them can be kept in the shared cache. Writes through ``update()`` bypass it: only the fields
they set (completion date, linked experience, offers' statuses) are outside what a versioned
answer may show."""

from cms.versions import Version

EXCHANGES = Version("puente:exchanges:version")
