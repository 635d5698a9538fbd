"""The time zones people of the Americas pick from, and each member state's usual zone.

A short list, named by city and country in the reader's language, instead of 600 raw IANA names
with aliases (``Brazil/East``). A person whose zone is not in the list (set by the secretariat,
or an older account) keeps it: ``zone_choices(current)`` adds it.
"""

from django.utils.translation import gettext_lazy as _

AMERICAS_ZONES = [
    ("America/Anchorage", _("Anchorage (Alaska)")),
    ("America/Los_Angeles", _("Los Angeles, Vancouver (Pacific)")),
    ("America/Denver", _("Denver, Edmonton (Mountain)")),
    ("America/Chicago", _("Chicago, Winnipeg (Central)")),
    ("America/Mexico_City", _("Mexico City")),
    ("America/Guatemala", _(
        "Central America (Guatemala, Honduras, El Salvador, Nicaragua, Costa Rica)"
    )),
    ("America/Belize", _("Belize")),
    ("America/Bogota", _("Bogotá")),
    ("America/Lima", _("Lima")),
    ("America/Guayaquil", _("Quito, Guayaquil")),
    ("America/Panama", _("Panama")),
    ("America/Jamaica", _("Kingston (Jamaica)")),
    ("America/New_York", _("New York, Toronto (Eastern)")),
    ("America/Havana", _("Havana")),
    ("America/Nassau", _("Nassau (Bahamas)")),
    ("America/Port-au-Prince", _("Port-au-Prince")),
    ("America/Santo_Domingo", _("Santo Domingo")),
    ("America/Caracas", _("Caracas")),
    ("America/La_Paz", _("La Paz")),
    ("America/Manaus", _("Manaus (Amazonas)")),
    ("America/Guyana", _("Georgetown (Guyana)")),
    ("America/Barbados", _("Barbados")),
    ("America/Port_of_Spain", _(
        "Eastern Caribbean (Trinidad and Tobago, Grenada, Saint Lucia…)"
    )),
    ("America/Halifax", _("Halifax (Atlantic)")),
    ("America/St_Johns", _("St. John’s (Newfoundland)")),
    ("America/Santiago", _("Santiago")),
    ("America/Asuncion", _("Asunción")),
    ("America/Argentina/Buenos_Aires", _("Buenos Aires")),
    ("America/Montevideo", _("Montevideo")),
    ("America/Paramaribo", _("Paramaribo")),
    ("America/Sao_Paulo", _("Brasília, São Paulo")),
    ("America/Noronha", _("Fernando de Noronha")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]

# ISO 3166 code of each OAS member state → the zone of its capital.
COUNTRY_ZONES = {
    "AG": "America/Port_of_Spain", "AR": "America/Argentina/Buenos_Aires",
    "BB": "America/Barbados", "BO": "America/La_Paz", "BR": "America/Sao_Paulo",
    "BS": "America/Nassau", "BZ": "America/Belize", "CA": "America/New_York",
    "CL": "America/Santiago", "CO": "America/Bogota", "CR": "America/Guatemala",
    "CU": "America/Havana", "DM": "America/Port_of_Spain", "DO": "America/Santo_Domingo",
    "EC": "America/Guayaquil", "GD": "America/Port_of_Spain", "GT": "America/Guatemala",
    "GY": "America/Guyana", "HN": "America/Guatemala", "HT": "America/Port-au-Prince",
    "JM": "America/Jamaica", "KN": "America/Port_of_Spain", "LC": "America/Port_of_Spain",
    "MX": "America/Mexico_City", "NI": "America/Guatemala", "PA": "America/Panama",
    "PE": "America/Lima", "PY": "America/Asuncion", "SR": "America/Paramaribo",
    "SV": "America/Guatemala", "TT": "America/Port_of_Spain", "US": "America/New_York",
    "UY": "America/Montevideo", "VC": "America/Port_of_Spain", "VE": "America/Caracas",
}


def zone_for_country(code: str | None, default: str) -> str:
    return COUNTRY_ZONES.get((code or "").upper(), default)


def zone_choices(current: str | None = None) -> list[tuple[str, str]]:
    choices = list(AMERICAS_ZONES)
    if current and current not in dict(choices):
        choices.append((current, current))
    return choices
