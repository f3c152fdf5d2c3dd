from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "onderwijsgids.advice"
    label = "advice"
