"""Demo pages: the home page and the department's pages, in the four site languages."""

from django.db import transaction

from wagtail.models import Locale, Page, Site

from .models import HomePage, StandardPage

HOME = {
    "en": ("Puente", "Courses, webinars and peer exchanges for the agencies that build social "
           "inclusion, decent work and safe migration across the Americas."),
    "es": ("Puente", "Cursos, seminarios web e intercambios entre pares para las instituciones que "
           "construyen inclusión social, trabajo decente y migración segura en las Américas."),
    "fr": ("Puente", "Cours, webinaires et échanges entre pairs pour les institutions qui font "
           "avancer l'inclusion sociale, le travail décent et une migration sûre dans les "
           "Amériques."),
    "pt": ("Puente", "Cursos, webinars e intercâmbios entre pares para as instituições que "
           "constroem inclusão social, trabalho decente e migração segura nas Américas."),
}

# slug per language, title, intro, one paragraph of body text
PAGES = {
    "about": {
        "en": ("about", "About the department",
               "Technical secretariat of the hemisphere's forums on social development, labour "
               "and migration.",
               "The department supports ministerial forums with analysis and follow-up, runs "
               "cooperation networks between national agencies, and helps governments put the "
               "inter-American conventions on non-discrimination into practice."),
        "es": ("acerca", "Acerca del departamento",
               "Secretaría técnica de los foros hemisféricos de desarrollo social, trabajo y "
               "migración.",
               "El departamento apoya a los foros ministeriales con análisis y seguimiento, "
               "coordina redes de cooperación entre instituciones nacionales y ayuda a los "
               "gobiernos a aplicar las convenciones interamericanas contra la discriminación."),
        "fr": ("a-propos", "À propos du département",
               "Secrétariat technique des forums hémisphériques sur le développement social, le "
               "travail et la migration.",
               "Le département appuie les forums ministériels par des analyses et un suivi, anime "
               "des réseaux de coopération entre institutions nationales et aide les "
               "gouvernements à appliquer les conventions interaméricaines contre la "
               "discrimination."),
        "pt": ("sobre", "Sobre o departamento",
               "Secretaria técnica dos fóruns hemisféricos de desenvolvimento social, trabalho e "
               "migração.",
               "O departamento apoia os fóruns ministeriais com análises e acompanhamento, "
               "coordena redes de cooperação entre instituições nacionais e ajuda os governos a "
               "aplicar as convenções interamericanas contra a discriminação."),
    },
    "networks": {
        "en": ("networks", "Cooperation networks",
               "Ministries and institutes learning from one another.",
               "Through the Inter-American Network for Labor Administration and the "
               "Inter-American Social Protection Network, agencies share methods, visit each "
               "other and adapt programmes that have already worked elsewhere."),
        "es": ("redes", "Redes de cooperación",
               "Ministerios e institutos que aprenden unos de otros.",
               "A través de la Red Interamericana para la Administración Laboral y la Red "
               "Interamericana de Protección Social, las instituciones comparten métodos, se "
               "visitan y adaptan programas que ya funcionaron en otros países."),
        "fr": ("reseaux", "Réseaux de coopération",
               "Des ministères et des instituts qui apprennent les uns des autres.",
               "Grâce au Réseau interaméricain pour l'administration du travail et au Réseau "
               "interaméricain de protection sociale, les institutions partagent leurs méthodes, "
               "se rendent visite et adaptent des programmes qui ont déjà fait leurs preuves."),
        "pt": ("redes", "Redes de cooperação",
               "Ministérios e institutos que aprendem uns com os outros.",
               "Por meio da Rede Interamericana de Administração Trabalhista e da Rede "
               "Interamericana de Proteção Social, as instituições compartilham métodos, "
               "visitam-se e adaptam programas que já deram certo em outros países."),
    },
}


def _body(text: str) -> list:
    return [("paragraph", f"<p>{text}</p>")]


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _home_for(locale: Locale, english_home: HomePage) -> HomePage:
    home = english_home.get_translation_or_none(locale)
    if home is None:
        title, intro = HOME[locale.language_code]
        home = HomePage(
            title=title,
            intro=intro,
            slug=f"home-{locale.language_code}",
            locale=locale,
            translation_key=english_home.translation_key,
        )
        english_home.get_parent().add_child(instance=home)
        _publish(home)
    return home


@transaction.atomic
def seed(stdout) -> None:
    root = Page.get_first_root_node()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is None:
        # Wagtail's placeholder "Welcome" page holds nothing of ours and takes the slug "home".
        for placeholder in root.get_children().filter(slug="home"):
            if type(placeholder.specific) is Page:
                placeholder.delete()
        title, intro = HOME["en"]
        home = HomePage(title=title, intro=intro, slug="home", locale=english)
        root.add_child(instance=home)
        _publish(home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Puente"},
    )

    for locale in Locale.objects.exclude(pk=english.pk):
        _home_for(locale, home)
    for translations in PAGES.values():
        slug, title, intro, text = translations["en"]
        source = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if source is None:
            source = StandardPage(
                title=title, slug=slug, intro=intro, body=_body(text), show_in_menus=True
            )
            home.add_child(instance=source)
            _publish(source)
        for code, (slug, title, intro, text) in translations.items():
            locale = Locale.objects.get(language_code=code)
            if code == "en" or source.get_translation_or_none(locale) is not None:
                continue
            page = StandardPage(
                title=title,
                slug=slug,
                intro=intro,
                body=_body(text),
                show_in_menus=True,
                locale=locale,
                translation_key=source.translation_key,
            )
            _home_for(locale, home).add_child(instance=page)
            _publish(page)
    stdout.write(f"Pages: {Page.objects.filter(depth__gte=2).count()} pages in 4 languages.")
