from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "onderwijsgids.content"
    label = "content"
