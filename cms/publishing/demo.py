"""Demo news and events of the department, in the four site languages.

The institutions and networks named are real; the items themselves are illustrative (each body
says so), dated relative to the day the demo is loaded.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from cms.pages.models import HomePage

from .models import EventPage, NewsIndexPage, NewsPage

# The index keeps the slug "news" in every language: /<lang>/news/ is a published address.
INDEX = {
    "en": ("News and events", "news", "What the department and the agencies of the Americas are "
           "doing together: news, meetings and workshops."),
    "es": ("Noticias y eventos", "news", "Lo que el departamento y las instituciones de las "
           "Américas hacen juntos: noticias, reuniones y talleres."),
    "fr": ("Actualités et événements", "news", "Ce que le département et les institutions "
           "des Amériques font ensemble : actualités, réunions et ateliers."),
    "pt": ("Notícias e eventos", "news", "O que o departamento e as instituições das Américas "
           "fazem juntos: notícias, reuniões e oficinas."),
}

ILLUSTRATIVE = {
    "en": "Illustrative item of the demonstration site.",
    "es": "Noticia ilustrativa del sitio de demostración.",
    "fr": "Contenu fictif du site de démonstration.",
    "pt": "Conteúdo ilustrativo do site de demonstração.",
}

# key: (days ago, {language: (slug, title, summary, paragraph)})
NEWS = {
    "rips-call": (3, {
        "en": ("social-protection-network-call-2026", "Social protection network opens its 2026 "
               "call for exchanges",
               "Ministries of social development can ask for expert missions and study visits "
               "until the end of the quarter.",
               "The Inter-American Social Protection Network invites its member agencies to "
               "propose bilateral exchanges on cash transfers, care systems and social "
               "registries. Requests are filed on Puente and reviewed by the secretariat."),
        "es": ("red-proteccion-social-convocatoria-2026", "La red de protección social abre su "
               "convocatoria de intercambios 2026",
               "Los ministerios de desarrollo social pueden solicitar misiones de expertos y "
               "visitas de estudio hasta el final del trimestre.",
               "La Red Interamericana de Protección Social invita a sus instituciones miembro a "
               "proponer intercambios bilaterales sobre transferencias monetarias, sistemas de "
               "cuidados y registros sociales. Las solicitudes se presentan en Puente y las "
               "revisa la secretaría."),
        "fr": ("reseau-protection-sociale-appel-2026", "Le réseau de protection sociale lance son "
               "appel à échanges 2026",
               "Les ministères du développement social peuvent demander des missions d'experts "
               "et des visites d'étude jusqu'à la fin du trimestre.",
               "Le Réseau interaméricain de protection sociale invite ses institutions membres à "
               "proposer des échanges bilatéraux sur les transferts monétaires, les systèmes de "
               "soins et les registres sociaux. Les demandes sont déposées sur Puente et "
               "examinées par le secrétariat."),
        "pt": ("rede-protecao-social-chamada-2026", "Rede de proteção social abre sua chamada de "
               "intercâmbios de 2026",
               "Os ministérios de desenvolvimento social podem solicitar missões de especialistas "
               "e visitas de estudo até o fim do trimestre.",
               "A Rede Interamericana de Proteção Social convida suas instituições membros a "
               "propor intercâmbios bilaterais sobre transferências de renda, sistemas de "
               "cuidado e cadastros sociais. As solicitações são apresentadas no Puente e "
               "analisadas pela secretaria."),
    }),
    "rial-inspection": (12, {
        "en": ("labour-inspection-exchange-results", "Labour inspectorates share what digital "
               "inspection changed",
               "Five labour ministries compared how online case files shortened inspections.",
               "Within the Inter-American Network for Labor Administration, inspectorates that "
               "moved their case files online presented their results and the obstacles they "
               "met, from connectivity in rural offices to the training of inspectors."),
        "es": ("inspeccion-laboral-resultados-intercambio", "Las inspecciones del trabajo "
               "comparten lo que cambió la inspección digital",
               "Cinco ministerios de trabajo compararon cómo los expedientes en línea acortaron "
               "las inspecciones.",
               "En el marco de la Red Interamericana para la Administración Laboral, las "
               "inspecciones que digitalizaron sus expedientes presentaron sus resultados y los "
               "obstáculos encontrados, desde la conectividad en oficinas rurales hasta la "
               "formación de inspectores."),
        "fr": ("inspection-travail-resultats-echange", "Les inspections du travail partagent ce "
               "que l'inspection numérique a changé",
               "Cinq ministères du travail ont comparé comment les dossiers en ligne ont raccourci "
               "les inspections.",
               "Au sein du Réseau interaméricain pour l'administration du travail, les "
               "inspections qui ont mis leurs dossiers en ligne ont présenté leurs résultats et "
               "les obstacles rencontrés, de la connectivité des bureaux ruraux à la formation "
               "des inspecteurs."),
        "pt": ("inspecao-trabalho-resultados-intercambio", "Inspeções do trabalho compartilham o "
               "que a inspeção digital mudou",
               "Cinco ministérios do trabalho compararam como os processos on-line encurtaram as "
               "inspeções.",
               "No âmbito da Rede Interamericana de Administração Trabalhista, as inspeções que "
               "digitalizaram seus processos apresentaram resultados e os obstáculos "
               "enfrentados, da conectividade em escritórios rurais à formação de inspetores."),
    }),
    "care-course": (25, {
        "en": ("care-systems-course-open", "Enrolment open for the course on care systems",
               "A tutored course for officials who design or run national care systems.",
               "Over six weeks, participants map care needs in their country, compare financing "
               "options and draft a plan for their own agency, with tutors from agencies that "
               "have already built such systems."),
        "es": ("curso-sistemas-cuidados-abierto", "Inscripciones abiertas para el curso sobre "
               "sistemas de cuidados",
               "Un curso tutorizado para funcionarios que diseñan o gestionan sistemas nacionales "
               "de cuidados.",
               "Durante seis semanas, los participantes mapean las necesidades de cuidados de su "
               "país, comparan opciones de financiamiento y redactan un plan para su "
               "institución, con tutores de instituciones que ya construyeron estos sistemas."),
        "fr": ("cours-systemes-soins-ouvert", "Inscriptions ouvertes au cours sur les systèmes "
               "de soins",
               "Un cours tutoré pour les fonctionnaires qui conçoivent ou gèrent des systèmes "
               "nationaux de soins.",
               "Pendant six semaines, les participants cartographient les besoins de soins de "
               "leur pays, comparent les options de financement et rédigent un plan pour leur "
               "institution, avec des tuteurs issus d'institutions qui ont déjà bâti ces "
               "systèmes."),
        "pt": ("curso-sistemas-cuidado-aberto", "Inscrições abertas para o curso sobre sistemas "
               "de cuidado",
               "Um curso com tutoria para servidores que desenham ou gerem sistemas nacionais de "
               "cuidado.",
               "Durante seis semanas, os participantes mapeiam as necessidades de cuidado do seu "
               "país, comparam opções de financiamento e elaboram um plano para sua instituição, "
               "com tutores de instituições que já construíram esses sistemas."),
    }),
}

# key: (days ahead, hours, time zone, attendance, city, {language: (slug, title, summary, text)})
EVENTS = {
    "inspection-workshop": (30, 8, "America/Lima", EventPage.Attendance.MIXED, "Lima", {
        "en": ("regional-workshop-labour-inspection", "Regional workshop on labour inspection",
               "Two days on risk-based planning of inspections, in Lima and online.",
               "Inspectorates of the Andean countries work through their own inspection plans "
               "with peers who have introduced risk-based targeting."),
        "es": ("taller-regional-inspeccion-laboral", "Taller regional sobre inspección laboral",
               "Dos días sobre la planificación de inspecciones basada en riesgos, en Lima y en "
               "línea.",
               "Las inspecciones de los países andinos revisan sus propios planes de inspección "
               "con pares que introdujeron la focalización basada en riesgos."),
        "fr": ("atelier-regional-inspection-travail", "Atelier régional sur l'inspection du "
               "travail",
               "Deux jours sur la planification des inspections fondée sur les risques, à Lima "
               "et en ligne.",
               "Les inspections des pays andins examinent leurs propres plans d'inspection avec "
               "des pairs qui ont adopté un ciblage fondé sur les risques."),
        "pt": ("oficina-regional-inspecao-trabalho", "Oficina regional sobre inspeção do "
               "trabalho",
               "Dois dias sobre o planejamento de inspeções baseado em riscos, em Lima e on-line.",
               "As inspeções dos países andinos revisam seus próprios planos de inspeção com "
               "pares que introduziram a focalização baseada em riscos."),
    }),
    "social-development-meeting": (75, 3, "America/New_York", EventPage.Attendance.ONLINE, "", {
        "en": ("technical-meeting-social-development", "Technical meeting on social registries",
               "National agencies compare how their social registries reach informal workers.",
               "An online session prepared by the department for the authorities of social "
               "development, ahead of the next ministerial meeting."),
        "es": ("reunion-tecnica-desarrollo-social", "Reunión técnica sobre registros sociales",
               "Las instituciones nacionales comparan cómo sus registros sociales llegan a los "
               "trabajadores informales.",
               "Una sesión en línea preparada por el departamento para las autoridades de "
               "desarrollo social, antes de la próxima reunión ministerial."),
        "fr": ("reunion-technique-developpement-social", "Réunion technique sur les registres "
               "sociaux",
               "Les institutions nationales comparent la manière dont leurs registres sociaux "
               "atteignent les travailleurs informels.",
               "Une séance en ligne préparée par le département pour les autorités du "
               "développement social, en amont de la prochaine réunion ministérielle."),
        "pt": ("reuniao-tecnica-desenvolvimento-social", "Reunião técnica sobre cadastros "
               "sociais",
               "As instituições nacionais comparam como seus cadastros sociais alcançam os "
               "trabalhadores informais.",
               "Uma sessão on-line preparada pelo departamento para as autoridades de "
               "desenvolvimento social, antes da próxima reunião ministerial."),
    }),
}


def _body(code: str, text: str) -> list:
    return [("paragraph", f"<p>{text}</p>"), ("paragraph", f"<p><em>{ILLUSTRATIVE[code]}</em></p>")]


def _indexes() -> dict[str, NewsIndexPage]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english, depth=2).first()
    source = NewsIndexPage.objects.child_of(home).first()
    if source is None:
        title, slug, intro = INDEX["en"]
        source = NewsIndexPage(title=title, slug=slug, intro=intro, show_in_menus=True)
        home.add_child(instance=source)
        source.save_revision().publish()
    indexes = {"en": source}
    for code in ("es", "fr", "pt"):
        locale = Locale.objects.get(language_code=code)
        page = source.get_translation_or_none(locale)
        if page is None:
            title, slug, intro = INDEX[code]
            page = NewsIndexPage(title=title, slug=slug, intro=intro, show_in_menus=True,
                                 locale=locale, translation_key=source.translation_key)
            home.get_translation(locale).add_child(instance=page)
            page.save_revision().publish()
        indexes[code] = page
    return indexes


def _add(indexes, model, translations: dict, **fields) -> None:
    source = model.objects.child_of(indexes["en"]).filter(slug=translations["en"][0]).first()
    for code, (slug, title, summary, text) in translations.items():
        if code == "en" and source is not None:
            continue
        if code != "en" and source.get_translation_or_none(indexes[code].locale):
            continue
        page = model(title=title, slug=slug, summary=summary, body=_body(code, text), **fields)
        if code != "en":
            page.locale, page.translation_key = indexes[code].locale, source.translation_key
        indexes[code].add_child(instance=page)
        page.save_revision().publish()
        if code == "en":
            source = page


@transaction.atomic
def seed(stdout) -> None:
    indexes = _indexes()
    today = timezone.localdate()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for days_ago, translations in NEWS.values():
        _add(indexes, NewsPage, translations, date=today - datetime.timedelta(days=days_ago))
    for days, hours, zone, attendance, city, translations in EVENTS.values():
        starts_at = (now + datetime.timedelta(days=days)).replace(hour=14)
        fields = {"starts_at": starts_at, "ends_at": starts_at + datetime.timedelta(hours=hours),
                  "time_zone": zone, "attendance": attendance, "city": city}
        _add(indexes, EventPage, translations, **fields)
    stdout.write(f"News: {NewsPage.objects.count()} news items, {EventPage.objects.count()} "
                 "events in 4 languages.")
