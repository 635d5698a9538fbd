"""The networks version: replaced on any change of a networks row (memberships and their
transitions), so answers built from them can be kept in the shared cache."""

from cms.versions import Version

NETWORKS = Version("puente:networks:version")
