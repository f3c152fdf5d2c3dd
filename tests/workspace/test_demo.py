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
