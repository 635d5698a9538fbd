"""Experiences move here from the search app (label ``puente_search``): state only.

The tables keep their rows: ``puente_search`` migration 0008 renames them, moves the content
types and the index rows' kind (it runs after this one and after exchanges' foreign key follows
the model). A new database creates the tables in ``puente_search`` 0001 and renames them too.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('puente_search', '0007_gin_pending_list'),
        ('directory', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ExperienceIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'experience library',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ExperiencePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(max_length=1000, verbose_name='summary')),
                        ('start_year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='start year')),
                        ('end_year', models.PositiveSmallIntegerField(blank=True, help_text='Leave empty while the experience is ongoing.', null=True, validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2100)], verbose_name='end year')),
                        ('original_language', models.CharField(choices=[('en', 'English'), ('es', 'Español'), ('fr', 'Français'), ('pt', 'Português')], max_length=2, verbose_name='language of the original')),
                        ('problem', wagtail.fields.RichTextField(verbose_name='problem addressed')),
                        ('actions', wagtail.fields.RichTextField(verbose_name='what was done')),
                        ('results', wagtail.fields.RichTextField(blank=True, verbose_name='results and evidence')),
                        ('lessons', wagtail.fields.RichTextField(blank=True, verbose_name='lessons learned')),
                        ('enabling_factors', wagtail.fields.RichTextField(blank=True, verbose_name='enabling factors')),
                        ('replicability', wagtail.fields.RichTextField(blank=True, verbose_name='replicability')),
                        ('contacts', wagtail.fields.RichTextField(blank=True, verbose_name='contacts')),
                        ('attachments', wagtail.fields.StreamField([('document', 0)], blank=True, block_lookup={0: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'})}, verbose_name='attachments')),
                        ('related_pages', wagtail.fields.StreamField([('page', 0)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Course, webinar or page'})}, verbose_name='related courses and webinars')),
                        ('related_exchange_url', models.URLField(blank=True, help_text='Link to the peer exchange this experience came from, if any.', verbose_name='related exchange')),
                        ('last_verified', models.DateField(blank=True, help_text='When the agency last confirmed this information is current.', null=True, verbose_name='last verified')),
                        ('agency', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='experiences', to='directory.agency', verbose_name='agency')),
                        ('country', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='experiences', to='directory.country', verbose_name='country')),
                        ('population_groups', modelcluster.fields.ParentalManyToManyField(blank=True, to='directory.populationgroup', verbose_name='population groups')),
                        ('themes', modelcluster.fields.ParentalManyToManyField(blank=True, to='directory.theme', verbose_name='themes')),
                    ],
                    options={
                        'verbose_name': 'experience',
                        'verbose_name_plural': 'experiences',
                    },
                    bases=('wagtailcore.page',),
                ),
            ],
        ),
    ]
