"""Networks' members before memberships existed become current memberships (dates unknown)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Network = apps.get_model("directory", "Network")
    Membership = apps.get_model("networks", "Membership")
    rows = []
    for network in Network.objects.prefetch_related("members"):
        open_ids = set(
            Membership.objects.filter(
                network=network, state__in=["requested", "member"]
            ).values_list("agency_id", flat=True)
        )
        rows += [
            Membership(network=network, agency=agency, state="member")
            for agency in network.members.all()
            if agency.pk not in open_ids
        ]
    Membership.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("networks", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
