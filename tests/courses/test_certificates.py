from decimal import Decimal
from urllib.parse import urlsplit

from django.urls import reverse

import pytest

from courses import services
from courses.models import Certificate


@pytest.fixture
def certificate(course, learner):
    return services.certificate_issue(
        user=learner, kind=Certificate.Kind.COMPLETION, course=course, hours=Decimal(12)
    )


def test_issue_is_idempotent(certificate, course, learner):
    again = services.certificate_issue(
        user=learner, kind=Certificate.Kind.COMPLETION, course=course, hours=Decimal(12)
    )
    assert again.pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_anonymous_verification_shows_holder_course_hours_and_status(client, certificate,
                                                                     learner):
    response = client.get(f"/certificates/{certificate.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert str(learner) in html and certificate.title in html and "<dd>12</dd>" in html
    assert "Valid" in html


def test_unknown_code_is_404(client, db):
    # LocaleMiddleware sends unknown non-prefixed paths to the language site, which 404s too.
    response = client.get("/certificates/AAAA-BBBB-CCCC-DDDD/", follow=True)
    assert response.status_code == 404


def test_revocation_by_the_secretariat_only(client, certificate, secretariat, instructor):
    with pytest.raises(Exception, match="secretariat"):
        services.certificate_revoke(certificate=certificate, by=instructor, reason="Fraud")
    with pytest.raises(Exception, match="reason"):
        services.certificate_revoke(certificate=certificate, by=secretariat, reason="  ")
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    services.certificate_revoke(certificate=certificate, by=secretariat, reason="Copied answers")
    html = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert "Revoked" in html and "Copied answers" in html


def test_open_badges_assertion(client, certificate, learner):
    response = client.get(f"/certificates/{certificate.code}/assertion.json")
    data = response.json()
    assert response["Content-Type"] == "application/ld+json"
    assert data["@context"] == "https://w3id.org/openbadges/v2"
    assert data["type"] == "Assertion"
    assert data["verification"] == {"type": "hosted"}
    assert data["recipient"]["hashed"] is True
    assert learner.email not in response.content.decode()
    badge = client.get(urlsplit(data["badge"]).path).json()
    assert badge["type"] == "BadgeClass" and badge["name"] == certificate.title
    issuer = client.get(urlsplit(badge["issuer"]).path).json()
    assert issuer["type"] == "Issuer"


def test_revoked_assertion_says_so(client, certificate, secretariat):
    services.certificate_revoke(certificate=certificate, by=secretariat, reason="Error")
    data = client.get(f"/certificates/{certificate.code}/assertion.json").json()
    assert data["revoked"] is True and data["revocationReason"] == "Error"


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_pdf_for_the_holder_in_each_language(client, certificate, learner, language):
    client.force_login(learner)
    url = reverse("courses:certificate_pdf", args=[certificate.code])
    response = client.get(url, {"lang": language})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_pdf_is_translated(certificate):
    from django.test import RequestFactory

    from courses.certificates import render_pdf

    request = RequestFactory().get("/")
    english = render_pdf(certificate, language="en", request=request)
    spanish = render_pdf(certificate, language="es", request=request)
    assert english != spanish


@pytest.mark.parametrize("who", ["anonymous", "other"])
def test_pdf_refused_to_others(client, certificate, who):
    from tests.factories import UserFactory

    if who == "other":
        client.force_login(UserFactory())
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))
    assert response.status_code in (302, 403)
    if who == "other":
        assert response.status_code == 403
