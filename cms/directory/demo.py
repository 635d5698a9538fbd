"""Demo directory: the 35 member states, national agencies, taxonomies and networks."""

from django.db import transaction

from . import demo_data
from .models import Agency, Country, Network, PopulationGroup, Theme

NAME_FIELDS = ("name_en", "name_es", "name_fr", "name_pt")


@transaction.atomic
def seed(stdout) -> None:
    for row in demo_data.COUNTRIES:
        Country.objects.update_or_create(
            code=row["code"],
            defaults={
                **{field: row[field] for field in NAME_FIELDS},
                "official_languages": list(row["official_languages"]),
                "time_zones": list(row["time_zones"]),
                "participating": row["participating"],
            },
        )
    countries = {country.code: country for country in Country.objects.all()}

    for row in demo_data.AGENCIES:
        Agency.objects.update_or_create(
            country=countries[row["country"]],
            name=row["name"],
            defaults={
                "acronym": row["acronym"],
                "sector": row["sector"],
                "website": row["website"],
            },
        )
    agencies = {(a.country.code, a.acronym): a for a in Agency.objects.select_related("country")}
    for row in demo_data.AGENCIES:
        if row["parent"]:
            agency = agencies[(row["country"], row["acronym"])]
            parent = agencies[(row["country"], row["parent"])]
            if agency.parent_id != parent.pk:
                agency.parent = parent
                agency.save(update_fields=["parent"])

    for model, rows in ((Theme, demo_data.THEMES), (PopulationGroup, demo_data.POPULATION_GROUPS)):
        for row in rows:
            model.objects.update_or_create(
                slug=row["slug"], defaults={field: row[field] for field in NAME_FIELDS}
            )

    for row in demo_data.NETWORKS:
        network, _ = Network.objects.update_or_create(
            slug=row["slug"],
            defaults={
                **{field: row[field] for field in NAME_FIELDS},
                "acronym": row["acronym"],
                "description": row["description_en"],
            },
        )
        network.members.set([agencies[member] for member in row["members"]])

    stdout.write(
        f"Directory: {Country.objects.count()} countries, {Agency.objects.count()} agencies, "
        f"{Theme.objects.count()} themes, {PopulationGroup.objects.count()} population groups, "
        f"{Network.objects.count()} networks."
    )
