from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("zoeken/", views.zoeken, name="zoeken"),
    path("onderwijsroutes/", views.onderwijsroutes, name="onderwijsroutes"),
    path("bedrijfsvakscholen/", views.bedrijfsvakscholen, name="bedrijfsvakscholen"),
]
