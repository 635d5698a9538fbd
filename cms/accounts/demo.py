"""Demo people: one verified account per role, with printed passwords."""

from django.contrib.auth.models import Group
from django.db import transaction

from allauth.account.models import EmailAddress

from cms.directory.models import Agency

from . import roles
from .models import AgencyClaim, User
from .services import agency_claim_create, agency_claim_decide

# (email, password, first name, last name, country, agency acronym, language, roles, superuser)
DEMO_USERS = (
    ("admin@puente.test", "Puente-admin-2026", "Ada", "Administradora", "US", None, "en", (), True),
    ("secretariat@puente.test", "Puente-secretariat-2026", "Sofía", "Ramírez", "US", None, "es",
     (roles.SECRETARIAT,), False),
    ("editor@puente.test", "Puente-editor-2026", "Émilie", "Tremblay", "CA", None, "fr",
     (roles.EDITOR,), False),
    ("instructor@puente.test", "Puente-instructor-2026", "Carlos", "Mendoza", "CO", "SENA", "es",
     (roles.INSTRUCTOR,), False),
    ("focal.pe@puente.test", "Puente-focal-2026", "Lucía", "Quispe", "PE", "MIDIS", "es",
     (roles.LEARNER,), False),
    ("focal.br@puente.test", "Puente-focal-2026", "João", "Silva", "BR", "MDS", "pt",
     (roles.LEARNER,), False),
    ("learner@puente.test", "Puente-learner-2026", "Marlon", "Campbell", "JM", "MLSS", "en",
     (roles.LEARNER,), False),
    ("pending@puente.test", "Puente-pending-2026", "Ana", "Benítez", "PY", "MTESS", "es",
     (roles.LEARNER,), False),
)
# Approved focal-point claims, and one left pending for the secretariat to decide.
APPROVED_CLAIMS = (("focal.pe@puente.test", "PE", "MIDIS"), ("focal.br@puente.test", "BR", "MDS"))
PENDING_CLAIMS = (("pending@puente.test", "PY", "MTESS"),)
# What each claimant writes, in their own language.
CLAIM_STATEMENT = {
    "es": "Coordinación de cooperación internacional.",
    "pt": "Coordenação de cooperação internacional.",
}


@transaction.atomic
def seed(stdout) -> None:
    agencies = {(a.country.code, a.acronym): a for a in Agency.objects.select_related("country")}
    people = {}
    for (email, password, first, last, country, acronym, language, user_roles,
         superuser) in DEMO_USERS:
        agency = next((a for (c, ac), a in agencies.items() if ac == acronym and c == country),
                      None)
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "first_name": first,
                "last_name": last,
                "country": agency.country if agency else None,
                "agency": agency,
                "preferred_language": language,
                "is_superuser": superuser,
                "is_staff": superuser,
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        user.groups.add(*Group.objects.filter(name__in=user_roles))
        people[email] = (user, password)

    secretariat = people["secretariat@puente.test"][0]
    for email, country, acronym in APPROVED_CLAIMS + PENDING_CLAIMS:
        user, agency = people[email][0], agencies[(country, acronym)]
        if AgencyClaim.objects.filter(user=user, agency=agency).exists():
            continue
        claim = agency_claim_create(
            user=user, agency=agency, statement=CLAIM_STATEMENT[user.preferred_language]
        )
        if (email, country, acronym) in APPROVED_CLAIMS:
            agency_claim_decide(claim=claim, status=AgencyClaim.Status.APPROVED, by=secretariat)

    stdout.write("Demo logins (email / password):")
    for email, (user, password) in people.items():
        groups = ", ".join(user.groups.order_by("name").values_list("name", flat=True))
        label = "superuser" if user.is_superuser else groups
        stdout.write(f"  {email:28} {password:26} {label}")
