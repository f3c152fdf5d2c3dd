from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "onderwijsgids.workspace"
    label = "workspace"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .admin import secure_admin_site
        from .middleware import stamp_login

        secure_admin_site()
        user_logged_in.connect(stamp_login, dispatch_uid="workspace-stamp-login")
