from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "onderwijsgids.search"
    label = "search"
