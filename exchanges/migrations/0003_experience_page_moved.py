"""The experience page a closed exchange became now lives in the ``experiences`` app.

State only: the foreign key keeps pointing at the same table, which ``puente_search`` 0008
renames (PostgreSQL and SQLite both carry the constraint over to the new name).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('exchanges', '0002_withdrawn_state'),
        ('experiences', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='exchangerequest',
                    name='experience_page',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='experiences.experiencepage', verbose_name='experience page'),
                ),
            ],
        ),
    ]
