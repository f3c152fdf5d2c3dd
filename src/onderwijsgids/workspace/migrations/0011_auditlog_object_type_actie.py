# The audit log names a change of an action's state (te doen, bezig, klaar) as its own object type.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0010_action_state_per_company_and_actie'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditlog',
            name='object_type',
            field=models.CharField(choices=[('bedrijf', 'bedrijf'), ('lidmaatschap', 'lidmaatschap'), ('uitnodiging', 'uitnodiging'), ('adviseur', 'adviseur'), ('leerling', 'leerling'), ('leerlingen', 'leerlingen'), ('scholing', 'scholing'), ('medewerker', 'medewerker'), ('aanvraag', 'aanvraag'), ('actiepunt', 'actiepunt'), ('agenda', 'agenda'), ('actie', 'actie uit het advies')], max_length=40),
        ),
    ]
