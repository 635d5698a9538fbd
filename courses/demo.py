"""Demo courses and webinars: a catalogue per language, six courses with lessons and quizzes,
a full cohort with a waitlist, and past and upcoming webinars. Safe to run twice."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from cms.accounts.models import User
from cms.directory.models import Network, Theme
from cms.pages.models import HomePage

from . import services
from .models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
    QuizPage,
    Registration,
    WebinarIndexPage,
    WebinarPage,
)
from .webinars import services as webinar_services

INDEX_TITLES = {
    "en": ("Courses", "courses", "Webinars", "webinars"),
    "es": ("Cursos", "courses", "Seminarios web", "webinars"),
    "fr": ("Cours", "courses", "Webinaires", "webinars"),
    "pt": ("Cursos", "courses", "Webinars", "webinars"),
}


# (self-paced, tutored) cohort names in each course's own language.
COHORT_TITLES = {
    "en": ("Open enrolment", "2026 cohort"),
    "es": ("Inscripción abierta", "Cohorte 2026"),
    "fr": ("Inscriptions ouvertes", "Cohorte 2026"),
    "pt": ("Inscrições abertas", "Turma 2026"),
}


def _q(text, answers, kind="single", explanation=""):
    return ("question", {"kind": kind, "text": text, "explanation": explanation,
                         "choices": [{"text": t, "correct": c} for t, c in answers]})


# language, slug, title, summary, objectives, theme slug, network slug, hours, format,
# modules: [(module title, [(lesson title, paragraphs)], quiz (title, questions))]
COURSES = [
    ("en", "designing-social-protection-floors", "Designing social protection floors",
     "How governments close coverage gaps for informal workers, rural households and older "
     "persons, with examples from the Caribbean and Central America.",
     ["Map who is left out of contributory schemes", "Compare cash transfer designs",
      "Cost a basic social protection floor"],
     "social-protection", "ripso", 16, "cohort",
     [("Who is left out", [
         ("The coverage gap", ["Around half of the workers of the region contribute to no "
                               "pension scheme. Most of them work informally, in small "
                               "businesses or on their own account.",
                               "Start by crossing household survey data with social security "
                               "registers: the difference is your coverage gap."]),
         ("Reading a social registry", ["A social registry records households and their "
                                        "conditions; programmes use it to decide who is "
                                        "eligible. Its value depends on how often it is "
                                        "updated."])],
       None),
      ("Designing the floor", [
          ("Cash transfers that work", ["Conditional and unconditional transfers both reduce "
                                        "poverty; conditions add administrative cost and "
                                        "can exclude the poorest if services are missing."]),
          ("Financing the floor", ["A basic floor in most countries of the region costs "
                                   "between 1 and 4 per cent of GDP. Fiscal space comes from "
                                   "tax reform, reallocating spending and formalisation."])],
       ("Check your understanding", [
           _q("What does a social registry record?",
              [("Households and their conditions", True), ("Court decisions", False),
               ("Company accounts", False)]),
           _q("Which of these can create fiscal space for a floor?",
              [("Tax reform", True), ("Formalisation of employment", True),
               ("Cutting all pensions", False)], "multiple"),
           _q("Conditions attached to transfers have no administrative cost.",
              [("True", False), ("False", True)], "true_false",
              "Verifying conditions requires staff, systems and services."),
       ]))]),
    ("en", "labour-inspection-in-practice", "Labour inspection in practice",
     "Planning inspections by risk, using case management systems, and following up on "
     "findings: a self-paced course for inspectors and their managers.",
     ["Plan inspections by risk", "Document findings consistently"],
     "labour-inspection", "rial", 8, "self_paced",
     [("Planning by risk", [
         ("Risk-based targeting", ["Inspectorates cannot visit every workplace. Risk models "
                                   "combine sector, size, past violations and complaints to "
                                   "rank where visits prevent most harm."]),
         ("From complaint to visit", ["Complaints are a signal, not a plan: combine them with "
                                      "proactive campaigns in high-risk sectors."])],
       ("Quick quiz", [
           _q("What do risk models rank?",
              [("Workplaces to visit", True), ("Inspectors' salaries", False)]),
           _q("Complaints alone are enough to plan inspections.",
              [("True", False), ("False", True)], "true_false"),
       ]))]),
    ("es", "sistemas-de-cuidados", "Sistemas integrales de cuidados",
     "Cómo diseñar políticas de cuidado para personas mayores, personas con discapacidad e "
     "infancia, con las experiencias de Uruguay, Costa Rica y Chile.",
     ["Identificar la demanda de cuidados", "Diseñar servicios y licencias"],
     "care-systems", "ripso", 12, "cohort",
     [("La demanda de cuidados", [
         ("¿Quién cuida?", ["En la región, las mujeres dedican el triple de tiempo que los "
                            "hombres al trabajo de cuidado no remunerado."]),
         ("Medir el cuidado", ["Las encuestas de uso del tiempo permiten estimar la carga de "
                               "cuidados y su valor económico."])],
       ("Evaluación del módulo", [
           _q("¿Qué instrumento mide la carga de cuidados?",
              [("Las encuestas de uso del tiempo", True), ("El censo agrícola", False)]),
           _q("El trabajo de cuidado no remunerado recae sobre todo en las mujeres.",
              [("Verdadero", True), ("Falso", False)], "true_false"),
       ]))]),
    ("es", "migracion-laboral-segura", "Migración laboral segura y ordenada",
     "Herramientas para ministerios de trabajo: reconocimiento de competencias, "
     "intermediación laboral y protección de las personas trabajadoras migrantes.",
     ["Conocer los acuerdos bilaterales", "Aplicar el reconocimiento de competencias"],
     "migration-mobility", "rial", 10, "cohort",
     [("Marco y acuerdos", [
         ("Acuerdos bilaterales de trabajo", ["Los acuerdos entre países de origen y destino "
                                              "ordenan la contratación y protegen derechos."]),
         ("Reconocimiento de competencias", ["Certificar lo que una persona sabe hacer, "
                                             "aunque no tenga título, abre el acceso al "
                                             "empleo formal."])],
       ("Cuestionario", [
           _q("¿Qué ordenan los acuerdos bilaterales?",
              [("La contratación", True), ("Las tarifas aduaneras", False)]),
       ]))]),
    ("fr", "dialogue-social", "Le dialogue social au service de l'emploi",
     "Conseils tripartites, négociation collective et prévention des conflits : un cours pour "
     "les administrations du travail d'Haïti et des Caraïbes.",
     ["Animer un conseil tripartite", "Préparer une négociation"],
     "social-dialogue", "rial", 6, "self_paced",
     [("Les institutions du dialogue", [
         ("Le tripartisme", ["Gouvernement, employeurs et travailleurs siègent ensemble pour "
                             "préparer les politiques du travail."]),
         ("Préparer une négociation", ["Une bonne négociation commence par des données "
                                       "partagées sur les salaires et la productivité."])],
       ("Quiz", [
           _q("Qui siège dans un conseil tripartite ?",
              [("Gouvernement, employeurs et travailleurs", True),
               ("Seulement le gouvernement", False)]),
       ]))]),
    ("pt", "cadastro-unico", "Cadastros sociais e focalização",
     "Como o Cadastro Único e outros registros sociais apoiam a focalização de programas, "
     "com lições do Brasil para a região.",
     ["Compreender um cadastro social", "Avaliar erros de inclusão e exclusão"],
     "social-information-systems", "ripso", 9, "cohort",
     [("Registros sociais", [
         ("O que é um cadastro", ["Um cadastro social reúne informações das famílias de baixa "
                                  "renda e é usado por dezenas de programas."]),
         ("Erros de focalização", ["Todo método de focalização comete erros de inclusão e de "
                                   "exclusão; o desafio é equilibrá-los."])],
       ("Questionário", [
           _q("Para que serve um cadastro social?",
              [("Para focalizar programas", True), ("Para cobrar impostos", False)]),
       ]))]),
]

WEBINARS = [
    ("en", "care-economy-2026", "The care economy: what ministries can do", 3, "America/New_York",
     "A panel of three ministries on financing care services."),
    ("es", "inspeccion-digital", "Inspección laboral digital", 10, "America/Lima",
     "Experiencias de Perú y Colombia con sistemas de gestión de casos."),
    ("en", "pensions-informal-workers", "Pensions for informal workers", -20, "America/Bogota",
     "Recorded session on voluntary and subsidised pension schemes."),
    ("pt", "protecao-social-adaptativa", "Proteção social adaptativa", 21, "America/Sao_Paulo",
     "Como preparar os programas sociais para choques climáticos."),
]


def _publish(page):
    page.save_revision().publish()


def _index(model, home, title, slug, translation_key=None):
    index = model.objects.child_of(home).first()
    if index is None:
        kwargs = {"translation_key": translation_key} if translation_key else {}
        index = model(title=title, slug=slug, locale=home.locale, show_in_menus=True, **kwargs)
        home.add_child(instance=index)
        _publish(index)
    return index


@transaction.atomic
def seed(stdout) -> None:
    english_home = HomePage.objects.get(locale__language_code="en", depth=2)
    homes = {"en": english_home}
    for code in ("es", "fr", "pt"):
        homes[code] = english_home.get_translation(Locale.objects.get(language_code=code))
    catalogues, webinar_lists = {}, {}
    for code, home in homes.items():
        c_title, c_slug, w_title, w_slug = INDEX_TITLES[code]
        key = catalogues["en"].translation_key if code != "en" else None
        catalogues[code] = _index(CourseIndexPage, home, c_title, c_slug, key)
        key = webinar_lists["en"].translation_key if code != "en" else None
        webinar_lists[code] = _index(WebinarIndexPage, home, w_title, w_slug, key)

    instructor = User.objects.filter(email="instructor@puente.test").first()
    now = timezone.now()
    courses = {}
    for (code, slug, title, summary, objectives, theme, network, hours, fmt,
         modules) in COURSES:
        catalogue = catalogues[code]
        course = CoursePage.objects.child_of(catalogue).filter(slug=slug).first()
        if course is None:
            course = CoursePage(
                title=title, slug=slug, summary=summary, language=code, course_format=fmt,
                estimated_hours=hours, audience=summary.split(":")[0],
                objectives="<ul>" + "".join(f"<li>{o}</li>" for o in objectives) + "</ul>",
                locale=catalogue.locale,
            )
            catalogue.add_child(instance=course)
            course.themes.set(Theme.objects.filter(slug=theme))
            course.networks.set(Network.objects.filter(slug=network))
            if instructor:
                course.instructors.set([instructor])
            _publish(course)
            for module_title, lessons, quiz in modules:
                module = ModulePage(title=module_title, locale=catalogue.locale)
                course.add_child(instance=module)
                _publish(module)
                for lesson_title, paragraphs in lessons:
                    body = [("paragraph", f"<p>{p}</p>") for p in paragraphs]
                    body.append(("video", {"url": "https://video.example.org/puente/" + slug,
                                           "title": lesson_title, "transcript": paragraphs[0]}))
                    lesson = LessonPage(title=lesson_title, intro=paragraphs[0][:180],
                                        body=body, locale=catalogue.locale)
                    module.add_child(instance=lesson)
                    _publish(lesson)
                if quiz:
                    quiz_page = QuizPage(title=quiz[0], questions=quiz[1], pass_mark=60,
                                         max_attempts=3, locale=catalogue.locale)
                    module.add_child(instance=quiz_page)
                    _publish(quiz_page)
        courses[slug] = course
        self_paced = fmt == "self_paced"
        names = COHORT_TITLES.get(course.language, COHORT_TITLES["en"])
        cohort_title = names[0 if self_paced else 1]
        # Earlier seeds named every cohort in English: rename them in the course's language.
        course.cohorts.filter(title__in=["Open enrolment", "2026 cohort"]).exclude(
            title=cohort_title
        ).update(title=cohort_title)
        if not course.cohorts.exists():
            Cohort.objects.create(
                course=course,
                title=cohort_title,
                enrolment_opens_at=now - timedelta(days=7),
                enrolment_closes_at=None if self_paced else now + timedelta(days=30),
                starts_at=now - timedelta(days=1) if self_paced else now + timedelta(days=35),
                ends_at=None if self_paced else now + timedelta(days=90),
                capacity=None if self_paced else 30,
            )

    # One full cohort with a waitlist, and the demo learner's progress in an English course.
    care = courses["sistemas-de-cuidados"]
    full = Cohort.objects.filter(course=care, title="Cohorte piloto").first()
    if full is None:
        full = Cohort.objects.create(
            course=care, title="Cohorte piloto", capacity=2,
            enrolment_opens_at=now - timedelta(days=3),
            enrolment_closes_at=now + timedelta(days=10),
            starts_at=now + timedelta(days=14), ends_at=now + timedelta(days=60),
        )
        for email in ("focal.pe@puente.test", "focal.br@puente.test", "pending@puente.test"):
            person = User.objects.filter(email=email).first()
            if person:
                services.enrolment_create(user=person, cohort=full)
    learner = User.objects.filter(email="learner@puente.test").first()
    floors = courses["designing-social-protection-floors"]
    if learner and not Enrolment.objects.filter(user=learner, cohort__course=floors).exists():
        services.enrolment_create(user=learner, cohort=floors.cohorts.first())
        first = LessonPage.objects.descendant_of(floors).order_by("path").first()
        services.lesson_mark_done(user=learner, lesson=first)

    for code, slug, title, days, zone, summary in WEBINARS:
        parent = webinar_lists[code]
        if WebinarPage.objects.child_of(parent).filter(slug=slug).exists():
            continue
        start = (now + timedelta(days=days)).replace(hour=15, minute=0, second=0,
                                                      microsecond=0)
        webinar = WebinarPage(
            title=title, slug=slug, summary=summary, starts_at=start, time_zone=zone,
            duration_minutes=60, language=code, capacity=100, locale=parent.locale,
            speaker_names="Carlos Mendoza (SENA)", join_url="https://meet.example.org/" + slug,
            recording_url="https://video.example.org/" + slug if days < 0 else "",
        )
        parent.add_child(instance=webinar)
        if instructor:
            webinar.speakers.set([instructor])
        _publish(webinar)
        if learner and days > 0:
            webinar_services.registration_create(user=learner, webinar=webinar)
    # The demo learner attended the past webinars: their certificates show the verification page.
    secretariat = User.objects.filter(email="secretariat@puente.test").first()
    past = WebinarPage.objects.filter(starts_at__lt=now)
    if learner and secretariat:
        for webinar in past:
            registration, _created = Registration.objects.get_or_create(
                user=learner, webinar=webinar,
                defaults={"status": Registration.Status.REGISTERED,
                          "created_at": webinar.starts_at - timedelta(days=7)},
            )
            if registration.attended_minutes is None:
                webinar_services.attendance_record(
                    registration=registration, minutes=webinar.duration_minutes, by=secretariat
                )
    stdout.write(
        f"Courses: {CoursePage.objects.count()} courses, {Cohort.objects.count()} cohorts, "
        f"{WebinarPage.objects.count()} webinars."
    )
