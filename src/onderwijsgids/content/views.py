"""Human pages of the guide at the permanent URLs of ``onderwijsgids.kb.urls`` (contract §5).

Views only fetch and hand over; what a page shows is computed in :mod:`.presenters`.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from onderwijsgids.kb.urls import item_path

from . import presenters as p
from .diagram import render_education_diagram
from .models import Item, Relation
from onderwijsgids.links import absolute_url

from .qr import qr_svg
from .release_cache import ReleaseMemo, forget_remembered_pages, release_page
from .services import current_kb


# The title of each type's list page, as the main menu and breadcrumbs name it.
LIST_TITLES = {
    "actiepunt": gettext_lazy("Actiepunten"),
    "kwalificatie": gettext_lazy("Mbo-opleidingen"),
    "onderwijsniveau": gettext_lazy("Het onderwijssysteem"),
    "regeling": gettext_lazy("Regelingen en subsidies"),
    "organisatie": gettext_lazy("Organisaties"),
    "initiatief": gettext_lazy("Initiatieven"),
    "pagina": gettext_lazy("De gids"),
}
# What a list holds, in one sentence for an owner who lands on it.
LIST_LEADS = {
    "regeling": gettext_lazy("Vergoedingen en subsidies voor bedrijven die leerlingen, studenten "
                             "of eigen medewerkers opleiden. Per regeling: voor wie ze is, wanneer "
                             "je aanvraagt, de bedragen en de bron."),
    "organisatie": gettext_lazy("De organisaties die in de gids voorkomen, met hun "
                                "contactgegevens: brancheorganisaties, opleidingsfondsen, "
                                "bedrijfsvakscholen en meer."),
    "initiatief": gettext_lazy("Projecten en activiteiten waarmee je jongeren voor techniek "
                               "interesseert of medewerkers opleidt."),
    "pagina": gettext_lazy("De hoofdstukken van Dé onderwijsgids 2025: voorwoord, uitleg en "
                           "overzichten."),
}


@release_page
def item_page(request: HttpRequest, item_type: str, item_id: str) -> HttpResponse:
    kb = current_kb()
    item = kb.items.get(item_id)
    if item is None or item.type != item_type:
        raise Http404(item_id)
    today = timezone.localdate()
    article = _articles.get(kb.digest, (item_id, today, get_language()), lambda: render_to_string(
        f"content/item_{item_type}.html", _item_context(kb, item, item_type, today), request))
    return render(request, "content/item_page.html",
                  {"titel": item.titel, "article": mark_safe(article)})  # noqa: S308


# An item's article depends only on the content release and the date (old school years), so it
# is rendered once per release and day; the site layout around it is rendered per request.
_articles = ReleaseMemo(size=1000)


def forget_rendered_articles() -> None:
    """Render every item article afresh (for measurements and tests of the uncached path)."""
    _articles.clear()
    forget_remembered_pages()


def _item_context(kb, item, item_type: str, today) -> dict:
    item_id = item.id
    inhoud_html = Item.objects.filter(id=item_id).values_list("inhoud_html", flat=True).first()
    relations = Relation.objects.filter(Q(source_id=item_id) | Q(target_id=item_id)) \
        .order_by("kind", "position").values_list("source_id", "target_id")
    url = absolute_url(item_path(item_type, item_id))
    details = p.type_details(kb, item, today)
    context = {
        "item": item,
        "type_label": p.type_label(item_type),
        "type_list_url": list_url(item_type),
        "type_list_label": LIST_TITLES[item_type],
        "inhoud_html": inhoud_html or "",
        "details": details,
        "contacts": p.contacts(item),
        "zie_ook": p.see_also(kb, item_id, relations, shown=p.linked_ids(details)),
        "bronnen": p.sources(item),
        "absolute_url": url,
        "qr_svg": qr_svg(url),
    }
    if details.get("schema"):
        context["diagram"] = render_education_diagram(kb)
        context["niveaus"] = details["niveaus"]
    elif item_type == "onderwijsniveau" and getattr(item, "diagram", None):
        context["diagram"] = render_education_diagram(kb, highlight=[item_id])
    return context


def list_url(item_type: str) -> str:
    return item_path(item_type, "x").removesuffix("x/")


def action_point(request: HttpRequest, number: int) -> HttpResponse:
    canonical = item_path("actiepunt", f"actiepunt-{number}")
    if request.path != canonical:  # e.g. /actiepunten/03/
        return redirect(canonical, permanent=True)
    return item_page(request, "actiepunt", f"actiepunt-{number}")


def contact(request: HttpRequest) -> HttpResponse:
    return item_page(request, "pagina", "contact")


@release_page(memo=True)
def action_point_list(request: HttpRequest) -> HttpResponse:
    return render(request, "content/list_actiepunten.html",
                  {"groepen": p.grouped_action_points(current_kb())})


@release_page(memo=True)
def simple_list(request: HttpRequest, item_type: str) -> HttpResponse:
    """Regelingen, organisaties (by kind), initiatieven, pagina's: title, summary, link."""
    return render(request, "content/list_simple.html", {
        "titel": LIST_TITLES[item_type],
        "lead": LIST_LEADS.get(item_type, ""),
        "item_type": item_type,
        "groepen": p.list_groups(current_kb(), item_type),
    })


@release_page(memo=True, reads=("dossier", "niveau"))
def qualification_list(request: HttpRequest) -> HttpResponse:
    """The crebo table, filtered by ``dossier`` (crebo of the dossier) and ``niveau`` (1–4)."""
    kb = current_kb()
    dossiers = p.dossiers(kb)
    levels = p.levels_of_profiles(kb)
    dossier = request.GET.get("dossier", "")
    niveau = request.GET.get("niveau", "")
    errors = []
    if dossier and dossier not in {d.crebo for d in dossiers}:
        errors.append(("dossier", _("Kies een bestaand kwalificatiedossier bij 'Dossier'.")))
        dossier = ""
    if niveau and niveau not in {str(n) for n in levels}:
        errors.append(("niveau", _("Kies een niveau uit de lijst bij 'Niveau'.")))
        niveau = ""
    rows = p.crebo_rows(kb, dossier or None, int(niveau) if niveau else None)
    return render(request, "content/list_kwalificaties.html", {
        "dossiers": dossiers, "levels": levels, "dossier": dossier, "niveau": niveau,
        "errors": errors, "error_fields": {f for f, _m in errors}, "crebo_rows": rows,
        "filtered": bool(dossier or niveau), "kiesmbo_url": p.KIESMBO_URL,
        "begrippen": p.glossary_terms(kb, p.CREBO_TABLE_TERMS),
    }, status=400 if errors else 200)


@release_page(memo=True)
def education_overview(request: HttpRequest) -> HttpResponse:
    kb = current_kb()
    page = kb.items.get("onderwijsniveaus")
    return render(request, "content/list_onderwijsniveaus.html", {
        "pagina": page,
        "diagram": render_education_diagram(kb),
        "niveaus": p.education_list(kb),
    })
