"""The five roles of Puente, as Django groups.

Their permissions are set by data migrations (``accounts/migrations``); this module only names them.
"""

LEARNER = "Learner"
FOCAL_POINT = "Agency focal point"
INSTRUCTOR = "Instructor"
EDITOR = "Editor"
SECRETARIAT = "Secretariat"

ALL_ROLES = (LEARNER, FOCAL_POINT, INSTRUCTOR, EDITOR, SECRETARIAT)
