"""``POST /api/v1/advies`` (contract §5): a profile in, the contract §3 advice out.

The body is validated by the engine itself (Dutch messages per field, crebo codes checked
against the knowledge base); errors are a 422 in the project-wide shape of
:mod:`onderwijsgids.api_errors` (``{"detail": "Ongeldige invoer", "fouten": [{"veld", "melding"}]}``).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Router

from onderwijsgids.api_errors import OngeldigeInvoer, invalid_input
from onderwijsgids.content.services import current_kb

from .engine import Advice, Profile, ProfileError, advise, parse_profile
from .engine.profile import load_json

router = Router(tags=["advies"])


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """Pydantic's ``$defs`` inlined, so the schema is valid inside the OpenAPI document."""
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref and ref.startswith("#/$defs/"):
                return resolve(defs[ref.split("/")[-1]])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(value) for value in node]
        return node

    return resolve(schema)


PROFILE_BODY = {
    "requestBody": {
        "required": False,  # no body is the empty profile
        "description": ("Een bedrijfsprofiel (contract §2); hooguit 1 MB en 32 niveaus diep. "
                        "Een leerling duurt van start tot eind hoogstens 8 jaar."),
        "content": {"application/json": {"schema": _inline_refs(Profile.model_json_schema())}},
    }
}


@router.post("/advies", response={200: Advice, 422: OngeldigeInvoer}, openapi_extra=PROFILE_BODY,
             summary="Advies voor een bedrijfsprofiel")
def advies(request: HttpRequest) -> HttpResponse:
    """Body: een bedrijfsprofiel (contract §2). Antwoord: het advies (contract §3)."""
    kb = current_kb()
    try:
        profile = parse_profile(load_json(request.body or b"{}"), kb)
    except ProfileError as exc:
        return JsonResponse(invalid_input(exc.problems), status=422)
    return HttpResponse(advise(profile, kb).model_dump_json(), content_type="application/json")
