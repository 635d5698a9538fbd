"""Demo content for legal frameworks, from /work/shared/context/legal-frameworks.md (public
sources; capture dates mostly unknown). ILLUSTRATIVE: every row is to be verified against the
depositary's status pages (OAS Department of International Law) before going live.

Article headings are short forms written for the demo, not the official text."""

OAS = "https://www.oas.org/en/sla/dil/inter_american_treaties.asp"
A70_STATUS = ("http://www.oas.org/es/sla/ddi/tratados_multilaterales_interamericanos_A-70_"
              "derechos_humanos_personas_mayores_firmas.asp")
RECENT_2017 = "http://www.oas.org/en/sla/dil/inter_american_treaties_recent_actions_2017.asp"
PRESSENZA = "https://pressenza.com/2015/06/older-persons-have-rights-oas"
CIRDI = "https://www.cirdi2024.org/en/about-cirdi-2024/states-parties-to-the-cirdi"
CIADDIS = "https://www.oas.org/es/sadye/inclusion-social/ciaddis.asp"

NOTE = {
    "en": "Illustrative data compiled from public sources for the demo; to be verified against "
          "the depositary's pages before going live. Article headings are short forms, not the "
          "official text.",
    "es": "Datos ilustrativos recopilados de fuentes públicas para la demostración; deben "
          "verificarse con las páginas del depositario antes de publicarse. Los títulos de los "
          "artículos son formas breves, no el texto oficial.",
    "fr": "Données indicatives compilées à partir de sources publiques pour la démonstration ; à "
          "vérifier auprès des pages du dépositaire avant la mise en ligne. Les intitulés des "
          "articles sont des formes brèves, non le texte officiel.",
    "pt": "Dados ilustrativos compilados de fontes públicas para a demonstração; devem ser "
          "verificados nas páginas do depositário antes da publicação. Os títulos dos artigos "
          "são formas breves, não o texto oficial.",
}

DEPOSITARY = {
    "en": "General Secretariat of the Organization of American States",
    "es": "Secretaría General de la Organización de los Estados Americanos",
    "fr": "Secrétariat général de l'Organisation des États Américains",
    "pt": "Secretaria-Geral da Organização dos Estados Americanos",
}


def rule(n_en, n_es, n_fr, n_pt):
    return {
        "en": f"30th day after the deposit of the {n_en} instrument of ratification or accession",
        "es": f"El trigésimo día a partir del depósito del {n_es} instrumento de ratificación o "
              "adhesión",
        "fr": f"Le trentième jour suivant le dépôt du {n_fr} instrument de ratification ou "
              "d'adhésion",
        "pt": f"No trigésimo dia a partir do depósito do {n_pt} instrumento de ratificação ou "
              "adesão",
    }


# code, binding, position, adopted, in force (general), deposits needed,
# titles, summaries, places, mechanism, rule
FRAMEWORKS = [
    {
        "code": "A-70", "binding": True, "position": 1, "adopted": "2015-06-15",
        "in_force": "2017-01-11", "deposits": 2,
        "title": {
            "en": "Inter-American Convention on Protecting the Human Rights of Older Persons",
            "es": "Convención Interamericana sobre la Protección de los Derechos Humanos de las "
                  "Personas Mayores",
            "fr": "Convention interaméricaine sur la protection des droits humains des personnes "
                  "âgées",
            "pt": "Convenção Interamericana sobre a Proteção dos Direitos Humanos dos Idosos",
        },
        "summary": {
            "en": "The first binding regional treaty on the rights of older persons: equality "
                  "and non-discrimination for reasons of age, autonomy, long-term care, social "
                  "security, health and a life free of violence.",
            "es": "El primer tratado regional vinculante sobre los derechos de las personas "
                  "mayores: igualdad y no discriminación por razones de edad, autonomía, "
                  "cuidados a largo plazo, seguridad social, salud y una vida sin violencia.",
            "fr": "Le premier traité régional contraignant sur les droits des personnes âgées : "
                  "égalité et non-discrimination fondée sur l'âge, autonomie, soins de longue "
                  "durée, sécurité sociale, santé et vie exempte de violence.",
            "pt": "O primeiro tratado regional vinculante sobre os direitos dos idosos: "
                  "igualdade e não discriminação por motivo de idade, autonomia, cuidados de "
                  "longo prazo, seguridade social, saúde e uma vida livre de violência.",
        },
        "place": {
            "en": "Washington, D.C., United States", "es": "Washington, D.C., Estados Unidos",
            "fr": "Washington, D.C., États-Unis", "pt": "Washington, D.C., Estados Unidos",
        },
        "context": "AG/RES. 2875 (XLV-O/15)",
        "mechanism": {
            "en": "Follow-up Mechanism (Art. 33): a Conference of States Parties and a Committee "
                  "of Experts, constituted once the tenth instrument was received (Mexico, March "
                  "2023). The IACHR may receive individual petitions.",
            "es": "Mecanismo de Seguimiento (art. 33): una Conferencia de Estados Parte y un "
                  "Comité de Expertos, constituido al recibirse el décimo instrumento (México, "
                  "marzo de 2023). La CIDH puede recibir peticiones individuales.",
            "fr": "Mécanisme de suivi (art. 33) : une Conférence des États parties et un Comité "
                  "d'experts, constitué à la réception du dixième instrument (Mexique, mars "
                  "2023). La CIDH peut recevoir des pétitions individuelles.",
            "pt": "Mecanismo de Acompanhamento (art. 33): uma Conferência dos Estados Partes e um "
                  "Comitê de Peritos, constituído ao receber o décimo instrumento (México, março "
                  "de 2023). A CIDH pode receber petições individuais.",
        },
        "rule": rule("second", "segundo", "deuxième", "segundo"),
        "articles": [
            ("1", "Scope and purpose", "Ámbito de aplicación y objeto",
             "Champ d'application et objet", "Âmbito de aplicação e objetivo"),
            ("5", "Equality and non-discrimination for reasons of age",
             "Igualdad y no discriminación por razones de edad",
             "Égalité et non-discrimination fondée sur l'âge",
             "Igualdade e não discriminação por motivo de idade"),
            ("7", "Right to independence and autonomy", "Derecho a la independencia y a la "
             "autonomía", "Droit à l'indépendance et à l'autonomie",
             "Direito à independência e à autonomia"),
            ("9", "Right to safety and a life free of violence",
             "Derecho a la seguridad y a una vida sin ningún tipo de violencia",
             "Droit à la sécurité et à une vie exempte de violence",
             "Direito à segurança e a uma vida sem violência"),
            ("12", "Rights of older persons receiving long-term care",
             "Derechos de la persona mayor que recibe servicios de cuidado a largo plazo",
             "Droits des personnes âgées recevant des soins de longue durée",
             "Direitos do idoso que recebe serviços de cuidado de longo prazo"),
            ("17", "Right to social security", "Derecho a la seguridad social",
             "Droit à la sécurité sociale", "Direito à seguridade social"),
            ("19", "Right to health", "Derecho a la salud", "Droit à la santé",
             "Direito à saúde"),
            ("26", "Right to accessibility and personal mobility",
             "Derecho a la accesibilidad y a la movilidad personal",
             "Droit à l'accessibilité et à la mobilité personnelle",
             "Direito à acessibilidade e à mobilidade pessoal"),
            ("33", "Follow-up Mechanism", "Mecanismo de Seguimiento", "Mécanisme de suivi",
             "Mecanismo de Acompanhamento"),
        ],
        # iso, signed, signature, consent, consent date, deposited, deposit, in force, source,
        # reservations (en)
        "rows": [
            ("AR", True, "2015-06-15", "ratification", "2017-06-30", True, "2017-10-23", None,
             RECENT_2017, "The instrument contains declarations (see the depositary's page)."),
            ("BO", True, "2016-06-09", "ratification", "2017-03-13", True, "2017-05-17", None,
             A70_STATUS, ""),
            ("BR", True, "2015-06-15", "", None, False, None, None, PRESSENZA, ""),
            ("CL", True, "2015-06-15", "ratification", "2017-07-11", True, "2017-08-15", None,
             RECENT_2017, "The instrument contains declarations (see the depositary's page)."),
            ("CO", False, None, "accession", "2022-09-13", True, "2022-09-27", None,
             "http://www.oas.org/en/media_center/photonews.asp?sCodigo=FNE-122891", ""),
            ("CR", True, "2015-06-15", "ratification", "2016-10-12", True, "2016-12-12", None,
             A70_STATUS, ""),
            ("EC", False, None, "accession", None, True, None, None,
             "https://algec.org/ecuador-se-adhirio-a-la-convencion-interamericana-sobre-la-"
             "proteccion-de-los-derechos-humanos-de-las-personas-mayores", ""),
            ("SV", False, None, "accession", None, True, "2018-04-18", None,
             "https://www.oas.org/es/cidh/prensa/comunicados/2018/120.asp", ""),
            ("MX", False, None, "accession", None, True, "2023-03-28", None,
             "https://oas.org/es/CIDH/jsForm/?File=/es/cidh/prensa/comunicados/2023/068.asp", ""),
            ("PY", False, None, "accession", None, False, None, None, OAS, ""),
            ("PE", False, None, "accession", None, True, "2021-03-01", None,
             "https://www.oas.org/en/iachr/jsForm/?File=/en/iachr/media_center/preleases/2021/"
             "055.asp", ""),
            ("SR", False, None, "accession", None, True, "2023-05-08", None,
             "http://www.oas.org/en/IACHR/jsForm/?File=/en/iachr/media_center/PReleases/2023/"
             "094.asp", ""),
            ("UY", True, "2015-06-15", "ratification", None, True, "2016-11-18", None,
             "https://www.jbcdepiriapolis.com.uy/2016/11/uruguay-es-el-primer-pais-en-"
             "ratificar.html", ""),
        ],
    },
    {
        "code": "A-69", "binding": True, "position": 2, "adopted": "2013-06-05",
        "in_force": None, "deposits": 2,
        "title": {
            "en": "Inter-American Convention against All Forms of Discrimination and Intolerance",
            "es": "Convención Interamericana contra Toda Forma de Discriminación e Intolerancia",
            "fr": "Convention interaméricaine contre toutes les formes de discrimination et "
                  "d'intolérance",
            "pt": "Convenção Interamericana contra Toda Forma de Discriminação e Intolerância",
        },
        "summary": {
            "en": "States undertake to prevent, eliminate, prohibit and punish all acts and "
                  "manifestations of discrimination and intolerance, on any ground, in public "
                  "and private life.",
            "es": "Los Estados se comprometen a prevenir, eliminar, prohibir y sancionar todos "
                  "los actos y manifestaciones de discriminación e intolerancia, por cualquier "
                  "motivo, en la vida pública y privada.",
            "fr": "Les États s'engagent à prévenir, éliminer, interdire et sanctionner tous les "
                  "actes et manifestations de discrimination et d'intolérance, quel qu'en soit "
                  "le motif, dans la vie publique et privée.",
            "pt": "Os Estados comprometem-se a prevenir, eliminar, proibir e punir todos os atos "
                  "e manifestações de discriminação e intolerância, por qualquer motivo, na vida "
                  "pública e privada.",
        },
        "place": {
            "en": "La Antigua, Guatemala", "es": "La Antigua, Guatemala",
            "fr": "La Antigua, Guatemala", "pt": "La Antigua, Guatemala",
        },
        "context": "43rd regular session of the OAS General Assembly",
        "mechanism": {
            "en": "Inter-American Committee for the Prevention and Elimination of Racism, Racial "
                  "Discrimination, and All Forms of Discrimination and Intolerance, shared with "
                  "A-68; constituted once ten States have ratified.",
            "es": "Comité Interamericano para la Prevención y Eliminación del Racismo, la "
                  "Discriminación Racial y Todas las Formas de Discriminación e Intolerancia, "
                  "común con la A-68; se constituye al haber diez ratificaciones.",
            "fr": "Comité interaméricain pour la prévention et l'élimination du racisme, de la "
                  "discrimination raciale et de toutes les formes de discrimination et "
                  "d'intolérance, commun avec la A-68 ; constitué après dix ratifications.",
            "pt": "Comitê Interamericano para a Prevenção e Eliminação do Racismo, da "
                  "Discriminação Racial e de Todas as Formas de Discriminação e Intolerância, "
                  "comum à A-68; constituído após dez ratificações.",
        },
        "rule": rule("second", "segundo", "deuxième", "segundo"),
        "articles": [
            ("1", "Definitions", "Definiciones", "Définitions", "Definições"),
            ("4", "Duties of the State", "Deberes del Estado", "Devoirs de l'État",
             "Deveres do Estado"),
            ("5", "Special policies and affirmative action", "Políticas especiales y acciones "
             "afirmativas", "Politiques spéciales et action positive",
             "Políticas especiais e ações afirmativas"),
            ("10", "Access to justice for victims", "Acceso a la justicia de las víctimas",
             "Accès des victimes à la justice", "Acesso das vítimas à justiça"),
            ("15", "Protection and follow-up mechanisms", "Mecanismos de protección y "
             "seguimiento", "Mécanismes de protection et de suivi",
             "Mecanismos de proteção e acompanhamento"),
        ],
        "rows": [
            ("AR", True, "2013-06-06", "", None, False, None, None,
             "https://www.hcdn.gob.ar/proyectos/proyectoTP.jsp?exp=5180-D-2018", ""),
            ("BO", True, None, "", None, False, None, None, OAS, ""),
            ("BR", True, "2013-06-06", "", None, False, None, None, OAS, ""),
            ("CL", True, None, "", None, False, None, None, OAS, ""),
            ("CO", True, None, "", None, False, None, None, OAS, ""),
            ("CR", True, "2019-04-25", "", None, False, None, None,
             "http://www.oas.org/es/centro_noticias/fotonoticia.asp?sCodigo=FNC-96425", ""),
            ("EC", True, "2013-06-06", "ratification", "2024-05-22", False, None, None,
             "https://igualdadgenero.gob.ec/?p=24358", ""),
            ("HT", True, None, "", None, False, None, None, OAS, ""),
            ("MX", True, "2018-11-13", "ratification", "2019-11-19", True, "2020-01-21", None,
             "https://raceandequality.org/resources/mexico-ratifies-inter-american-conventions-"
             "against-racism-and-discrimination",
             "Interpretative declaration on Article 4(xi): nationality requirements for military "
             "education establishments are not discriminatory."),
            ("PA", True, None, "", None, False, None, None, OAS, ""),
            ("PE", True, None, "", None, False, None, None, OAS, ""),
            ("UY", True, "2013-06-06", "ratification", None, True, "2018-05-11", None,
             "http://en.mercopress.com/2018/05/12/uruguay-ratifies-inter-american-convention-"
             "against-all-forms-of-discrimination-and-intolerance", ""),
        ],
    },
    {
        "code": "A-68", "binding": True, "position": 3, "adopted": "2013-06-05",
        "in_force": "2017-11-11", "deposits": 2,
        "title": {
            "en": "Inter-American Convention against Racism, Racial Discrimination and Related "
                  "Forms of Intolerance",
            "es": "Convención Interamericana contra el Racismo, la Discriminación Racial y Formas "
                  "Conexas de Intolerancia",
            "fr": "Convention interaméricaine contre le racisme, la discrimination raciale et les "
                  "formes connexes d'intolérance",
            "pt": "Convenção Interamericana contra o Racismo, a Discriminação Racial e Formas "
                  "Correlatas de Intolerância",
        },
        "summary": {
            "en": "States undertake to prevent, eliminate, prohibit and punish racism, racial "
                  "discrimination and related intolerance, to adopt affirmative action and to "
                  "set up a national institution that monitors compliance.",
            "es": "Los Estados se comprometen a prevenir, eliminar, prohibir y sancionar el "
                  "racismo, la discriminación racial y las formas conexas de intolerancia, a "
                  "adoptar acciones afirmativas y a crear una institución nacional que vigile su "
                  "cumplimiento.",
            "fr": "Les États s'engagent à prévenir, éliminer, interdire et sanctionner le "
                  "racisme, la discrimination raciale et l'intolérance qui y est associée, à "
                  "adopter des mesures d'action positive et à créer une institution nationale de "
                  "suivi.",
            "pt": "Os Estados comprometem-se a prevenir, eliminar, proibir e punir o racismo, a "
                  "discriminação racial e as formas correlatas de intolerância, a adotar ações "
                  "afirmativas e a criar uma instituição nacional que acompanhe o cumprimento.",
        },
        "place": {
            "en": "La Antigua, Guatemala", "es": "La Antigua, Guatemala",
            "fr": "La Antigua, Guatemala", "pt": "La Antigua, Guatemala",
        },
        "context": "AG/RES. 2805 (XLIII-O/13)",
        "mechanism": {
            "en": "Inter-American Committee for the Prevention and Elimination of Racism, Racial "
                  "Discrimination, and All Forms of Discrimination and Intolerance (Art. 15); "
                  "national monitoring institutions (Art. 13); petitions to the IACHR.",
            "es": "Comité Interamericano para la Prevención y Eliminación del Racismo, la "
                  "Discriminación Racial y Todas las Formas de Discriminación e Intolerancia "
                  "(art. 15); instituciones nacionales de vigilancia (art. 13); peticiones ante la "
                  "CIDH.",
            "fr": "Comité interaméricain pour la prévention et l'élimination du racisme, de la "
                  "discrimination raciale et de toutes les formes de discrimination et "
                  "d'intolérance (art. 15) ; institutions nationales de suivi (art. 13) ; "
                  "pétitions devant la CIDH.",
            "pt": "Comitê Interamericano para a Prevenção e Eliminação do Racismo, da "
                  "Discriminação Racial e de Todas as Formas de Discriminação e Intolerância "
                  "(art. 15); instituições nacionais de monitoramento (art. 13); petições à CIDH.",
        },
        "rule": rule("second", "segundo", "deuxième", "segundo"),
        "articles": [
            ("1", "Definitions", "Definiciones", "Définitions", "Definições"),
            ("4", "Duties of the State", "Deberes del Estado", "Devoirs de l'État",
             "Deveres do Estado"),
            ("5", "Special policies and affirmative action", "Políticas especiales y acciones "
             "afirmativas", "Politiques spéciales et action positive",
             "Políticas especiais e ações afirmativas"),
            ("9", "Diversity in political and legal systems", "Diversidad en los sistemas "
             "políticos y jurídicos", "Diversité des systèmes politiques et juridiques",
             "Diversidade nos sistemas políticos e jurídicos"),
            ("13", "National monitoring institution", "Institución nacional de vigilancia",
             "Institution nationale de suivi", "Instituição nacional de monitoramento"),
            ("15", "Protection and follow-up mechanisms", "Mecanismos de protección y "
             "seguimiento", "Mécanismes de protection et de suivi",
             "Mecanismos de proteção e acompanhamento"),
        ],
        "rows": [
            ("AG", True, "2013-06-06", "ratification", None, True, "2018-06-01", None,
             "http://www.oas.org/pt/centro_midia/fotonoticia.asp?sCodigo=FNP-94245", ""),
            ("AR", True, "2013-06-06", "", None, False, None, None, CIRDI, ""),
            ("BO", True, None, "", None, False, None, None, CIRDI, ""),
            ("BR", True, "2013-06-06", "ratification", "2021-05-12", True, "2021-05-28",
             "2021-06-27",
             "https://fpp.org.pe/brasil-ratifico-en-la-oea-la-convencion-interamericana-contra-"
             "el-racismo-y-la-discriminacion-racial", ""),
            ("CL", True, None, "", None, False, None, None, CIRDI, ""),
            ("CO", True, None, "", None, False, None, None, CIRDI, ""),
            ("CR", True, "2013-06-06", "ratification", None, True, "2016-12-12", None,
             "https://adultosmayores.net/portal/print/index.php?idinfo=3631", ""),
            ("EC", True, "2013-06-06", "ratification", None, True, None, None,
             "https://derechoecuador.com/registro-oficial/2018/10/-registro-oficial-no62-"
             "viernes-19-de-octubre-de-2018-edicion-constitucional", ""),
            ("HT", True, None, "", None, False, None, None, CIRDI, ""),
            ("MX", False, None, "accession", None, True, "2020-01-21", None,
             "https://sidofqa.segob.gob.mx/notas/docFuente/5578266",
             "Interpretative declaration on Article 4(xi) about nationality requirements in "
             "military education."),
            ("PA", True, None, "", None, False, None, None, CIRDI, ""),
            ("PE", True, None, "", None, False, None, None, CIRDI, ""),
            ("UY", True, "2013-06-06", "ratification", None, True, "2017-10-12", None,
             RECENT_2017, ""),
        ],
    },
    {
        "code": "A-65", "binding": True, "position": 4, "adopted": "1999-06-07",
        "in_force": "2001-09-14", "deposits": 6,
        "title": {
            "en": "Inter-American Convention on the Elimination of All Forms of Discrimination "
                  "against Persons with Disabilities",
            "es": "Convención Interamericana para la Eliminación de Todas las Formas de "
                  "Discriminación contra las Personas con Discapacidad",
            "fr": "Convention interaméricaine pour l'élimination de toutes les formes de "
                  "discrimination contre les personnes handicapées",
            "pt": "Convenção Interamericana para a Eliminação de Todas as Formas de "
                  "Discriminação contra as Pessoas Portadoras de Deficiência",
        },
        "summary": {
            "en": "To prevent and eliminate all forms of discrimination against persons with "
                  "disabilities and to promote their full integration into society, through "
                  "legislative, social, educational and labour measures.",
            "es": "Prevenir y eliminar todas las formas de discriminación contra las personas "
                  "con discapacidad y propiciar su plena integración en la sociedad, mediante "
                  "medidas legislativas, sociales, educativas y laborales.",
            "fr": "Prévenir et éliminer toutes les formes de discrimination contre les personnes "
                  "handicapées et favoriser leur pleine intégration dans la société, par des "
                  "mesures législatives, sociales, éducatives et professionnelles.",
            "pt": "Prevenir e eliminar todas as formas de discriminação contra as pessoas com "
                  "deficiência e propiciar a sua plena integração à sociedade, por meio de "
                  "medidas legislativas, sociais, educacionais e trabalhistas.",
        },
        "place": {
            "en": "Guatemala City, Guatemala", "es": "Ciudad de Guatemala, Guatemala",
            "fr": "Guatemala (ville), Guatemala", "pt": "Cidade da Guatemala, Guatemala",
        },
        "context": "AG/RES. 1608 (XXIX-O/99)",
        "mechanism": {
            "en": "CEDDIS, the Committee for the Elimination of All Forms of Discrimination "
                  "against Persons with Disabilities (Art. VI): one representative per State "
                  "Party; it reviews national reports and adopts recommendations.",
            "es": "CEDDIS, el Comité para la Eliminación de Todas las Formas de Discriminación "
                  "contra las Personas con Discapacidad (art. VI): un representante por Estado "
                  "parte; examina los informes nacionales y adopta recomendaciones.",
            "fr": "Le CEDDIS, Comité pour l'élimination de toutes les formes de discrimination "
                  "contre les personnes handicapées (art. VI) : un représentant par État partie ; "
                  "il examine les rapports nationaux et adopte des recommandations.",
            "pt": "O CEDDIS, Comitê para a Eliminação de Todas as Formas de Discriminação contra "
                  "as Pessoas Portadoras de Deficiência (art. VI): um representante por Estado "
                  "Parte; examina os relatórios nacionais e adota recomendações.",
        },
        "rule": rule("sixth", "sexto", "sixième", "sexto"),
        "articles": [
            ("I", "Definitions", "Definiciones", "Définitions", "Definições"),
            ("II", "Objectives", "Objetivos", "Objectifs", "Objetivos"),
            ("III", "Measures to eliminate discrimination", "Medidas para eliminar la "
             "discriminación", "Mesures pour éliminer la discrimination",
             "Medidas para eliminar a discriminação"),
            ("IV", "Cooperation, research and awareness", "Cooperación, investigación y "
             "sensibilización", "Coopération, recherche et sensibilisation",
             "Cooperação, pesquisa e conscientização"),
            ("V", "Participation of organizations of persons with disabilities",
             "Participación de las organizaciones de personas con discapacidad",
             "Participation des organisations de personnes handicapées",
             "Participação das organizações de pessoas com deficiência"),
            ("VI", "Follow-up committee (CEDDIS)", "Comité de seguimiento (CEDDIS)",
             "Comité de suivi (CEDDIS)", "Comitê de acompanhamento (CEDDIS)"),
        ],
        "rows": [
            ("AR", True, None, "ratification", None, True, "2001-01-10", None,
             "http://www.oas.org/OASpage/press2002/en/Press2001/011001.htm", ""),
            ("BO", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("BR", True, None, "ratification", None, True, "2001-08-15", None,
             "http://usp.br/drh/novo/legislacao/dou2001/df3956.html", ""),
            ("CL", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("CO", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("CR", True, None, "ratification", "1999-12-08", True, "2000-02-08", None,
             "http://www.disabilityworld.org/06-08_03/gov/interamerican.shtml", ""),
            ("DM", True, None, "", None, False, None, None,
             "https://www.oas.org/en/media_center/press_release.asp?sCodigo=E-034/07", ""),
            ("DO", True, None, "ratification", None, True, "2007-02-05", None,
             "https://www.oas.org/en/media_center/press_release.asp?sCodigo=E-034/07", ""),
            ("EC", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("SV", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("GT", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("HT", True, None, "", None, False, None, None,
             "https://www.oas.org/en/media_center/press_release.asp?sCodigo=E-034/07", ""),
            ("JM", True, None, "", None, False, None, None,
             "https://www.oas.org/en/media_center/press_release.asp?sCodigo=E-034/07", ""),
            ("MX", True, None, "ratification", None, True, None, None,
             "http://www.disabilityworld.org/11-12_02/gov/oas.shtml", ""),
            ("NI", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("PA", True, None, "ratification", None, True, None, None,
             "http://www.disabilityworld.org/11-12_02/gov/oas.shtml", ""),
            ("PY", True, None, "ratification", None, True, None, None, CIADDIS, ""),
            ("PE", True, None, "ratification", None, True, "2001-08-30", None,
             "http://www.oas.org/OASpage/press2002/en/press2001/august01/0830-185.htm", ""),
            ("UY", True, None, "ratification", None, True, None, None,
             "http://www.disabilityworld.org/11-12_02/gov/oas.shtml", ""),
            ("VE", True, None, "ratification", None, True, "2006-09-28", None,
             "https://archive.crin.org/en/library/news-archive/venezuela-ratifies-treaty-"
             "eliminate-discrimination-against-people-disabilities.html.tmp", ""),
        ],
    },
    {
        "code": "SCA-2012", "binding": False, "position": 5, "adopted": "2012-06-04",
        "in_force": None, "deposits": None,
        "title": {
            "en": "Social Charter of the Americas", "es": "Carta Social de las Américas",
            "fr": "Charte sociale des Amériques", "pt": "Carta Social das Américas",
        },
        "summary": {
            "en": "A General Assembly declaration, not a treaty: member states commit to social "
                  "justice, development with equity, inclusion and the elimination of "
                  "discrimination. Its Plan of Action was adopted in 2015.",
            "es": "Una declaración de la Asamblea General, no un tratado: los Estados miembros se "
                  "comprometen con la justicia social, el desarrollo con equidad, la inclusión y "
                  "la eliminación de la discriminación. Su Plan de Acción se adoptó en 2015.",
            "fr": "Une déclaration de l'Assemblée générale, non un traité : les États membres "
                  "s'engagent pour la justice sociale, le développement équitable, l'inclusion et "
                  "l'élimination de la discrimination. Son plan d'action a été adopté en 2015.",
            "pt": "Uma declaração da Assembleia Geral, não um tratado: os Estados membros "
                  "comprometem-se com a justiça social, o desenvolvimento com equidade, a "
                  "inclusão e a eliminação da discriminação. Seu Plano de Ação foi adotado em "
                  "2015.",
        },
        "place": {
            "en": "Cochabamba (Tiquipaya), Bolivia", "es": "Cochabamba (Tiquipaya), Bolivia",
            "fr": "Cochabamba (Tiquipaya), Bolivie", "pt": "Cochabamba (Tiquipaya), Bolívia",
        },
        "context": "AG/doc. 5242/12 rev. 2",
        "mechanism": {"en": "", "es": "", "fr": "", "pt": ""},
        "rule": {"en": "", "es": "", "fr": "", "pt": ""},
        "articles": [
            ("I", "Social justice, development with equity, and democracy",
             "Justicia social, desarrollo con equidad y democracia",
             "Justice sociale, développement équitable et démocratie",
             "Justiça social, desenvolvimento com equidade e democracia"),
            ("II", "Development with equity", "Desarrollo con equidad",
             "Développement équitable", "Desenvolvimento com equidade"),
            ("III", "Cultural development, diversity and pluralism",
             "Desarrollo cultural, diversidad y pluralidad",
             "Développement culturel, diversité et pluralisme",
             "Desenvolvimento cultural, diversidade e pluralismo"),
            ("IV", "Solidarity and collective efforts in the Americas",
             "Solidaridad y esfuerzo conjunto en las Américas",
             "Solidarité et efforts collectifs dans les Amériques",
             "Solidariedade e esforço conjunto nas Américas"),
        ],
        "rows": [],
    },
]

INDEX = {
    "en": ("Legal frameworks", "The inter-American conventions on inclusion and "
           "non-discrimination: where each country stands, its national reports, and the "
           "practices, courses and exchanges that help implement each article."),
    "es": ("Marcos jurídicos", "Las convenciones interamericanas sobre inclusión y no "
           "discriminación: la situación de cada país, sus informes nacionales y las prácticas, "
           "cursos e intercambios que ayudan a aplicar cada artículo."),
    "fr": ("Cadres juridiques", "Les conventions interaméricaines sur l'inclusion et la "
           "non-discrimination : la situation de chaque pays, ses rapports nationaux et les "
           "pratiques, cours et échanges qui aident à appliquer chaque article."),
    "pt": ("Marcos jurídicos", "As convenções interamericanas sobre inclusão e não "
           "discriminação: a situação de cada país, seus relatórios nacionais e as práticas, "
           "cursos e intercâmbios que ajudam a aplicar cada artigo."),
}

# (framework code, article number, title prefixes of demo experiences, courses or webinars)
TAGS = [
    ("A-70", "17", ["Pensión 65", "Pensión universal para el bienestar",
                    "Inscription automatique à la Sécurité de la vieillesse",
                    "Designing social protection floors"]),
    ("A-70", "12", ["Centros diurnos para personas mayores", "Sistema Nacional Integrado de "
                    "Cuidados", "No Wrong Door system", "Home care for older persons",
                    "Sistemas integrales de cuidados", "The care economy"]),
    ("A-70", "5", ["Tarjeta INAPAM"]),
    ("A-65", "III", ["Inclusión laboral de personas con discapacidad",
                     "Public assistance for persons with disabilities"]),
    ("A-68", "9", ["Consulta prévia aos povos indígenas"]),
    ("A-68", "5", ["Etnodesenvolvimento em terras indígenas"]),
    ("A-69", "4", ["Inspección con enfoque de género"]),
]

# (framework code, cycle names en/es/fr/pt, days from today to the due date)
CYCLES = [
    ("A-70", ("First national report", "Primer informe nacional", "Premier rapport national",
              "Primeiro relatório nacional"), 25),
    ("A-65", ("Fourth national report", "Cuarto informe nacional", "Quatrième rapport national",
              "Quarto relatório nacional"), -20),
]

# The reservations and declarations above, in the other languages.
RESERVATIONS = {
    "The instrument contains declarations (see the depositary's page).": {
        "es": "El instrumento contiene declaraciones (véase la página del depositario).",
        "fr": "L'instrument contient des déclarations (voir la page du dépositaire).",
        "pt": "O instrumento contém declarações (veja a página do depositário).",
    },
    "Interpretative declaration on Article 4(xi): nationality requirements for military "
    "education establishments are not discriminatory.": {
        "es": "Declaración interpretativa sobre el artículo 4(xi): los requisitos de nacionalidad "
              "de los establecimientos de educación militar no son discriminatorios.",
        "fr": "Déclaration interprétative sur l'article 4(xi) : les conditions de nationalité des "
              "établissements d'enseignement militaire ne sont pas discriminatoires.",
        "pt": "Declaração interpretativa sobre o artigo 4(xi): os requisitos de nacionalidade dos "
              "estabelecimentos de ensino militar não são discriminatórios.",
    },
    "Interpretative declaration on Article 4(xi) about nationality requirements in "
    "military education.": {
        "es": "Declaración interpretativa sobre el artículo 4(xi) relativa a los requisitos de "
              "nacionalidad en la educación militar.",
        "fr": "Déclaration interprétative sur l'article 4(xi) relative aux conditions de "
              "nationalité dans l'enseignement militaire.",
        "pt": "Declaração interpretativa sobre o artigo 4(xi) relativa aos requisitos de "
              "nacionalidade no ensino militar.",
    },
}
