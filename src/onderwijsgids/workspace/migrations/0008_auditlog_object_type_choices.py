# The audit log's object types as an enum (AuditLog.ObjectType); the stored values stay.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0007_learner_leerweg_hbo_deeltijd'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditlog',
            name='object_type',
            field=models.CharField(choices=[('bedrijf', 'bedrijf'), ('lidmaatschap', 'lidmaatschap'), ('uitnodiging', 'uitnodiging'), ('adviseur', 'adviseur'), ('leerling', 'leerling'), ('leerlingen', 'leerlingen'), ('scholing', 'scholing'), ('medewerker', 'medewerker'), ('aanvraag', 'aanvraag'), ('actiepunt', 'actiepunt'), ('agenda', 'agenda')], max_length=40),
        ),
    ]
