"""Forms with Dutch labels and messages; accessible markup is added by :class:`AccessibleForm`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator
from django.forms.utils import ErrorDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from onderwijsgids import bounded
from onderwijsgids.advice.labels import (CAO_SHORT_LABELS, GOAL_LABELS, HBO_DOMAIN_LABELS,
                                         LEERWEG_SHORT_LABELS, PROVINCE_LABELS,
                                         TARGET_GROUP_LABELS)
from onderwijsgids.dutch import dutch_number, parse_amount
from onderwijsgids.vocabulary import (CAO_VALUES, GOALS, HBO_DOMAINS, LEARNING_PATHS, PROVINCES,
                                      TARGET_GROUPS)

from . import checks
from .domain.csvio import parse_date
from .domain.values import ApplicationValues, CompanyProfile, LearnerValues, TrainingValues
from .models import ActieStaat, ActionPointStatus, Application
from .validators import date_in_range, single_line

YES_NO_UNKNOWN = [("", _("Weet ik niet")), ("ja", _("Ja")), ("nee", _("Nee"))]
# Every choice list is the vocabulary's values with its labels (onderwijsgids.vocabulary).
CAO_CHOICES = [("", _("Weet ik niet"))] + [(c, CAO_SHORT_LABELS[c]) for c in CAO_VALUES]
PROVINCE_CHOICES = [("", _("Kies een provincie"))] + [(p, PROVINCE_LABELS[p]) for p in PROVINCES]
GOAL_CHOICES = [(g, GOAL_LABELS[g]) for g in GOALS]
TARGET_GROUP_CHOICES = [(g, TARGET_GROUP_LABELS[g]) for g in TARGET_GROUPS]
LEERWEG_CHOICES = [(p, LEERWEG_SHORT_LABELS[p]) for p in LEARNING_PATHS]
HBO_DOMAIN_CHOICES = [(d, HBO_DOMAIN_LABELS[d]) for d in HBO_DOMAINS]


def _bound_input(field: forms.Field) -> None:
    """One-line text fields refuse CR/LF (and NUL); whole numbers fit a database integer."""
    if isinstance(field, forms.CharField) and not isinstance(
            field.widget, (forms.Textarea, forms.PasswordInput)):
        field.validators.append(single_line)
    if isinstance(field, forms.IntegerField) and field.max_value is None:
        field.max_value = bounded.MAX_INT32
        field.validators.append(MaxValueValidator(bounded.MAX_INT32))


class AccessibleForm(forms.Form):
    """Marks optional fields, links help and error text with aria-describedby; bounds input
    (see :func:`_bound_input`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            _bound_input(field)
            attrs = field.widget.attrs
            if field.required:
                attrs["aria-required"] = "true"
            if field.help_text:
                attrs["aria-describedby"] = f"{self[name].auto_id}-hulp"

    def add_problems(self, problems) -> None:
        """The problems :mod:`.checks` found, each at its field (unless that field has one
        already), then every error in the order of the fields, as the error summary lists
        them."""
        for problem in problems:
            name = problem.field if problem.field in self.fields else None
            if name is None or name not in self.errors:
                self.add_error(name, problem.message)
        order = {name: index for index, name in enumerate(self.fields)}
        self._errors = ErrorDict(sorted(self._errors.items(), key=lambda kv: order.get(kv[0], -1)),
                                 renderer=self.renderer)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = attrs.get("aria-describedby", "")
                attrs["aria-describedby"] = f"{described} {self[name].auto_id}-fout".strip()


DATE_PARTS = (("dag", _("Dag")), ("maand", _("Maand")), ("jaar", _("Jaar")))


class SplitDateWidget(forms.MultiWidget):
    """Three labelled fields (dag, maand, jaar), as the advice route asks dates.

    A single value under the field's own name (``start=2026-09-01``) is accepted too, so
    scripts and tests can post ISO dates.
    """

    template_name = "workspace/widgets/splitdate.html"

    def __init__(self, attrs=None):
        widgets = {key: forms.TextInput(attrs={"inputmode": "numeric", "class": f"datum-{key}"})
                   for key, _label in DATE_PARTS}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if value is None or value == "":
            return ["", "", ""]
        if hasattr(value, "year"):
            return [str(value.day), str(value.month), str(value.year)]
        try:
            day = parse_date(str(value))
        except ValueError:
            return ["", "", ""]
        return [str(day.day), str(day.month), str(day.year)]

    def value_from_datadict(self, data, files, name):
        if name in data:
            return data.get(name)
        return super().value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for sub, (_key, label) in zip(context["widget"]["subwidgets"], DATE_PARTS):
            sub["label"] = label
        return context


class DutchDateField(forms.DateField):
    """Dag, maand and jaar in three fields; also JJJJ-MM-DD or DD-MM-JJJJ in one.
    Years between 1900 and 2100 (:mod:`onderwijsgids.bounded`)."""

    widget = SplitDateWidget
    default_validators = [date_in_range]
    default_error_messages = {
        "invalid": _("Vul een bestaande datum in: dag, maand en jaar."),
        "incomplete": _("Vul dag, maand en jaar in."),
    }

    def to_python(self, value):
        if isinstance(value, (list, tuple)):
            parts = [str(p or "").strip() for p in value]
            if not any(parts):
                return None
            if not all(parts):
                raise forms.ValidationError(self.error_messages["incomplete"], code="incomplete")
            value = "-".join(parts)
        if value in self.empty_values:
            return None
        if hasattr(value, "year"):
            return value
        try:
            return parse_date(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class EuroField(forms.DecimalField):
    """An amount typed the Dutch way (725,50 or 2.700) in a text field with a decimal keyboard.

    ``type=number`` is avoided: browsers in another locale read 725,50 as 72550 or drop it.
    With ``decimal_places=0`` the value is whole euros (an ``int``).
    """

    widget = forms.TextInput

    def __init__(self, *, decimal_places: int = 2, max_digits: int = 10, **kwargs):
        example = "725,50" if decimal_places else "725"
        self.invalid_message = format_lazy(
            _("Vul een bedrag in euro in, bijvoorbeeld {voorbeeld} of 2.700."), voorbeeld=example)
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"] = {
            "invalid": self.invalid_message,
            "max_decimal_places": _("Vul hele euro's in, bijvoorbeeld 725.") if not
            decimal_places else _("Gebruik hoogstens twee cijfers na de komma."),
            "max_digits": _("Dit bedrag is te groot."),
            "max_whole_digits": _("Dit bedrag is te groot."),
            "min_value": _("Het bedrag kan niet negatief zijn."),
            "max_value": _("Dit bedrag is te groot."),
            **kwargs["error_messages"]}
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", bounded.MAX_INT32)  # stored in a database integer
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)

    def widget_attrs(self, widget):
        # No min/max/step: those belong to type=number, which this field does not use.
        return {"inputmode": "decimal" if self.decimal_places else "numeric",
                "autocomplete": "off", "class": "bedrag"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            amount = parse_amount(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if amount.adjusted() >= self.max_digits:  # more whole digits than the field holds
            raise forms.ValidationError(self.error_messages["max_whole_digits"],
                                        code="max_whole_digits")
        if amount == amount.to_integral_value():
            amount = amount.quantize(1)  # 725,00 is whole euros too
        return amount

    def clean(self, value):
        amount = super().clean(value)
        return int(amount) if amount is not None and not self.decimal_places else amount

    def prepare_value(self, value):
        """A stored amount shown back the Dutch way: 725,50 and 2.700 (no €, the label says it)."""
        if value in self.empty_values or isinstance(value, str):
            return value
        amount = Decimal(str(value))
        return dutch_number(amount, 0 if amount == amount.to_integral_value() else 2)


def _tristate(value: str):
    return {"ja": True, "nee": False}.get(value)


def _kvk_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label=_("KvK-nummer"), max_length=20,
        help_text=_("8 cijfers. Het staat op je uittreksel van de Kamer van Koophandel."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}), **kwargs)


def _clean_kvk(text: str) -> str:
    kvk = checks.kvk_number(text)
    if kvk is None:
        raise forms.ValidationError(checks.KVK_FORMAT)
    return kvk


class CompanyProfileForm(AccessibleForm):
    naam = forms.CharField(label=_("Naam van het bedrijf"), max_length=200)
    kvk = _kvk_field(required=False)
    cao = forms.ChoiceField(label=_("Cao"), choices=CAO_CHOICES, required=False)
    medewerkers = forms.IntegerField(label=_("Aantal medewerkers"), min_value=0,
                                     max_value=1_000_000, required=False)
    provincie = forms.ChoiceField(label=_("Provincie"), choices=PROVINCE_CHOICES, required=False)
    plaats = forms.CharField(label=_("Plaats"), max_length=100, required=False)
    erkend_leerbedrijf = forms.ChoiceField(label=_("Erkend leerbedrijf (SBB)"),
                                           choices=YES_NO_UNKNOWN, required=False)
    praktijkopleider_opgeleid = forms.ChoiceField(label=_("Praktijkopleider opgeleid"),
                                                  choices=YES_NO_UNKNOWN, required=False)
    doelen = forms.MultipleChoiceField(label=_("Doelen"), required=False,
                                       widget=forms.CheckboxSelectMultiple,
                                       choices=GOAL_CHOICES)
    doelgroepen = forms.MultipleChoiceField(label=_("Doelgroepen"), required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            choices=TARGET_GROUP_CHOICES)

    @classmethod
    def initial_from(cls, company) -> dict:
        def tri(value):
            return "" if value is None else ("ja" if value else "nee")

        return {"naam": company.naam, "kvk": company.kvk, "cao": company.cao or "",
                "medewerkers": company.medewerkers,
                "provincie": company.provincie or "", "plaats": company.plaats,
                "erkend_leerbedrijf": tri(company.erkend_leerbedrijf),
                "praktijkopleider_opgeleid": tri(company.praktijkopleider_opgeleid),
                "doelen": company.doelen or [], "doelgroepen": company.doelgroepen or []}

    def display_rows(self, leave_out: Sequence[str] = ()) -> list[tuple[str, str]]:
        """(label, text) per field for read-only users: choice labels, never stored slugs."""
        rows = []
        for name, field in self.fields.items():
            if name in leave_out:
                continue
            value = self.initial.get(name)
            choices = {str(k): str(v) for k, v in getattr(field, "choices", [])}
            if isinstance(field, forms.MultipleChoiceField):
                text = ", ".join(choices.get(v, v) for v in value or [])
            elif choices:
                text = choices.get(value, value) if value not in (None, "") else ""
            else:
                text = "" if value is None else str(value)
            rows.append((str(field.label), text or "—"))
        return rows

    def clean_kvk(self) -> str:
        return _clean_kvk(self.cleaned_data["kvk"])

    def clean(self):
        data = super().clean()
        self.add_problems(checks.company_problems(self._values(data)))
        return data

    @staticmethod
    def _values(data: dict) -> dict:
        values = {name: value for name, value in data.items() if name != "kvk"}
        for name in ("cao", "provincie"):
            if name in values:
                values[name] = values[name] or None
        for name in ("erkend_leerbedrijf", "praktijkopleider_opgeleid"):
            if name in values:
                values[name] = _tristate(values[name])
        return values

    def profile_values(self) -> CompanyProfile:
        return CompanyProfile(**self._values(self.cleaned_data))


class ProfileImportForm(AccessibleForm):
    """A profile to take over: pasted (JSON, YAML or a plan's share link) or as a file."""

    profiel = forms.CharField(
        label=_("Profiel (JSON of YAML) of de link naar een plan"), required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plak de link onder ‘Link om dit plan te delen’ van je plan, of een profiel "
                    "uit de adviesroute."))
    bestand = forms.FileField(
        label=_("Of kies een profielbestand"), required=False,
        help_text=_("Het bestand van ‘Download als profiel (YAML)’ op je plan."),
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml,.json"}))

    def clean(self):
        data = super().clean()
        text, upload = (data.get("profiel") or "").strip(), data.get("bestand")
        if text and upload:
            self.add_error("bestand", _("Kies een bestand óf plak een profiel of link, niet "
                                        "allebei."))
        elif not text and not upload and not self.errors:
            self.add_error("profiel", _("Plak een profiel of de link naar een plan, of kies een "
                                        "profielbestand."))
        return data


class _UnknownYesNoSelect(forms.NullBooleanSelect):
    """Shows a stored True/False/None as selected (unlike a plain Select), with Dutch words."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", _("Weet ik niet of geen vmbo")), ("true", _("Ja")),
                        ("false", _("Nee"))]


class LearnerForm(AccessibleForm):
    naam = forms.CharField(label=_("Naam"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    leerweg = forms.ChoiceField(label=_("Leerweg"), help_text=_(
                                    "mbo-bbl: werken en leren, met arbeidscontract; mbo-bol: "
                                    "vooral school, met stage."),
                                choices=[("", _("Kies een leerweg"))] + LEERWEG_CHOICES,
                                error_messages={"invalid_choice": checks.LEERWEG_CHOICE})
    crebo = forms.RegexField(label=_("Crebocode"), regex=r"^\d{5}$", required=False,
                             help_text=_("Vijf cijfers, bijvoorbeeld 25892."),
                             error_messages={"invalid": checks.CREBO_FORMAT})
    school = forms.CharField(label=_("School"), max_length=200, required=False)
    start = DutchDateField(label=_("Startdatum"))
    eind = DutchDateField(label=_("Einddatum"))
    praktijkopleider = forms.CharField(label=_("Praktijkopleider"), max_length=200,
                                       required=False)
    praktijkovereenkomst = DutchDateField(label=_("Datum praktijkovereenkomst"), required=False)
    via_bvm = forms.BooleanField(label=_("Via een bedrijfsvakschool (BVM)"), required=False)
    hbo_domein = forms.ChoiceField(
        label=_("Hbo-domein (alleen voor hbo)"), required=False,
        choices=[("", _("Weet ik niet of geen hbo"))] + HBO_DOMAIN_CHOICES,
        error_messages={"invalid_choice": checks.HBO_DOMAIN_CHOICE})
    leerwerktraject = forms.NullBooleanField(
        label=_("Volgt een leerwerktraject (alleen voor vmbo)"), required=False,
        widget=_UnknownYesNoSelect(),
        help_text=_("Een leerwerktraject in de basisberoepsgerichte leerweg."))
    aangevraagd = forms.MultipleChoiceField(
        label=_("Al aangevraagd voor deze leerling"), required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": checks.APPLIED_UNKNOWN})
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, known_crebos: set[str] | None = None,
                 regelingen: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_crebos = known_crebos
        self.fields["aangevraagd"].choices = (
            _regeling_choices() if regelingen is None else list(regelingen))

    def clean(self):
        data = super().clean()
        self.add_problems(checks.learner_problems(
            {k: v for k, v in data.items() if k != "version"}, known_crebos=self.known_crebos))
        return data

    def learner_values(self) -> LearnerValues:
        """The cleaned learner fields, without the form's ``version``."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        return LearnerValues(**{**data, "aangevraagd": tuple(data.get("aangevraagd") or ())})


def _regeling_choices() -> list[tuple[str, str]]:
    """The guide's regelingen by title (for ‘al aangevraagd’)."""
    from . import services  # the knowledge base is loaded lazily, not at import
    kb = services.current_kb()
    return sorted(((item.id, item.titel) for item in kb.of_type("regeling")),
                  key=lambda choice: choice[1])


class TrainingForm(AccessibleForm):
    medewerker = forms.CharField(label=_("Medewerker"), max_length=200)
    omschrijving = forms.CharField(label=_("Cursus of opleiding"), max_length=200)
    start = DutchDateField(label=_("Startdatum"))
    kosten_eur = EuroField(label=_("Kosten in euro"), decimal_places=0, required=False)
    ptt_aangevraagd = forms.BooleanField(label=_("PTT al aangevraagd"), required=False)

    def clean(self):
        data = super().clean()
        self.add_problems(checks.training_problems(
            {k: v for k, v in data.items() if k != "ptt_aangevraagd"}))
        return data

    def training_values(self) -> TrainingValues:
        data = dict(self.cleaned_data)
        applied = ("oom-ptt",) if data.pop("ptt_aangevraagd") else ()
        return TrainingValues(**data, aangevraagd=applied)


class ApplicationForm(AccessibleForm):
    regeling = forms.ChoiceField(label=_("Regeling"))
    jaar = forms.RegexField(label=_("Jaar of studiejaar"), regex=r"^\d{4}(/\d{2})?$",
                            help_text=_("Bijvoorbeeld 2026 of 2025/26."),
                            error_messages={"invalid": _("Schrijf een jaar als 2026 of 2025/26.")})
    status = forms.ChoiceField(label=_("Status"), choices=Application.Status.choices)
    bedrag = EuroField(label=_("Bedrag in euro"), required=False,
                       help_text=_("Bijvoorbeeld 725,50 of 2.700."))
    datum = DutchDateField(label=_("Datum"), required=False)
    notitie = forms.CharField(label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 3}),
                              required=False, max_length=2000)

    def __init__(self, *args, regelingen: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regeling"].choices = list(regelingen)

    def clean(self):
        data = super().clean()
        self.add_problems(checks.application_problems(data))
        return data

    def application_values(self) -> ApplicationValues:
        return ApplicationValues(**self.cleaned_data)


class ActionPointForm(AccessibleForm):
    status = forms.ChoiceField(label=_("Status"), choices=ActionPointStatus.Status.choices)
    notitie = forms.CharField(label=_("Notitie"), widget=forms.Textarea(attrs={"rows": 2}),
                              required=False, max_length=2000)


class ActionStateForm(AccessibleForm):
    """The state of one action of "Doe dit nu"; the page posts it from a button per state."""

    staat = forms.ChoiceField(label=_("Staat"), choices=ActieStaat.choices, error_messages={
        "required": _("Kies of de actie te doen, bezig of klaar is."),
        "invalid_choice": _("Kies of de actie te doen, bezig of klaar is.")})


class CsvImportForm(AccessibleForm):
    MAX_BYTES = 2 * 1024 * 1024
    bestand = forms.FileField(label=_("CSV-bestand"),
                              help_text=_("Hoogstens 2 MB, met de kolommen hierboven."),
                              widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))

    def clean_bestand(self):
        upload = self.cleaned_data["bestand"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 2 MB."))
        return upload


class InviteForm(AccessibleForm):
    email = forms.EmailField(label=_("E-mailadres"),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    rol = forms.ChoiceField(label=_("Rol"), choices=[("employee", _("Medewerker")),
                                                     ("owner", _("Eigenaar"))])


class AcceptInviteForm(AccessibleForm):
    password1 = forms.CharField(label=_("Wachtwoord"), widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}), help_text=_("Minstens 10 tekens."))
    password2 = forms.CharField(label=_("Wachtwoord nogmaals"), widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("De wachtwoorden zijn niet gelijk."))
        return data


class TokenForm(AccessibleForm):
    token = forms.RegexField(label=_("Code uit je app"), regex=r"^\d{6}$",
                             widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                                           "inputmode": "numeric"}),
                             error_messages={"invalid": _("De code is zes cijfers.")})


class VerifyForm(AccessibleForm):
    """A code from the app (six digits) or one of the recovery codes (eight letters/digits)."""

    token = forms.CharField(label=_("Code uit je app of een herstelcode"), max_length=20,
                            widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}))

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split()).lower()
        if not re.fullmatch(r"\d{6}|[a-z2-7]{8}", token):
            raise forms.ValidationError(_("Vul de zes cijfers uit je app in, of een herstelcode "
                                          "van acht tekens."))
        return token


class EraseEmployeeForm(AccessibleForm):
    medewerker = forms.CharField(label=_("Naam van de medewerker"), max_length=200)


class SignupForm(AcceptInviteForm):
    """"Bewaar dit plan": an account and a company. The KvK number is checked for its form
    (8 digits; spaces and dots as people type them are left out)."""

    naam = forms.CharField(label=_("Naam van het bedrijf"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    kvk = _kvk_field()
    email = forms.EmailField(label=_("E-mailadres"),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    field_order = ["naam", "kvk", "email", "password1", "password2"]

    def clean_kvk(self) -> str:
        kvk = _clean_kvk(self.cleaned_data["kvk"])
        if not kvk:
            raise forms.ValidationError(checks.KVK_FORMAT)
        return kvk

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.password_validation import validate_password

        data = super().clean()
        if data.get("password1") and "password2" not in self.errors:
            email = data.get("email", "")
            try:
                validate_password(data["password1"], get_user_model()(username=email,
                                                                      email=email))
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data
