from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "onderwijsgids.web"
    label = "web"
