from django.urls import path

from . import views

app_name = "advice"
urlpatterns = [
    path("advies/", views.start, name="start"),
    path("advies/opnieuw/", views.restart, name="restart"),
    path("advies/controle/", views.controle, name="controle"),
    path("advies/plan/", views.plan, name="plan"),
    path("advies/plan/plan.<str:fmt>", views.plan_download, name="download"),
    path("advies/plan/profiel.yaml", views.plan_profile, name="profile_yaml"),
    path("advies/gedeeld/<str:token>/", views.shared_plan, name="shared"),
    path("advies/gedeeld/<str:token>/plan.<str:fmt>", views.shared_download,
         name="shared_download"),
    path("advies/gedeeld/<str:token>/profiel.yaml", views.shared_profile,
         name="shared_profile_yaml"),
    path("advies/<slug:slug>/", views.step, name="step"),
    path("advies/<slug:slug>/nieuw/", views.add_item, name="add"),
]
