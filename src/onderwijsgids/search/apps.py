from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "onderwijsgids.search"
    label = "search"

    def ready(self) -> None:
        from onderwijsgids.content.signals import content_loaded

        from .services import on_content_loaded

        content_loaded.connect(on_content_loaded, dispatch_uid="search-index")
