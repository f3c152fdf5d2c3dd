"""The database cache table (settings.CACHE_TABLE), so that `migrate` alone prepares a site.

Throttles and lockouts use Django's cache; without REDIS_URL that cache is this table.
``createcachetable`` does nothing for a table that exists or for a Redis cache.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
