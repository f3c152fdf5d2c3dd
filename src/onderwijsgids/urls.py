"""URL configuration: each capability app owns its own urls module."""

from django.contrib import admin
from django.urls import include, path

from .api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("beheer/", admin.site.urls),
    path("", include("onderwijsgids.advice.urls")),
    path("", include("onderwijsgids.search.urls")),
    path("", include("onderwijsgids.workspace.urls")),
    path("", include("onderwijsgids.content.urls")),
    path("", include("onderwijsgids.web.urls")),
]

handler400 = "onderwijsgids.web.views.bad_request"
handler403 = "onderwijsgids.web.views.forbidden"
handler404 = "onderwijsgids.web.views.not_found"
handler500 = "onderwijsgids.web.views.server_error"
