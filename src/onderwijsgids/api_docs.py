"""The OpenAPI document made true to what the API enforces (contract §5).

Ninja documents the answers an operation declares; the answers the project's shared handlers
and middleware give to every operation are added here, once, so an endpoint another module adds
is documented the same way: 400 (NUL in the address, a body that is no JSON), 413 (a body over
the limit), 422 (bad input) where an operation takes input, and 401/403/404 where it needs a
login. Request bodies get the limits of :mod:`onderwijsgids.bounded`: dates between 1900 and
2100, text on one line, whole numbers within a database integer.
"""

from __future__ import annotations

from typing import Any

from onderwijsgids import bounded

DATE_PATTERN = r"^(19[0-9]{2}|20[0-9]{2}|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
ONE_LINE_PATTERN = r"^[^\r\n\u0000]*$"
_MELDING = {"$ref": "#/components/schemas/Melding"}
_SHARED_ANSWERS = {
    "400": "Ongeldig verzoek: een NUL-teken in het adres, of een body die geen JSON is.",
    "413": "De aanvraag is te groot.",
}
_LOGIN_ANSWERS = {
    "401": "Niet ingelogd.",
    "403": "Dit mag je niet met jouw rol bij dit bedrijf (of de CSRF-code ontbreekt).",
}


def documented(**schema: Any) -> dict[str, Any]:
    """``Field(**documented(maxLength=200))``: a limit the endpoint enforces itself (with its
    own Dutch message, e.g. through the page's form), shown in the document."""
    return {"json_schema_extra": schema}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def bound_request_schema(node: Any) -> Any:
    """Dates as JJJJ-MM-DD within 1900–2100, free text without CR, LF or NUL, whole numbers
    within a database integer (in place)."""
    if isinstance(node, dict):
        if node.get("format") == "date":
            del node["format"]
            node["pattern"] = DATE_PATTERN
            node.setdefault("description", f"JJJJ-MM-DD, tussen {bounded.MIN_YEAR} en "
                                           f"{bounded.MAX_YEAR}")
        elif node.get("type") == "string" and "enum" not in node and "pattern" not in node:
            node["pattern"] = ONE_LINE_PATTERN
        elif node.get("type") == "integer" and "maximum" not in node:
            node["maximum"] = bounded.MAX_INT32
        for value in node.values():
            bound_request_schema(value)
    elif isinstance(node, list):
        for value in node:
            bound_request_schema(value)
    return node


def _body_schemas(operation: dict[str, Any], components: dict[str, Any]) -> list[dict]:
    schemas = []
    for media in operation.get("requestBody", {}).get("content", {}).values():
        schema = media.get("schema", {})
        ref = schema.get("$ref", "")
        schemas.append(components.get(ref.rsplit("/", 1)[-1], {}) if ref else schema)
    return schemas


_FREE_TEXT_KEYS = {"type", "title", "description", "default"}


def _can_be_invalid(operation: dict[str, Any]) -> bool:
    """A body, a parameter that can be missing, or one with a type or limits beyond free text."""
    if operation.get("requestBody"):
        return True
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if (parameter.get("required") and parameter.get("in") != "path"
                or schema.get("type") != "string" or set(schema) - _FREE_TEXT_KEYS):
            return True
    return False


def _add_answers(operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    for code, description in _SHARED_ANSWERS.items():
        responses.setdefault(code, _json(_MELDING, description))
    if _can_be_invalid(operation):
        responses.setdefault("422", _json({"$ref": "#/components/schemas/OngeldigeInvoer"},
                                          "Ongeldige invoer; per veld een melding."))
    if operation.get("security"):
        for code, description in _LOGIN_ANSWERS.items():
            responses.setdefault(code, _json(_MELDING, description))
        responses.setdefault("404", _json({"$ref": "#/components/schemas/NietGevonden"},
                                          "Geen bedrijf (of gegevens) van jou onder dit ID."))


def complete_document(document: dict[str, Any]) -> dict[str, Any]:
    """Every answer the shared handlers can give, and the input limits, in ``document``."""
    from .api_errors import NietGevonden, OngeldigeInvoer

    components = document.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Melding", {"title": "Melding", "type": "object",
                                      "properties": {"detail": {"type": "string"}},
                                      "required": ["detail"]})
    for name, model in (("OngeldigeInvoer", OngeldigeInvoer), ("NietGevonden", NietGevonden)):
        if name not in components:
            schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(schema.pop("$defs", {}))
            components[name] = schema
    bounded_components: set[int] = set()
    for operations in document.get("paths", {}).values():
        for operation in operations.values():
            _add_answers(operation)
            for schema in _body_schemas(operation, components):
                if id(schema) not in bounded_components:
                    bounded_components.add(id(schema))
                    bound_request_schema(schema)
    return document
