"""The search index of each content release, stored as bytes so every process loads the same."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredIndex(models.Model):
    release_id = models.PositiveIntegerField(unique=True)
    digest = models.CharField(max_length=64)
    data = models.BinaryField()
    build_ms = models.FloatField(default=0)
    built_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-release_id"]
        verbose_name = _("zoekindex")
        verbose_name_plural = _("zoekindexen")

    def __str__(self) -> str:
        return f"zoekindex voor contentversie {self.release_id}"
