"""Demo political dialogue: the IACML and REMDES with real public names, dates, places and
document symbols (see the shared context file on forums); commitments written for the demo as
short paraphrases (marked illustrative), country reports from six countries in two cycles and
delegation lists — all statuses, people and delegations illustrative. Safe to run twice."""

import io
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from cms.accounts.models import User
from cms.directory.models import Country, Network, PopulationGroup, Theme
from cms.pages.models import HomePage

from .models import (
    AgendaItem,
    Commitment,
    CommitmentStatus,
    CountryReport,
    Delegate,
    Delegation,
    DocumentFile,
    ForumDocument,
    ForumIndexPage,
    ForumOfficer,
    ForumPage,
    MeetingPage,
    ReportingCycle,
    ReportTransition,
    Status,
)

LANGS = ("en", "es", "fr", "pt")
INDEX = {
    "en": ("Political dialogue forums", "The ministerial forums of the Americas for which the "
           "department is technical secretariat: their meetings, documents and commitments."),
    "es": ("Foros de diálogo político", "Los foros ministeriales de las Américas de los que el "
           "departamento es secretaría técnica: sus reuniones, documentos y compromisos."),
    "fr": ("Forums de dialogue politique", "Les forums ministériels des Amériques dont le "
           "département assure le secrétariat technique : réunions, documents et engagements."),
    "pt": ("Fóruns de diálogo político", "Os fóruns ministeriais das Américas dos quais o "
           "departamento é secretaria técnica: reuniões, documentos e compromissos."),
}
MEMBERS = ["AR", "BB", "BR", "CA", "CL", "CO", "CR", "DO", "EC", "GT", "JM", "MX", "PA", "PE",
           "PY", "TT", "US", "UY"]
REPORTING = ["PE", "BR", "CO", "MX", "CL", "AR"]
ILLUSTRATIVE = {
    "en": "Illustrative summary written for the demo, not the adopted text.",
    "es": "Resumen ilustrativo redactado para la demostración, no el texto adoptado.",
    "fr": "Résumé illustratif rédigé pour la démonstration, pas le texte adopté.",
    "pt": "Resumo ilustrativo redigido para a demonstração, não o texto adotado.",
}

FORUMS = [
    {
        "slug": "iacml", "acronym": "IACML", "kind": ForumPage.Kind.CONFERENCE, "network": "rial",
        "acronyms": {"es": "CIMT", "fr": "CIMT", "pt": "CIMT"},
        "title": {
            "en": "Inter-American Conference of Ministers of Labor",
            "es": "Conferencia Interamericana de Ministros de Trabajo",
            "fr": "Conférence interaméricaine des ministres du Travail",
            "pt": "Conferência Interamericana de Ministros do Trabalho",
        },
        "summary": {
            "en": "Ministers of labour of the OAS member states have met since 1963, within CIDI; "
                  "each conference adopts a Declaration and a Plan of Action.",
            "es": "Los ministros de trabajo de los Estados miembros de la OEA se reúnen desde "
                  "1963, en el marco del CIDI; cada conferencia adopta una Declaración y un Plan "
                  "de Acción.",
            "fr": "Les ministres du Travail des États membres de l'OEA se réunissent depuis "
                  "1963, dans le cadre du CIDI ; chaque conférence adopte une Déclaration et un "
                  "Plan d'action.",
            "pt": "Os ministros do trabalho dos Estados membros da OEA reúnem-se desde 1963, no "
                  "âmbito do CIDI; cada conferência adota uma Declaração e um Plano de Ação.",
        },
        "mandate": {
            "en": "<p>Led by a troika (past, present and future chairs) and advised by two "
                  "working groups. COSATE and CEATAL present declarations to each conference; "
                  "RIAL is its cooperation network.</p>",
            "es": "<p>La dirige una troika (presidencias pasada, actual y futura) y la asesoran "
                  "dos grupos de trabajo. COSATE y CEATAL presentan declaraciones a cada "
                  "conferencia; la RIAL es su red de cooperación.</p>",
            "fr": "<p>Dirigée par une troïka (présidences passée, actuelle et future) et "
                  "conseillée par deux groupes de travail. Le COSATE et le CEATAL présentent des "
                  "déclarations à chaque conférence ; la RIAL est son réseau de coopération.</p>",
            "pt": "<p>É dirigida por uma troika (presidências anterior, atual e futura) e "
                  "assessorada por dois grupos de trabalho. COSATE e CEATAL apresentam "
                  "declarações a cada conferência; a RIAL é sua rede de cooperação.</p>",
        },
        "officers": [("chair", "AR", 2022, 2024), ("past_chair", "BB", 2022, 2024),
                     ("future_chair", "CO", 2022, 2024), ("chair", "CO", 2013, 2015)],
        "meetings": [
            {
                "slug": "xviii-iacml-medellin-2013", "kind": "ministerial",
                "modality": "in_person", "zone": "America/Bogota", "host": "CO",
                "place": "Medellín", "start": date(2013, 11, 11), "end": date(2013, 11, 12),
                "symbol": "OEA/Ser.K/XII.18.1",
                "title": {"en": "XVIII IACML, Medellín 2013", "es": "XVIII CIMT, Medellín 2013",
                          "fr": "XVIIIe CIMT, Medellín 2013", "pt": "XVIII CIMT, Medellín 2013"},
                "summary": {
                    "en": "27 member states attended and adopted the Declaration and Plan of "
                          "Action of Medellín; Colombia chaired 2013–2015.",
                    "es": "Asistieron 27 Estados miembros, que adoptaron la Declaración y el "
                          "Plan de Acción de Medellín; Colombia presidió en 2013–2015.",
                    "fr": "27 États membres y ont adopté la Déclaration et le Plan d'action de "
                          "Medellín ; la Colombie a présidé en 2013–2015.",
                    "pt": "Compareceram 27 Estados membros, que adotaram a Declaração e o Plano "
                          "de Ação de Medellín; a Colômbia presidiu em 2013–2015.",
                },
                "doc": {"en": "Declaration and Plan of Action of Medellín",
                        "es": "Declaración y Plan de Acción de Medellín",
                        "fr": "Déclaration et Plan d'action de Medellín",
                        "pt": "Declaração e Plano de Ação de Medellín"},
            },
            {
                "slug": "xx-iacml-bridgetown-2017", "kind": "ministerial",
                "modality": "in_person", "zone": "America/Barbados", "host": "BB",
                "place": "Bridgetown", "start": date(2017, 12, 7), "end": date(2017, 12, 8),
                "symbol": "OEA/Ser.K/XII.20.1",
                "title": {"en": "XX IACML, Bridgetown 2017", "es": "XX CIMT, Bridgetown 2017",
                          "fr": "XXe CIMT, Bridgetown 2017", "pt": "XX CIMT, Bridgetown 2017"},
                "summary": {
                    "en": "The conference adopted the Declaration and Plan of Action of "
                          "Bridgetown.",
                    "es": "La conferencia adoptó la Declaración y el Plan de Acción de "
                          "Bridgetown.",
                    "fr": "La conférence a adopté la Déclaration et le Plan d'action de "
                          "Bridgetown.",
                    "pt": "A conferência adotou a Declaração e o Plano de Ação de Bridgetown.",
                },
                "doc": {"en": "Declaration and Plan of Action of Bridgetown",
                        "es": "Declaración y Plan de Acción de Bridgetown",
                        "fr": "Déclaration et Plan d'action de Bridgetown",
                        "pt": "Declaração e Plano de Ação de Bridgetown"},
            },
        ],
        "upcoming": {
            "slug": "working-group-session-illustrative", "kind": "working_group",
            "modality": "virtual", "zone": "America/New_York", "host": "US", "place": "",
            "symbol": "",
            "title": {"en": "Working-group session (illustrative)",
                      "es": "Sesión del grupo de trabajo (ilustrativa)",
                      "fr": "Séance du groupe de travail (illustrative)",
                      "pt": "Sessão do grupo de trabalho (ilustrativa)"},
            "summary": {
                "en": "An illustrative virtual session, open for the registration of delegations "
                      "in the demo.",
                "es": "Una sesión virtual ilustrativa, abierta a la inscripción de delegaciones "
                      "en la demostración.",
                "fr": "Une séance virtuelle illustrative, ouverte à l'inscription des "
                      "délégations dans la démonstration.",
                "pt": "Uma sessão virtual ilustrativa, aberta à inscrição de delegações na "
                      "demonstração.",
            },
            "doc_kind": ForumDocument.Kind.AGENDA,
            "doc": {"en": "Draft agenda (illustrative)", "es": "Proyecto de agenda (ilustrativo)",
                    "fr": "Projet d'ordre du jour (illustratif)",
                    "pt": "Projeto de agenda (ilustrativo)"},
        },
        "commitments": [
            ("labour-inspection", ["rural-workers"], {
                "en": "Strengthen labour inspection services, with more inspectors and "
                      "electronic case management.",
                "es": "Fortalecer los servicios de inspección del trabajo, con más inspectores y "
                      "gestión electrónica de casos.",
                "fr": "Renforcer l'inspection du travail, avec plus d'inspecteurs et une gestion "
                      "électronique des dossiers.",
                "pt": "Fortalecer a inspeção do trabalho, com mais inspetores e gestão "
                      "eletrônica de processos."}),
            ("employment-skills", ["youth"], {
                "en": "Expand training and job-placement programmes for young people.",
                "es": "Ampliar los programas de formación y colocación laboral para jóvenes.",
                "fr": "Élargir les programmes de formation et de placement des jeunes.",
                "pt": "Ampliar os programas de formação e colocação profissional de jovens."}),
            ("child-labour", ["children-adolescents"], {
                "en": "Adopt national plans to eradicate child labour.",
                "es": "Adoptar planes nacionales para erradicar el trabajo infantil.",
                "fr": "Adopter des plans nationaux pour éliminer le travail des enfants.",
                "pt": "Adotar planos nacionais para erradicar o trabalho infantil."}),
            ("social-dialogue", [], {
                "en": "Institutionalise tripartite social dialogue with workers and employers.",
                "es": "Institucionalizar el diálogo social tripartito con trabajadores y "
                      "empleadores.",
                "fr": "Institutionnaliser le dialogue social tripartite avec les travailleurs "
                      "et les employeurs.",
                "pt": "Institucionalizar o diálogo social tripartite com trabalhadores e "
                      "empregadores."}),
            ("occupational-safety-health", [], {
                "en": "Update occupational safety and health rules and their enforcement.",
                "es": "Actualizar las normas de seguridad y salud en el trabajo y su "
                      "aplicación.",
                "fr": "Mettre à jour les règles de sécurité et de santé au travail et leur "
                      "application.",
                "pt": "Atualizar as normas de segurança e saúde no trabalho e sua aplicação."}),
            ("gender-equality", ["women"], {
                "en": "Close the gender gap in labour participation and pay.",
                "es": "Cerrar la brecha de género en participación laboral y salarios.",
                "fr": "Réduire l'écart entre femmes et hommes dans l'emploi et les salaires.",
                "pt": "Reduzir a desigualdade de gênero na participação laboral e nos "
                      "salários."}),
        ],
    },
    {
        "slug": "remdes", "acronym": "REMDES", "kind": ForumPage.Kind.CONFERENCE,
        "network": "iaspn",
        "title": {
            "en": "Meeting of Ministers and High Authorities of Social Development",
            "es": "Reunión de Ministros y Altas Autoridades de Desarrollo Social",
            "fr": "Réunion des ministres et hautes autorités du développement social",
            "pt": "Reunião de Ministros e Altas Autoridades de Desenvolvimento Social",
        },
        "summary": {
            "en": "A forum for dialogue on social development policy within CIDI, held about "
                  "every three years; prepared by CIDES.",
            "es": "Un foro de diálogo sobre políticas de desarrollo social en el marco del "
                  "CIDI, que se reúne cada tres años aproximadamente; lo prepara la CIDES.",
            "fr": "Un forum de dialogue sur les politiques de développement social au sein du "
                  "CIDI, réuni environ tous les trois ans ; préparé par la CIDES.",
            "pt": "Um fórum de diálogo sobre políticas de desenvolvimento social no âmbito do "
                  "CIDI, realizado a cada três anos, aproximadamente; preparado pela CIDES.",
        },
        "mandate": {
            "en": "<p>Each meeting adopts a Declaration of priorities and an Action plan, and "
                  "announces cooperation offers. Its network is the Inter-American Social "
                  "Protection Network (IASPN).</p>",
            "es": "<p>Cada reunión adopta una Declaración de prioridades y un Plan de acción, y "
                  "anuncia ofertas de cooperación. Su red es la Red Interamericana de Protección "
                  "Social (RIPSO).</p>",
            "fr": "<p>Chaque réunion adopte une Déclaration de priorités et un Plan d'action, "
                  "et annonce des offres de coopération. Son réseau est le Réseau interaméricain "
                  "de protection sociale (RIPS).</p>",
            "pt": "<p>Cada reunião adota uma Declaração de prioridades e um Plano de ação, e "
                  "anuncia ofertas de cooperação. Sua rede é a Rede Interamericana de Proteção "
                  "Social (RIPSO).</p>",
        },
        "officers": [("chair", "GT", 2019, 2022), ("chair", "CO", 2010, 2016)],
        "meetings": [
            {
                "slug": "remdes-cali-2010", "kind": "ministerial", "modality": "in_person",
                "zone": "America/Bogota", "host": "CO", "place": "Cali",
                "start": date(2010, 7, 8), "end": date(2010, 7, 9),
                "symbol": "OEA/Ser.K/XLVIII.2",
                "title": {"en": "REMDES, Cali 2010", "es": "REMDES, Cali 2010",
                          "fr": "REMDES, Cali 2010", "pt": "REMDES, Cali 2010"},
                "summary": {
                    "en": "Communiqué “Strengthening and Sustaining Social Protection Systems”.",
                    "es": "Comunicado «Fortalecer y sostener los sistemas de protección "
                          "social».",
                    "fr": "Communiqué « Renforcer et pérenniser les systèmes de protection "
                          "sociale ».",
                    "pt": "Comunicado “Fortalecer e sustentar os sistemas de proteção social”.",
                },
                "doc": {"en": "Communiqué of Cali", "es": "Comunicado de Cali",
                        "fr": "Communiqué de Cali", "pt": "Comunicado de Cali"},
            },
            {
                "slug": "remdes-guatemala-2019", "kind": "ministerial", "modality": "in_person",
                "zone": "America/Guatemala", "host": "GT", "place": "Guatemala City",
                "start": date(2019, 3, 28), "end": date(2019, 3, 29), "symbol": "",
                "title": {"en": "REMDES, Guatemala City 2019",
                          "es": "REMDES, Ciudad de Guatemala 2019",
                          "fr": "REMDES, Guatemala 2019",
                          "pt": "REMDES, Cidade da Guatemala 2019"},
                "summary": {
                    "en": "“Equity and Social Inclusion: Overcoming Multidimensional Poverty and "
                          "Bridging Social Equity Gaps”; prepared in Washington, 5–6 February "
                          "2019.",
                    "es": "«Equidad e inclusión social: superando la pobreza multidimensional y "
                          "cerrando brechas de equidad social»; preparada en Washington, 5 y 6 "
                          "de febrero de 2019.",
                    "fr": "« Équité et inclusion sociale : vaincre la pauvreté "
                          "multidimensionnelle et combler les écarts d'équité sociale » ; "
                          "préparée à Washington les 5 et 6 février 2019.",
                    "pt": "“Equidade e inclusão social: superar a pobreza multidimensional e "
                          "reduzir as desigualdades sociais”; preparada em Washington, 5 e 6 de "
                          "fevereiro de 2019.",
                },
                "doc": {"en": "Inter-American Declaration on Social Development Priorities",
                        "es": "Declaración Interamericana de Prioridades de Desarrollo Social",
                        "fr": "Déclaration interaméricaine sur les priorités du développement "
                              "social",
                        "pt": "Declaração Interamericana sobre Prioridades de Desenvolvimento "
                              "Social"},
            },
        ],
        "commitments": [
            ("social-protection", ["older-persons"], {
                "en": "Extend non-contributory pensions to older persons without coverage.",
                "es": "Extender las pensiones no contributivas a las personas mayores sin "
                      "cobertura.",
                "fr": "Étendre les pensions non contributives aux personnes âgées non couvertes.",
                "pt": "Estender as pensões não contributivas às pessoas idosas sem cobertura."}),
            ("social-information-systems", [], {
                "en": "Build an integrated social registry shared by every programme.",
                "es": "Construir un registro social integrado compartido por todos los "
                      "programas.",
                "fr": "Mettre en place un registre social intégré commun à tous les "
                      "programmes.",
                "pt": "Construir um cadastro social integrado compartilhado por todos os "
                      "programas."}),
            ("cash-transfers", ["children-adolescents"], {
                "en": "Measure multidimensional poverty and target transfers with it.",
                "es": "Medir la pobreza multidimensional y focalizar las transferencias con esa "
                      "medición.",
                "fr": "Mesurer la pauvreté multidimensionnelle et cibler les transferts en "
                      "conséquence.",
                "pt": "Medir a pobreza multidimensional e focalizar as transferências com essa "
                      "medida."}),
            ("care-systems", ["women", "persons-with-disabilities"], {
                "en": "Design national care systems for dependent persons and their carers.",
                "es": "Diseñar sistemas nacionales de cuidados para personas dependientes y "
                      "quienes las cuidan.",
                "fr": "Concevoir des systèmes nationaux de soins pour les personnes dépendantes "
                      "et leurs aidants.",
                "pt": "Desenhar sistemas nacionais de cuidados para pessoas dependentes e seus "
                      "cuidadores."}),
            ("non-discrimination", ["afro-descendants", "indigenous-peoples"], {
                "en": "Collect data disaggregated by ethnicity and race in social programmes.",
                "es": "Recopilar datos desagregados por etnia y raza en los programas sociales.",
                "fr": "Recueillir des données ventilées par origine ethnique et raciale dans "
                      "les programmes sociaux.",
                "pt": "Coletar dados desagregados por etnia e raça nos programas sociais."}),
            ("rural-development", ["rural-workers"], {
                "en": "Bring social services to rural and remote territories.",
                "es": "Llevar los servicios sociales a los territorios rurales y remotos.",
                "fr": "Rapprocher les services sociaux des territoires ruraux et isolés.",
                "pt": "Levar os serviços sociais aos territórios rurais e remotos."}),
        ],
    },
]
AGENDA = {
    "en": (("Opening session", "Chair of the meeting; OAS Secretary General"),
           ("Adoption of the declaration", "")),
    "es": (("Sesión inaugural", "Presidencia de la reunión; Secretario General de la OEA"),
           ("Adopción de la declaración", "")),
    "fr": (("Séance d'ouverture", "Présidence de la réunion ; Secrétaire général de l'OEA"),
           ("Adoption de la déclaration", "")),
    "pt": (("Sessão de abertura", "Presidência da reunião; Secretário-Geral da OEA"),
           ("Adoção da declaração", "")),
}
DELEGATES = [  # illustrative people, not real delegates
    ("head", "Minister (illustrative)", "Ministry of Labour"),
    ("member", "Director of international affairs (illustrative)", "Ministry of Labour"),
    ("alternate", "Adviser (illustrative)", "Permanent Mission to the OAS"),
]


def _publish(page):
    page.save_revision().publish()


def _aware(day: date, hour: int, zone: str) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(zone))


def _demo_pdf(title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.drawString(72, 770, title[:90])
    pdf.drawString(72, 740, "Puente demo file: not the official document.")
    pdf.save()
    return buffer.getvalue()


def _translate(page, code, fields):
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale, copy_parents=False).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    _publish(copy)
    return copy


@transaction.atomic
def seed(stdout) -> None:
    english_home = HomePage.objects.filter(locale__language_code="en", depth=2).first()
    if english_home is None:
        return
    countries = {c.code: c for c in Country.objects.all()}
    if not all(code in countries for code in MEMBERS):
        return
    index = ForumIndexPage.objects.child_of(english_home).first()
    if index is None:
        index = ForumIndexPage(title=INDEX["en"][0], slug="forums", intro=INDEX["en"][1],
                               show_in_menus=True)
        english_home.add_child(instance=index)
        _publish(index)
    for code in LANGS[1:]:
        _translate(index, code, {"title": INDEX[code][0], "intro": INDEX[code][1],
                                 "slug": "forums"})
    for spec in FORUMS:
        _seed_forum(index, spec, countries)
    stdout.write("Forums: IACML and REMDES with meetings, commitments and reports.")


def _seed_forum(index, spec, countries):
    forum = ForumPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if forum is None:
        forum = ForumPage(
            title=spec["title"]["en"], slug=spec["slug"], acronym=spec["acronym"],
            kind=spec["kind"], summary=spec["summary"]["en"], mandate=spec["mandate"]["en"],
            network=Network.objects.filter(slug=spec["network"]).first(),
            secretariat_name="Department of Social Inclusion, OAS",
            secretariat_email="forums@puente.test",
        )
        forum.officers = [
            ForumOfficer(role=role, country=countries[code], period_start=a, period_end=b)
            for role, code, a, b in spec["officers"]
        ]
        index.add_child(instance=forum)
        forum.member_countries.set([countries[c] for c in MEMBERS])
        _publish(forum)
    meetings = [_seed_meeting(forum, m, countries) for m in spec["meetings"]]
    for code in LANGS[1:]:
        _translate(forum, code, {"title": spec["title"][code], "slug": spec["slug"],
                                 "acronym": spec.get("acronyms", {}).get(code, spec["acronym"]),
                                 "summary": spec["summary"][code],
                                 "mandate": spec["mandate"][code]})
        for meeting, m in zip(meetings, spec["meetings"], strict=True):
            copy = _translate(meeting, code, {"title": m["title"][code], "slug": m["slug"],
                                              "summary": m["summary"][code]})
            for item in AgendaItem.objects.filter(meeting=copy):
                if item.sort_order < len(AGENDA[code]):
                    item.title, item.speakers = AGENDA[code][item.sort_order]
                    item.save(update_fields=["title", "speakers"])
    commitments = _seed_commitments(forum, meetings, spec)
    _seed_reports(forum, commitments, countries)
    _seed_delegations(meetings[0], countries)
    if "upcoming" in spec:
        m = dict(spec["upcoming"])
        m["start"] = timezone.localdate() + timedelta(days=75)
        m["end"] = m["start"]
        upcoming = _seed_meeting(forum, m, countries)
        # Open now, closing ten days before the session.
        MeetingPage.objects.filter(pk=upcoming.pk, registration_opens__gt=timezone.now()).update(
            registration_opens=timezone.now() - timedelta(days=1)
        )
        upcoming.refresh_from_db()
        for code in LANGS[1:]:
            _translate(upcoming, code, {"title": m["title"][code], "slug": m["slug"],
                                        "summary": m["summary"][code]})
    from rooms.services import room_for_parent

    room_for_parent(parent=forum)
    room_for_parent(parent=meetings[0])


def _seed_meeting(forum, m, countries):
    meeting = MeetingPage.objects.child_of(forum).filter(slug=m["slug"]).first()
    if meeting is None:
        meeting = MeetingPage(
            title=m["title"]["en"], slug=m["slug"], kind=m["kind"], modality=m["modality"],
            summary=m["summary"]["en"], starts_at=_aware(m["start"], 9, m["zone"]),
            ends_at=_aware(m["end"], 18, m["zone"]), time_zone=m["zone"], place=m["place"],
            host_country=countries[m["host"]],
            registration_opens=_aware(m["start"] - timedelta(days=60), 9, m["zone"]),
            registration_closes=_aware(m["start"] - timedelta(days=10), 18, m["zone"]),
        )
        forum.add_child(instance=meeting)
        _publish(meeting)
    document, created = ForumDocument.objects.get_or_create(
        forum=forum, meeting=meeting, kind=m.get("doc_kind", ForumDocument.Kind.DECLARATION),
        defaults={"symbol": m["symbol"], "date": m["end"],
                  **{f"title_{c}": m["doc"][c] for c in LANGS}},
    )
    if created:
        for code in LANGS:
            DocumentFile.objects.create(
                document=document, language=code,
                file=ContentFile(_demo_pdf(m["doc"][code]), name=f"{m['slug']}-{code}.pdf"),
            )
        note, _ = ForumDocument.objects.get_or_create(
            forum=forum, meeting=meeting, kind=ForumDocument.Kind.INFORMATION_NOTE,
            access=ForumDocument.Access.DELEGATES,
            defaults={"date": m["start"] - timedelta(days=20),
                      "title_en": "Logistics note for delegations (illustrative)",
                      "title_es": "Nota logística para las delegaciones (ilustrativa)",
                      "title_fr": "Note logistique pour les délégations (illustrative)",
                      "title_pt": "Nota logística para as delegações (ilustrativa)"},
        )
        DocumentFile.objects.create(document=note, language="en", file=ContentFile(
            _demo_pdf("Logistics note (illustrative)"), name=f"{m['slug']}-note.pdf"))
        item = AgendaItem.objects.create(
            meeting=meeting, sort_order=0, day=m["start"], starts=time(9), ends=time(10),
            title=AGENDA["en"][0][0], speakers=AGENDA["en"][0][1],
        )
        item.documents.set([document])
        AgendaItem.objects.create(meeting=meeting, sort_order=1, day=m["end"], starts=time(15),
                                  ends=time(17), title=AGENDA["en"][1][0])
    return meeting


def _seed_commitments(forum, meetings, spec):
    themes = {t.slug: t for t in Theme.objects.all()}
    groups = {g.slug: g for g in PopulationGroup.objects.all()}
    found = []
    for n, (theme, group_slugs, texts) in enumerate(spec["commitments"]):
        meeting = meetings[n % len(meetings)]
        commitment, created = Commitment.objects.get_or_create(
            meeting=meeting, number=str(n // len(meetings) + 1),
            defaults={"forum": forum, "sort_key": n,
                      **{f"text_{c}": f"{texts[c]} ({ILLUSTRATIVE[c]})" for c in LANGS}},
        )
        if created:
            commitment.themes.set([themes[theme]] if theme in themes else [])
            commitment.population_groups.set([groups[g] for g in group_slugs if g in groups])
        found.append(commitment)
    return found


# Written by each country in its own language (shown with its ``lang``).
NARRATIVE = {"es": "Estado ilustrativo, datos de demostración.",
             "pt": "Situação ilustrativa, dados de demonstração."}
STATUS_CYCLE = [Status.IN_PROGRESS, Status.ACHIEVED, Status.NOT_STARTED, Status.IN_PROGRESS,
                Status.NOT_APPLICABLE, Status.ACHIEVED, Status.IN_PROGRESS]


def _seed_reports(forum, commitments, countries):
    today = timezone.localdate()
    # Cycles are named by year: the same in every language.
    opens = today - timedelta(days=400)
    first, _ = ReportingCycle.objects.get_or_create(
        forum=forum, title=str(opens.year),
        defaults={"opens_on": opens, "closes_on": opens + timedelta(days=100)},
    )
    current, _ = ReportingCycle.objects.get_or_create(
        forum=forum, title=str(today.year),
        defaults={"opens_on": today - timedelta(days=20), "closes_on": today + timedelta(days=40)},
    )
    secretariat = User.objects.filter(email="secretariat@puente.test").first()
    for i, code in enumerate(REPORTING):
        for cycle, shift in ((first, 0), (current, 1)):
            # Peru's current report stays a draft for the demo focal point to finish.
            state = CountryReport.State.ACCEPTED
            if cycle is current and code == "PE":
                state = CountryReport.State.DRAFT
            elif cycle is current and code == "BR":
                state = CountryReport.State.SUBMITTED
            report, created = CountryReport.objects.get_or_create(
                cycle=cycle, country=countries[code],
                defaults={"state": state, "illustrative": True,
                          "accepted_at": timezone.now() if state == "accepted" else None},
            )
            if not created:
                continue
            CommitmentStatus.objects.bulk_create(
                CommitmentStatus(
                    report=report, commitment=c,
                    status=STATUS_CYCLE[(i + j + shift * 2) % len(STATUS_CYCLE)],
                    narrative=NARRATIVE["pt" if code == "BR" else "es"],
                )
                for j, c in enumerate(commitments)
            )
            if state != CountryReport.State.DRAFT:
                ReportTransition.objects.create(report=report, action="submit", from_state="draft",
                                                to_state="submitted", comment="Demo data.")
            if state == CountryReport.State.ACCEPTED:
                ReportTransition.objects.create(report=report, action="accept", by=secretariat,
                                                from_state="submitted", to_state="accepted",
                                                comment="Demo data.")


def _seed_delegations(meeting, countries):
    for code in ("CO", "PE", "BR"):
        delegation, created = Delegation.objects.get_or_create(
            meeting=meeting, country=countries[code],
            defaults={"state": Delegation.State.CONFIRMED, "illustrative": True},
        )
        if created:
            for n, (role, title, agency) in enumerate(DELEGATES):
                Delegate.objects.create(
                    delegation=delegation, role=role, name=f"Delegate {code}-{n + 1}",
                    title=title, agency=agency, email=f"delegate{n + 1}.{code.lower()}@puente.test",
                )
