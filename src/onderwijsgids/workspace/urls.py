"""Workspace URLs: /account/…, /bedrijf/<company_id>/…, /adviseur/…, /agenda/<secret>.ics."""

from django.urls import path

from . import account, advisor, feed, signup, take_over, twofactor, views

app_name = "workspace"

company = "bedrijf/<int:company_id>/"

urlpatterns = [
    # accounts
    path("account/inloggen/", account.LoginView.as_view(), name="login"),
    path("account/uitloggen/", account.LogoutView.as_view(), name="logout"),
    path("account/wachtwoord-vergeten/", account.PasswordResetView.as_view(),
         name="password_reset"),
    path("account/wachtwoord-vergeten/verstuurd/", account.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("account/wachtwoord-herstellen/<uidb64>/<token>/",
         account.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("account/wachtwoord-herstellen/klaar/", account.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("account/uitnodiging/<str:token>/", account.accept_invite, name="accept_invite"),
    path("account/aanmelden/", signup.signup, name="signup"),
    path("account/aanmelden/bevestigen/<str:token>/", signup.signup_confirm,
         name="signup_confirm"),
    path("account/tweestaps/instellen/", twofactor.two_factor_setup, name="two_factor_setup"),
    path("account/tweestaps/koppelen/<str:token>/", twofactor.two_factor_link,
         name="two_factor_link"),
    path("account/tweestaps/controleren/", twofactor.two_factor_verify,
         name="two_factor_verify"),
    path("account/tweestaps/herstelcodes/", twofactor.recovery_codes, name="recovery_codes"),
    # calendar feed: the secret is the credential
    path("agenda/<str:secret>.ics", feed.feed, name="feed"),
    # advisor
    path("adviseur/", advisor.portfolio, name="portfolio"),
    path("adviseur/portefeuille.csv", advisor.portfolio_csv, name="portfolio_csv"),
    path("adviseur/portefeuille.xlsx", advisor.portfolio_xlsx, name="portfolio_xlsx"),
    # company
    path("bedrijf/", views.my_companies, name="my_companies"),
    path("bedrijf/plan-overnemen/", take_over.plan_take_over, name="plan_take_over"),
    path(company, views.dashboard, name="dashboard"),
    path(company + "acties/<slug:actie_id>/", views.action_state, name="action_state"),
    path(company + "profiel/", views.profile, name="profile"),
    path(company + "profiel/overnemen/", take_over.profile_import,
         name="profile_import"),
    path(company + "advies/", views.advice, name="advice"),
    path(company + "plan/", views.plan, name="plan"),
    path(company + "leerlingen/", views.learners, name="learners"),
    path(company + "leerlingen/nieuw/", views.learner_new, name="learner_new"),
    path(company + "leerlingen/importeren/", views.learners_import, name="learners_import"),
    path(company + "leerlingen/importeren/sjabloon.csv", views.learners_import_template,
         name="learners_import_template"),
    path(company + "leerlingen/leerlingen.csv", views.learners_export, name="learners_export"),
    path(company + "leerlingen/<int:learner_id>/", views.learner, name="learner"),
    path(company + "leerlingen/<int:learner_id>/verwijderen/", views.learner_delete,
         name="learner_delete"),
    path(company + "scholing/", views.trainings, name="trainings"),
    path(company + "scholing/nieuw/", views.training_form, name="training_new"),
    path(company + "scholing/<int:training_id>/", views.training_form, name="training"),
    path(company + "scholing/<int:training_id>/verwijderen/", views.training_delete,
         name="training_delete"),
    path(company + "aanvragen/", views.applications, name="applications"),
    path(company + "aanvragen/nieuw/", views.application_form, name="application_new"),
    path(company + "aanvragen/<int:application_id>/", views.application_form,
         name="application"),
    path(company + "aanvragen/<int:application_id>/verwijderen/", views.application_delete,
         name="application_delete"),
    path(company + "actiepunten/", views.action_points, name="action_points"),
    path(company + "agenda/", views.calendar, name="calendar"),
    path(company + "agenda/<int:token_id>/intrekken/", views.calendar_revoke,
         name="calendar_revoke"),
    path(company + "uitnodigen/", account.invite, name="invite"),
    path(company + "privacy/", views.privacy_page, name="privacy"),
    path(company + "privacy/persoonsgegevens.json", views.privacy_export, name="privacy_export"),
    path(company + "privacy/medewerker.json", views.privacy_employee_export,
         name="privacy_employee_export"),
    path(company + "privacy/medewerker/wissen/", views.privacy_employee_erase,
         name="privacy_employee_erase"),
    path(company + "privacy/leerling/<int:learner_id>.json", views.privacy_learner_export,
         name="privacy_learner_export"),
    path(company + "privacy/leerling/<int:learner_id>/wissen/", views.privacy_learner_erase,
         name="privacy_learner_erase"),
]
