"""The exchanges' section of a person's data (registered in ExchangesConfig.ready with
``cms.accounts.personal_data``). Exchange records belong to the agencies: erasing keeps them,
with their agencies, and only forgets who wrote what."""

from .models import (
    Attachment,
    Evaluation,
    ExchangeRequest,
    Notification,
    Offer,
    Report,
    Review,
    Transition,
)

#: (model, the field naming the person) of every record that keeps its agency.
AUTHORED = [
    (ExchangeRequest, "created_by"),
    (Attachment, "uploaded_by"),
    (Transition, "by"),
    (Review, "reviewer"),
    (Offer, "by"),
    (Report, "by"),
    (Evaluation, "by"),
]


def exchanges_export(user) -> dict:
    data = {
        "requests_created": list(
            ExchangeRequest.objects.filter(created_by=user).values(
                "pk", "title", "requesting_agency__name", "state", "created_at"
            )
        ),
        "transitions": list(
            Transition.objects.filter(by=user).values("request_id", "action", "comment", "at")
        ),
        "notifications": Notification.objects.filter(user=user).count(),
    }
    for model, field in AUTHORED[1:]:
        if model is Transition:
            continue
        data[model._meta.model_name] = list(
            model.objects.filter(**{field: user}).values("pk", "request_id")
        )
    return data


def exchanges_erase(user) -> None:
    for model, field in AUTHORED:
        model.objects.filter(**{field: user}).update(**{field: None})
    Notification.objects.filter(user=user).delete()
