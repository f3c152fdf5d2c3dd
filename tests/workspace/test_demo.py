"""``onderwijsgids demo``: fake companies with learners, courses, applications and deadlines."""

from __future__ import annotations

from onderwijsgids.cli import main
from onderwijsgids.workspace.models import (AdvisorAssignment, Company, Deadline, Learner,
                                            Membership)


def test_demo_creates_companies_with_derived_deadlines(content_db, capsys):
    assert main(["demo", "--bedrijven", "3", "--leerlingen", "4"]) == 0
    assert "3 bedrijven" in capsys.readouterr().out
    assert Company.objects.count() == 3
    assert Learner.objects.count() == 12
    assert Membership.objects.filter(role="owner").count() == 3
    assert AdvisorAssignment.objects.count() == 3
    assert Deadline.objects.exists()
    assert main(["demo", "--bedrijven", "2"]) == 0  # a second run adds, no clashes
    assert Company.objects.count() == 5


def test_demo_refuses_bad_numbers(content_db, capsys):
    assert main(["demo", "--bedrijven", "0"]) == 2
    assert "--bedrijven" in capsys.readouterr().err


def test_bedrijf_command_creates_a_company_and_invites_the_owner(content_db, capsys, client):
    import re

    from django.core import mail

    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail goes out on commit
        assert main(["bedrijf", "--naam", "Smederij Nieuw",
                     "--eigenaar", "baas@smederij.test"]) == 0
    link = re.search(r"(/account/uitnodiging/\S+/)", mail.outbox[-1].body)[1]
    assert link in capsys.readouterr().out
    response = client.post(link, {"password1": "lang-geheim-wachtwoord-1",
                                  "password2": "lang-geheim-wachtwoord-1"})
    company = Company.objects.get(naam="Smederij Nieuw")
    assert response["Location"] == f"/bedrijf/{company.pk}/"
    assert Membership.objects.get(company=company).role == "owner"
    assert main(["bedrijf", "--naam", "X", "--eigenaar", "geen-adres"]) == 2
    assert "--eigenaar" in capsys.readouterr().err
