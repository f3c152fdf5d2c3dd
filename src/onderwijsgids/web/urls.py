from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("gezond/", views.health, name="health"),
    path("privacy/", views.privacy_statement, name="privacy"),
    path("toegankelijkheid/", views.accessibility_statement, name="toegankelijkheid"),
]
