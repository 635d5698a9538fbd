"""The forums version: replaced on any change of a forums row (commitments, reports and their
statuses, documents, delegations…), so answers built from them can be kept in the shared
cache."""

from cms.versions import Version

FORUMS = Version("puente:forums:version")
