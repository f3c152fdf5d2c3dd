# "Bewaar dit plan": a company's KvK number and the sign-up waiting for its mailed link.

import onderwijsgids.workspace.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0008_auditlog_object_type_choices'),
    ]

    operations = [
        migrations.AddField(
            model_name='company',
            name='kvk',
            field=models.CharField(blank=True, db_index=True, max_length=8, verbose_name='KvK-nummer'),
        ),
        migrations.CreateModel(
            name='SignupRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('email', models.EmailField(max_length=254, verbose_name='e-mailadres')),
                ('password_hash', models.CharField(max_length=200)),
                ('naam', models.CharField(max_length=200, validators=[onderwijsgids.workspace.validators.single_line], verbose_name='naam van het bedrijf')),
                ('kvk', models.CharField(max_length=8, verbose_name='KvK-nummer')),
                ('profiel', models.JSONField(blank=True, default=dict, verbose_name='antwoorden uit het plan')),
                ('nonce_hash', models.CharField(max_length=64, unique=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('expires_at', models.DateTimeField(db_index=True)),
                ('used_at', models.DateTimeField(blank=True, null=True)),
            ],
            options={
                'verbose_name': 'aanmelding',
                'verbose_name_plural': 'aanmeldingen',
            },
        ),
    ]
