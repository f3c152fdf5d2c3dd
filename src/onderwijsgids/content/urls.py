"""Permanent item addresses (``onderwijsgids.kb.urls``) and one list page per type."""

from django.urls import path

from . import views

app_name = "content"
urlpatterns = [
    path("actiepunten/", views.action_point_list, name="actiepunten"),
    path("actiepunten/<int:number>/", views.action_point, name="actiepunt"),
    path("regelingen/", views.simple_list, {"item_type": "regeling"}, name="regelingen"),
    path("regelingen/<slug:item_id>/", views.item_page, {"item_type": "regeling"},
         name="regeling"),
    path("kwalificaties/", views.qualification_list, name="kwalificaties"),
    path("kwalificaties/<str:item_id>/", views.item_page, {"item_type": "kwalificatie"},
         name="kwalificatie"),
    path("onderwijsniveaus/", views.education_overview, name="onderwijsniveaus"),
    path("onderwijsniveaus/<slug:item_id>/", views.item_page, {"item_type": "onderwijsniveau"},
         name="onderwijsniveau"),
    path("organisaties/", views.simple_list, {"item_type": "organisatie"}, name="organisaties"),
    path("organisaties/<slug:item_id>/", views.item_page, {"item_type": "organisatie"},
         name="organisatie"),
    path("initiatieven/", views.simple_list, {"item_type": "initiatief"}, name="initiatieven"),
    path("initiatieven/<slug:item_id>/", views.item_page, {"item_type": "initiatief"},
         name="initiatief"),
    path("gids/", views.simple_list, {"item_type": "pagina"}, name="paginas"),
    path("gids/<slug:item_id>/", views.item_page, {"item_type": "pagina"}, name="pagina"),
    path("contact/", views.contact, name="contact"),
]
