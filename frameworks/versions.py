"""The frameworks version: replaced on any change of a frameworks row (instruments, articles,
status rows, tags, cycles and reports), so answers built from them can be kept in the shared
cache."""

from cms.versions import Version

FRAMEWORKS = Version("puente:frameworks:version")
