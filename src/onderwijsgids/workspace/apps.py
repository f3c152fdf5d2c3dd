from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "onderwijsgids.workspace"
    label = "workspace"
