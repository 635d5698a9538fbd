from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load the demo data: every installed app with a demo.seed(stdout) function adds its own, "
        "in INSTALLED_APPS order. Safe to run again: nothing changes the second time."
    )

    def handle(self, *args, **options):
        for app_config in apps.get_app_configs():
            module_name = f"{app_config.name}.demo"
            if find_spec(module_name) is None:
                continue
            import_module(module_name).seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
