# The learner's leerweg takes its choices from the one vocabulary, which includes hbo-deeltijd.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0006_learner_hbo_domein_leerwerktraject_aangevraagd'),
    ]

    operations = [
        migrations.AlterField(
            model_name='learner',
            name='leerweg',
            field=models.CharField(choices=[('bol', 'bol'), ('bbl', 'bbl'), ('hbo-duaal', 'hbo-duaal'), ('hbo-deeltijd', 'hbo-deeltijd'), ('hbo-voltijd', 'hbo-voltijd'), ('vmbo', 'vmbo'), ('havo-vwo', 'havo-vwo')], max_length=20, verbose_name='leerweg'),
        ),
    ]
