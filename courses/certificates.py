"""What a certificate looks like outside the site: an Open Badges 2.0 assertion (JSON-LD) and a
PDF drawn on the server in the holder's chosen language."""

import hashlib
from io import BytesIO

from django.conf import settings
from django.http import Http404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas

from cms.notify import absolute_url

from .models import Certificate, CoursePage, WebinarPage

OPEN_BADGES_CONTEXT = "https://w3id.org/openbadges/v2"
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _absolute(request, path: str) -> str:
    # The public address (BASE_URL), not the host this request came in on.
    return absolute_url(path)


def issuer(request) -> dict:
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "Issuer",
        "id": _absolute(request, reverse("certificate_issuer")),
        "name": "Puente — Department of Social Inclusion",
        "url": _absolute(request, "/"),
        "email": settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">"),
    }


def badge_class(kind: str, pk: int, request) -> dict:
    model = {"course": CoursePage, "webinar": WebinarPage}.get(kind)
    if model is None:
        raise Http404
    source = model.objects.filter(pk=pk).first()
    if source is None:
        raise Http404
    with translation.override(settings.LANGUAGE_CODE):
        if kind == "course":
            narrative = _("Completed every required lesson and passed every required quiz.")
        else:
            narrative = _("Attended the live webinar for the required share of its duration.")
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "BadgeClass",
        "id": _absolute(request, reverse("certificate_badge_class", args=[kind, pk])),
        "name": source.title,
        "description": getattr(source, "summary", "") or source.title,
        "image": _absolute(request, static("courses/badge.svg")),
        "criteria": {"narrative": narrative},
        "issuer": _absolute(request, reverse("certificate_issuer")),
    }


def _recipient(certificate: Certificate) -> dict:
    salt = hashlib.sha256(f"{certificate.code}:{settings.SECRET_KEY}".encode()).hexdigest()[:16]
    digest = hashlib.sha256(f"{certificate.user.email.lower()}{salt}".encode()).hexdigest()
    return {"type": "email", "hashed": True, "salt": salt, "identity": f"sha256${digest}"}


def assertion(certificate: Certificate, request) -> dict:
    """The hosted Open Badges 2.0 assertion: public, the e-mail hashed, revocation stated."""
    kind, source_id = (
        ("course", certificate.course_id) if certificate.course_id
        else ("webinar", certificate.webinar_id)
    )
    data = {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "Assertion",
        "id": _absolute(request, reverse("certificate_assertion", args=[certificate.code])),
        "recipient": _recipient(certificate),
        "badge": _absolute(request, reverse("certificate_badge_class", args=[kind, source_id])),
        "verification": {"type": "hosted"},
        "issuedOn": certificate.issued_at.isoformat(),
        "evidence": _absolute(request, reverse("certificate_verify", args=[certificate.code])),
    }
    if certificate.revoked_at:
        data["revoked"] = True
        data["revocationReason"] = certificate.revocation_reason
    return data


def render_pdf(certificate: Certificate, *, language: str, request) -> bytes:
    """An A4 landscape certificate; the standard PDF fonts cover the four site languages."""
    language = language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE
    buffer = BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    with translation.override(language):
        pdf.setTitle(f"{certificate.get_kind_display()} — {certificate.holder_name}")
        pdf.setLineWidth(3)
        pdf.setStrokeColorRGB(0.07, 0.21, 0.36)
        pdf.rect(1.5 * cm, 1.5 * cm, width - 3 * cm, height - 3 * cm)
        pdf.setFillColorRGB(0.07, 0.21, 0.36)
        pdf.setFont("Helvetica-Bold", 30)
        pdf.drawCentredString(width / 2, height - 4.5 * cm, certificate.get_kind_display())
        pdf.setFillColorRGB(0.1, 0.12, 0.14)
        pdf.setFont("Helvetica", 15)
        pdf.drawCentredString(width / 2, height - 6.5 * cm, _("This certifies that"))
        pdf.setFont("Helvetica-Bold", 24)
        pdf.drawCentredString(width / 2, height - 8 * cm, certificate.holder_name)
        pdf.setFont("Helvetica", 15)
        line = (
            _("completed the course") if certificate.kind == Certificate.Kind.COMPLETION
            else _("attended the webinar")
        )
        pdf.drawCentredString(width / 2, height - 9.5 * cm, line)
        pdf.setFont("Helvetica-Bold", 19)
        pdf.drawCentredString(width / 2, height - 11 * cm, certificate.title[:90])
        pdf.setFont("Helvetica", 13)
        date = formats.date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
        pdf.drawCentredString(
            width / 2, height - 12.7 * cm,
            _("%(hours)s hours · issued on %(date)s")
            % {"hours": certificate.hours_display, "date": date},
        )
        verify = _absolute(request, reverse("certificate_verify", args=[certificate.code]))
        pdf.setFont("Helvetica", 11)
        pdf.drawCentredString(
            width / 2, 3 * cm, _("Certificate code: %(code)s") % {"code": certificate.code}
        )
        pdf.drawCentredString(width / 2, 2.4 * cm, _("Verify at %(url)s") % {"url": verify})
        if certificate.revoked_at:
            pdf.setFillColorRGB(0.69, 0, 0.13)
            pdf.setFont("Helvetica-Bold", 22)
            pdf.drawCentredString(width / 2, height - 14.5 * cm, _("REVOKED"))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
