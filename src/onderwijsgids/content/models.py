"""The published knowledge base in the database. Replaced whole by :func:`services.load_content`.

Other apps refer to items by their contract ID (a string), never by foreign key, because a
content load replaces every row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentRelease(models.Model):
    digest = models.CharField(max_length=64)
    item_count = models.PositiveIntegerField()
    glossary = models.JSONField(null=True, blank=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("contentversie")
        verbose_name_plural = _("contentversies")

    def __str__(self) -> str:
        return f"{self.digest[:12]} ({self.loaded_at:%Y-%m-%d %H:%M})"


class Item(models.Model):
    id = models.CharField(primary_key=True, max_length=100)
    type = models.CharField(max_length=30, db_index=True)
    titel = models.CharField(max_length=300)
    samenvatting = models.CharField(max_length=300)
    url = models.CharField(max_length=200)
    inhoud_html = models.TextField(blank=True)
    data = models.JSONField()
    sort_key = models.CharField(max_length=120, db_index=True)
    source_file = models.CharField(max_length=200)

    class Meta:
        ordering = ["type", "sort_key"]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return f"{self.id} — {self.titel}"

    def get_absolute_url(self) -> str:
        return self.url


class Relation(models.Model):
    source = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="outgoing")
    target = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="incoming")
    kind = models.CharField(max_length=40)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["source", "kind", "position"]
        indexes = [models.Index(fields=["target", "kind"])]
