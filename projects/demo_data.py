"""Demo cooperation projects. Illustrative: the kinds of work the Department of Social Inclusion
supports, with real agencies and real donors' IATI identifiers (ILO XM-DAC-41302, IOM
XM-DAC-47066, UNDP XM-DAC-41114, AECID ES-DIR3-EA0035768); titles, periods, budgets and figures
are invented for the demonstration and every project is marked illustrative."""

# name_en, name_es, name_fr, name_pt, acronym, IATI type, country, IATI identifier
ORGANISATIONS = [
    ("International Labour Organization", "Organización Internacional del Trabajo",
     "Organisation internationale du Travail", "Organização Internacional do Trabalho",
     "ILO", "40", "", "XM-DAC-41302"),
    ("International Organization for Migration", "Organización Internacional para las Migraciones",
     "Organisation internationale pour les migrations",
     "Organização Internacional para as Migrações",
     "IOM", "40", "", "XM-DAC-47066"),
    ("United Nations Development Programme", "Programa de las Naciones Unidas para el Desarrollo",
     "Programme des Nations Unies pour le développement",
     "Programa das Nações Unidas para o Desenvolvimento", "UNDP", "40", "", "XM-DAC-41114"),
    ("Spanish Agency for International Development Cooperation",
     "Agencia Española de Cooperación Internacional para el Desarrollo",
     "Agence espagnole de coopération internationale pour le développement",
     "Agência Espanhola de Cooperação Internacional para o Desenvolvimento",
     "AECID", "10", "ES", "ES-DIR3-EA0035768"),
    ("Inter-American Development Bank", "Banco Interamericano de Desarrollo",
     "Banque interaméricaine de développement", "Banco Interamericano de Desenvolvimento",
     "IDB", "40", "", ""),
    ("Organization of American States", "Organización de los Estados Americanos",
     "Organisation des États américains", "Organização dos Estados Americanos",
     "OAS", "40", "", ""),
]

# Indicator names in four languages, with their unit ("" when the name says it).
INDICATORS = {
    "trained": ("Officials trained", "Funcionarios capacitados", "Fonctionnaires formés",
                "Servidores capacitados", ""),
    "agencies": ("Agencies applying the new protocol",
                 "Instituciones que aplican el nuevo protocolo",
                 "Institutions appliquant le nouveau protocole",
                 "Instituições que aplicam o novo protocolo", ""),
    "coverage": ("Households of the registry with disability data",
                 "Hogares del registro con datos de discapacidad",
                 "Ménages du registre avec des données sur le handicap",
                 "Domicílios do cadastro com dados sobre deficiência", "%"),
    "risk": ("Inspections planned with risk criteria",
             "Inspecciones planificadas con criterios de riesgo",
             "Inspections planifiées selon des critères de risque",
             "Inspeções planejadas com critérios de risco", "%"),
}

RESULTS = {
    "outcome": ("Agencies use what they learned", "Las instituciones aplican lo aprendido",
                "Les institutions appliquent ce qu’elles ont appris",
                "As instituições aplicam o que aprenderam"),
    "output": ("Peer exchanges and training delivered", "Intercambios y formación realizados",
               "Échanges et formations réalisés", "Intercâmbios e capacitações realizados"),
}

# code, modality, status, lead (country, acronym), partners, countries, themes, groups,
# planned (start, end), organisations [(acronym, role)], budget [(year, currency, amount minor,
# source acronym or "agency")], indicators [(result, key, baseline, target)], activity hints,
# texts {lang: (title, summary, description, objectives)}
PROJECTS = [
    {
        "code": "2025-andean-labour-inspection", "modality": "partnership",
        "status": "in_implementation", "lead": ("PE", "SUNAFIL"),
        "partners": [("CO", "MINTRABAJO"), ("BO", "MTEPS")], "countries": ["PE", "CO", "BO"],
        "themes": ["labour-inspection", "occupational-safety-health"],
        "groups": ["rural-workers"], "planned": ("2025-03-01", "2027-02-28"),
        "organisations": [("ILO", "4"), ("OAS", "1")],
        "budget": [(2025, "USD", 18_000_000, "OAS"), (2026, "USD", 22_000_000, "OAS"),
                   (2026, "USD", 6_500_000, "ILO")],
        "indicators": [("outcome", "risk", "15", "60"), ("output", "trained", "0", "180")],
        "courses": ["labour-inspection-in-practice"],
        "texts": {
            "en": ("Risk-based labour inspection in the Andes",
                   "Three labour inspectorates learn from each other to plan inspections by risk, "
                   "so that scarce inspectors reach the farms and workshops where accidents and "
                   "informality concentrate.",
                   "Peru's inspectorate shares its risk model; Colombia and Bolivia adapt it to "
                   "their registers. Joint missions, a course for inspectors and a shared "
                   "protocol for agricultural work.",
                   ["Plan most inspections with risk criteria",
                    "Train inspectors in the three countries"]),
            "es": ("Inspección laboral basada en riesgos en los Andes",
                   "Tres inspecciones del trabajo aprenden unas de otras a planificar por riesgo, "
                   "para que sus pocos inspectores lleguen a las fincas y talleres donde se "
                   "concentran los accidentes y la informalidad.",
                   "La inspección del Perú comparte su modelo de riesgos; Colombia y Bolivia lo "
                   "adaptan a sus registros. Misiones conjuntas, un curso para inspectores y un "
                   "protocolo común para el trabajo agrícola.",
                   ["Planificar la mayoría de las inspecciones con criterios de riesgo",
                    "Capacitar inspectores en los tres países"]),
            "fr": ("Inspection du travail fondée sur les risques dans les Andes",
                   "Trois inspections du travail apprennent les unes des autres à planifier selon "
                   "le risque, afin que leurs rares inspecteurs atteignent les exploitations et "
                   "ateliers où se concentrent accidents et informalité.",
                   "L’inspection du Pérou partage son modèle de risques ; la Colombie et la "
                   "Bolivie l’adaptent à leurs registres. Missions conjointes, un cours pour "
                   "inspecteurs et un protocole commun pour le travail agricole.",
                   ["Planifier la plupart des inspections selon des critères de risque",
                    "Former des inspecteurs dans les trois pays"]),
            "pt": ("Inspeção do trabalho baseada em riscos nos Andes",
                   "Três inspeções do trabalho aprendem umas com as outras a planejar por risco, "
                   "para que seus poucos inspetores cheguem às fazendas e oficinas onde se "
                   "concentram acidentes e informalidade.",
                   "A inspeção do Peru compartilha seu modelo de riscos; Colômbia e Bolívia o "
                   "adaptam aos seus registros. Missões conjuntas, um curso para inspetores e um "
                   "protocolo comum para o trabalho agrícola.",
                   ["Planejar a maioria das inspeções com critérios de risco",
                    "Capacitar inspetores nos três países"]),
        },
    },
    {
        "code": "2025-peru-disability-registry", "modality": "bilateral_oas",
        "status": "in_implementation", "lead": ("PE", "MIDIS"), "partners": [],
        "countries": ["PE"], "themes": ["social-information-systems", "social-protection"],
        "groups": ["persons-with-disabilities"], "planned": ("2025-01-15", "2026-12-31"),
        "organisations": [("OAS", "1"), ("UNDP", "4")],
        "budget": [(2025, "USD", 9_500_000, "OAS"), (2026, "USD", 11_000_000, "OAS"),
                   (2025, "PEN", 35_000_000, "agency")],
        "indicators": [("outcome", "coverage", "12", "70"), ("output", "trained", "0", "120")],
        "report": {"period": ("2025-01-15", "2025-06-30"),
                   "values": {"coverage": "31", "trained": "46"}, "female": {"trained": "29"},
                   "narrative": "Disability questions added to the registry's form; first "
                                "regional teams trained."},
        "courses": ["designing-social-protection-floors"], "exchanges": 1,
        "texts": {
            "en": ("Disability data in Peru's household registry",
                   "The OAS supports Peru's social development ministry in recording disability "
                   "in its household registry, so that programmes can reach persons with "
                   "disabilities and their carers.",
                   "The questions follow the Washington Group short set; field teams are "
                   "trained and the data are shared with the disability office under clear "
                   "privacy rules.",
                   ["Record disability in most registered households",
                    "Train the registry's regional teams"]),
            "es": ("Datos de discapacidad en el registro de hogares del Perú",
                   "La OEA apoya al ministerio de desarrollo social del Perú para registrar la "
                   "discapacidad en su padrón de hogares, de modo que los programas lleguen a "
                   "las personas con discapacidad y a quienes las cuidan.",
                   "Las preguntas siguen el conjunto breve del Grupo de Washington; se capacita "
                   "a los equipos de campo y los datos se comparten con la oficina de "
                   "discapacidad bajo reglas claras de privacidad.",
                   ["Registrar la discapacidad en la mayoría de los hogares",
                    "Capacitar a los equipos regionales del registro"]),
            "fr": ("Données sur le handicap dans le registre des ménages du Pérou",
                   "L’OEA aide le ministère du Développement social du Pérou à enregistrer le "
                   "handicap dans son registre des ménages, pour que les programmes atteignent "
                   "les personnes handicapées et leurs aidants.",
                   "Les questions suivent le court questionnaire du Groupe de Washington ; les "
                   "équipes de terrain sont formées et les données partagées avec l’office du "
                   "handicap selon des règles claires de confidentialité.",
                   ["Enregistrer le handicap dans la plupart des ménages",
                    "Former les équipes régionales du registre"]),
            "pt": ("Dados sobre deficiência no cadastro de domicílios do Peru",
                   "A OEA apoia o ministério do desenvolvimento social do Peru a registrar a "
                   "deficiência em seu cadastro de domicílios, para que os programas cheguem "
                   "às pessoas com deficiência e a quem cuida delas.",
                   "As perguntas seguem o conjunto curto do Grupo de Washington; as equipes de "
                   "campo são capacitadas e os dados são compartilhados com o órgão de "
                   "deficiência sob regras claras de privacidade.",
                   ["Registrar a deficiência na maioria dos domicílios",
                    "Capacitar as equipes regionais do cadastro"]),
        },
    },
    {
        "code": "2026-brazil-ecuador-single-registry", "modality": "bilateral_facilitated",
        "status": "approved", "lead": ("BR", "MDS"), "partners": [("EC", "MIES")],
        "countries": ["EC"], "themes": ["social-information-systems", "cash-transfers"],
        "groups": ["women", "children-adolescents"], "planned": ("2026-02-01", "2027-01-31"),
        "organisations": [("OAS", "1")],
        "budget": [(2026, "USD", 7_800_000, "OAS"), (2026, "BRL", 12_000_000, "agency")],
        "indicators": [("outcome", "agencies", "0", "3")], "exchanges": 1,
        "texts": {
            "en": ("Brazil–Ecuador: learning from a single social registry",
                   "Brazil's social development ministry shares with Ecuador how a single "
                   "registry of low-income families serves dozens of programmes, with the OAS "
                   "organising the exchange.",
                   "Study visits to municipal registry offices, remote sessions on data quality "
                   "and a road map for Ecuador's own registry.",
                   ["Agree a road map for Ecuador's registry",
                    "Document what made Brazil's registry work"]),
            "es": ("Brasil–Ecuador: aprender de un registro social único",
                   "El ministerio de desarrollo social del Brasil comparte con el Ecuador cómo "
                   "un registro único de familias de bajos ingresos sirve a decenas de "
                   "programas, con la OEA como facilitadora del intercambio.",
                   "Visitas de estudio a oficinas municipales del registro, sesiones a distancia "
                   "sobre calidad de los datos y una hoja de ruta para el registro ecuatoriano.",
                   ["Acordar una hoja de ruta para el registro del Ecuador",
                    "Documentar qué hizo funcionar el registro del Brasil"]),
            "fr": ("Brésil–Équateur : apprendre d’un registre social unique",
                   "Le ministère du Développement social du Brésil montre à l’Équateur comment "
                   "un registre unique des familles à faible revenu sert des dizaines de "
                   "programmes, l’OEA facilitant l’échange.",
                   "Visites d’étude dans des bureaux municipaux du registre, séances à distance "
                   "sur la qualité des données et une feuille de route pour le registre "
                   "équatorien.",
                   ["Convenir d’une feuille de route pour le registre de l’Équateur",
                    "Documenter ce qui a fait réussir le registre du Brésil"]),
            "pt": ("Brasil–Equador: aprender com um cadastro social único",
                   "O ministério do desenvolvimento social do Brasil compartilha com o Equador "
                   "como um cadastro único de famílias de baixa renda atende dezenas de "
                   "programas, com a OEA facilitando o intercâmbio.",
                   "Visitas de estudo a postos municipais do cadastro, sessões a distância "
                   "sobre qualidade dos dados e um roteiro para o cadastro equatoriano.",
                   ["Acordar um roteiro para o cadastro do Equador",
                    "Documentar o que fez o cadastro do Brasil funcionar"]),
        },
    },
    {
        "code": "2025-central-america-labour-migration", "modality": "regional",
        "status": "in_implementation", "lead": ("MX", "STPS"),
        "partners": [("CR", "MTSS"), ("PA", "MITRADEL"), ("GT", "MINTRAB")],
        "countries": ["MX", "GT", "CR", "PA"], "themes": ["migration-mobility"],
        "groups": ["migrants-refugees"], "planned": ("2025-06-01", "2027-05-31"),
        "organisations": [("IOM", "4"), ("AECID", "1")],
        "budget": [(2025, "EUR", 15_000_000, "AECID"), (2026, "EUR", 25_000_000, "AECID"),
                   (2026, "USD", 5_000_000, "OAS")],
        "indicators": [("outcome", "agencies", "0", "4"), ("output", "trained", "0", "200")],
        "texts": {
            "en": ("Fair recruitment along Central American labour corridors",
                   "Four labour ministries work with IOM on recruitment rules, labour "
                   "inspection of agencies and information for workers who migrate for "
                   "seasonal jobs.",
                   "A shared checklist for recruitment agencies, joint training of inspectors "
                   "and a public guide for workers in Spanish and indigenous languages.",
                   ["Adopt a shared checklist in the four ministries",
                    "Train labour inspectors on recruitment"]),
            "es": ("Contratación equitativa en los corredores laborales de Centroamérica",
                   "Cuatro ministerios de trabajo colaboran con la OIM en reglas de "
                   "contratación, inspección de agencias y orientación para las personas que "
                   "migran por empleos temporales.",
                   "Una lista de verificación común para agencias de contratación, formación "
                   "conjunta de inspectores y una guía pública para trabajadores en español y "
                   "lenguas indígenas.",
                   ["Adoptar una lista de verificación común en los cuatro ministerios",
                    "Capacitar inspectores en materia de contratación"]),
            "fr": ("Recrutement équitable dans les couloirs de travail d’Amérique centrale",
                   "Quatre ministères du Travail collaborent avec l’OIM sur les règles de "
                   "recrutement, l’inspection des agences et l’information des travailleurs "
                   "qui migrent pour des emplois saisonniers.",
                   "Une liste de contrôle commune pour les agences de recrutement, une "
                   "formation conjointe des inspecteurs et un guide public pour les "
                   "travailleurs en espagnol et en langues autochtones.",
                   ["Adopter une liste de contrôle commune dans les quatre ministères",
                    "Former les inspecteurs du travail au recrutement"]),
            "pt": ("Recrutamento equitativo nos corredores de trabalho da América Central",
                   "Quatro ministérios do trabalho colaboram com a OIM em regras de "
                   "recrutamento, inspeção de agências e orientação para quem migra por "
                   "empregos temporários.",
                   "Uma lista de verificação comum para agências de recrutamento, capacitação "
                   "conjunta de inspetores e um guia público para trabalhadores em espanhol e "
                   "línguas indígenas.",
                   ["Adotar uma lista de verificação comum nos quatro ministérios",
                    "Capacitar inspetores do trabalho em recrutamento"]),
        },
    },
    {
        "code": "2024-regional-care-systems", "modality": "partnership",
        "status": "completed", "lead": ("UY", "MIDES"),
        "partners": [("CR", "IMAS"), ("CO", "DPS")], "countries": ["UY", "CR", "CO"],
        "themes": ["care-systems", "gender-equality"], "groups": ["older-persons", "women"],
        "planned": ("2024-01-01", "2025-06-30"), "organisations": [("AECID", "1")],
        "budget": [(2024, "EUR", 20_000_000, "AECID"), (2025, "EUR", 8_000_000, "AECID")],
        "indicators": [("outcome", "agencies", "0", "2")],
        "texts": {
            "en": ("Care systems: sharing Uruguay's experience",
                   "Uruguay's social development ministry shares the design of its national "
                   "care system with Costa Rica and Colombia: services, training of carers and "
                   "financing.",
                   "Exchanges between the care secretariats, a costing tool adapted to each "
                   "country and a comparison of carers' training.",
                   ["Adapt a costing tool in two countries", "Compare carers' training paths"]),
            "es": ("Sistemas de cuidados: compartir la experiencia del Uruguay",
                   "El ministerio de desarrollo social del Uruguay comparte con Costa Rica y "
                   "Colombia el diseño de su sistema nacional de cuidados: servicios, formación "
                   "de cuidadoras y financiamiento.",
                   "Intercambios entre las secretarías de cuidados, una herramienta de costeo "
                   "adaptada a cada país y una comparación de la formación de cuidadoras.",
                   ["Adaptar una herramienta de costeo en dos países",
                    "Comparar las trayectorias de formación de cuidadoras"]),
            "fr": ("Systèmes de soins : partager l’expérience de l’Uruguay",
                   "Le ministère du Développement social de l’Uruguay partage avec le Costa "
                   "Rica et la Colombie la conception de son système national de soins : "
                   "services, formation des aidants et financement.",
                   "Échanges entre secrétariats des soins, un outil de chiffrage adapté à chaque "
                   "pays et une comparaison de la formation des aidants.",
                   ["Adapter un outil de chiffrage dans deux pays",
                    "Comparer les parcours de formation des aidants"]),
            "pt": ("Sistemas de cuidados: compartilhar a experiência do Uruguai",
                   "O ministério do desenvolvimento social do Uruguai compartilha com a Costa "
                   "Rica e a Colômbia o desenho de seu sistema nacional de cuidados: serviços, "
                   "formação de cuidadoras e financiamento.",
                   "Intercâmbios entre as secretarias de cuidados, uma ferramenta de custeio "
                   "adaptada a cada país e uma comparação da formação de cuidadoras.",
                   ["Adaptar uma ferramenta de custeio em dois países",
                    "Comparar as trajetórias de formação de cuidadoras"]),
        },
    },
    {
        "code": "2026-child-labour-risk-model", "modality": "regional",
        "status": "in_design", "lead": ("AR", "MTEySS"),
        "partners": [("PE", "MTPE"), ("DO", "MT")], "countries": ["AR", "PE", "DO"],
        "themes": ["child-labour"], "groups": ["children-adolescents"],
        "planned": ("2026-04-01", "2028-03-31"), "organisations": [("ILO", "4")],
        "budget": [(2026, "USD", 4_000_000, "ILO"), (2027, "USD", 6_000_000, "ILO")],
        "indicators": [("outcome", "agencies", "0", "3")],
        "texts": {
            "en": ("Predicting where child labour happens",
                   "Three labour ministries prepare to apply a child labour risk "
                   "identification model, which combines census and survey data to show the "
                   "districts where prevention should start.",
                   "In design: data-sharing agreements, a common method and the choice of "
                   "pilot districts.",
                   ["Agree the data each country contributes", "Choose pilot districts"]),
            "es": ("Anticipar dónde ocurre el trabajo infantil",
                   "Tres ministerios de trabajo se preparan para aplicar un modelo de "
                   "identificación del riesgo de trabajo infantil, que combina datos de censos "
                   "y encuestas para señalar los distritos donde empezar la prevención.",
                   "En diseño: acuerdos de intercambio de datos, un método común y la elección "
                   "de los distritos piloto.",
                   ["Acordar los datos que aporta cada país", "Elegir los distritos piloto"]),
            "fr": ("Prévoir où se produit le travail des enfants",
                   "Trois ministères du Travail se préparent à appliquer un modèle "
                   "d’identification du risque de travail des enfants, qui combine données de "
                   "recensement et d’enquête pour indiquer les districts où commencer la "
                   "prévention.",
                   "En conception : accords de partage de données, méthode commune et choix "
                   "des districts pilotes.",
                   ["Convenir des données apportées par chaque pays",
                    "Choisir les districts pilotes"]),
            "pt": ("Prever onde ocorre o trabalho infantil",
                   "Três ministérios do trabalho se preparam para aplicar um modelo de "
                   "identificação do risco de trabalho infantil, que combina dados de censos e "
                   "pesquisas para indicar os distritos onde começar a prevenção.",
                   "Em desenho: acordos de compartilhamento de dados, um método comum e a "
                   "escolha dos distritos piloto.",
                   ["Acordar os dados que cada país aporta", "Escolher os distritos piloto"]),
        },
    },
    {
        "code": "2023-chile-mexico-long-term-care", "modality": "bilateral_facilitated",
        "status": "evaluated", "lead": ("CL", "SENAMA"), "partners": [("MX", "INAPAM")],
        "countries": ["MX"], "themes": ["care-systems"], "groups": ["older-persons"],
        "planned": ("2023-03-01", "2024-02-29"), "organisations": [("OAS", "1")],
        "budget": [(2023, "USD", 6_200_000, "OAS")],
        "indicators": [("output", "trained", "0", "60")],
        "texts": {
            "en": ("Chile–Mexico: long-term care for older persons",
                   "Chile's service for older persons shared its day-centre and home-care "
                   "models with Mexico's institute for older persons; the OAS facilitated the "
                   "exchange.",
                   "Completed and evaluated: two study visits, a joint guide on day centres "
                   "and a training cycle for staff.",
                   ["Publish a joint guide on day centres", "Train staff of both institutions"]),
            "es": ("Chile–México: cuidados de largo plazo para personas mayores",
                   "El servicio chileno para las personas mayores compartió sus modelos de "
                   "centros de día y cuidado domiciliario con el instituto mexicano; la OEA "
                   "facilitó el intercambio.",
                   "Concluido y evaluado: dos visitas de estudio, una guía conjunta sobre "
                   "centros de día y un ciclo de formación para el personal.",
                   ["Publicar una guía conjunta sobre centros de día",
                    "Capacitar al personal de ambas instituciones"]),
            "fr": ("Chili–Mexique : soins de longue durée pour les personnes âgées",
                   "Le service chilien pour les personnes âgées a partagé ses modèles de "
                   "centres de jour et de soins à domicile avec l’institut mexicain ; l’OEA a "
                   "facilité l’échange.",
                   "Terminé et évalué : deux visites d’étude, un guide commun sur les centres "
                   "de jour et un cycle de formation du personnel.",
                   ["Publier un guide commun sur les centres de jour",
                    "Former le personnel des deux institutions"]),
            "pt": ("Chile–México: cuidados de longa duração para pessoas idosas",
                   "O serviço chileno para pessoas idosas compartilhou seus modelos de centros "
                   "de dia e cuidado domiciliar com o instituto mexicano; a OEA facilitou o "
                   "intercâmbio.",
                   "Concluído e avaliado: duas visitas de estudo, um guia conjunto sobre "
                   "centros de dia e um ciclo de capacitação para o pessoal.",
                   ["Publicar um guia conjunto sobre centros de dia",
                    "Capacitar o pessoal das duas instituições"]),
        },
    },
    {
        "code": "2026-guyana-shock-responsive-protection", "modality": "bilateral_oas",
        "status": "concept", "lead": ("GY", "MHSSS"), "partners": [], "countries": ["GY"],
        "themes": ["social-protection", "cash-transfers"], "groups": ["older-persons"],
        "planned": ("2026-09-01", "2027-08-31"), "organisations": [("IDB", "1")],
        "budget": [(2026, "USD", 3_000_000, "IDB")], "indicators": [],
        "texts": {
            "en": ("Guyana: social protection that responds to floods",
                   "A concept for helping Guyana's social protection ministry scale up "
                   "transfers quickly after floods, using its existing registry and payment "
                   "channels.",
                   "Concept stage: the partners are discussing scope and financing.",
                   ["Define triggers for scaling up transfers"]),
            "es": ("Guyana: protección social que responde a las inundaciones",
                   "Un concepto para ayudar al ministerio de protección social de Guyana a "
                   "ampliar rápidamente las transferencias después de inundaciones, con su "
                   "registro y sus canales de pago existentes.",
                   "Etapa de concepto: los socios discuten el alcance y el financiamiento.",
                   ["Definir los criterios para ampliar las transferencias"]),
            "fr": ("Guyana : une protection sociale qui répond aux inondations",
                   "Un concept pour aider le ministère de la Protection sociale du Guyana à "
                   "augmenter rapidement les transferts après des inondations, avec son "
                   "registre et ses canaux de paiement existants.",
                   "Étape de concept : les partenaires discutent de la portée et du "
                   "financement.",
                   ["Définir les seuils d’augmentation des transferts"]),
            "pt": ("Guiana: proteção social que responde às enchentes",
                   "Um conceito para ajudar o ministério de proteção social da Guiana a "
                   "ampliar rapidamente as transferências após enchentes, com seu cadastro e "
                   "seus canais de pagamento existentes.",
                   "Etapa de conceito: os parceiros discutem o escopo e o financiamento.",
                   ["Definir os critérios para ampliar as transferências"]),
        },
    },
]

INDEX_TITLES = {
    "en": ("Cooperation projects", "Programmes and projects the department supports with the "
           "national agencies and their partners. Figures of the demonstration projects are "
           "illustrative."),
    "es": ("Proyectos de cooperación", "Programas y proyectos que el departamento apoya con las "
           "instituciones nacionales y sus socios. Las cifras de los proyectos de demostración "
           "son ilustrativas."),
    "fr": ("Projets de coopération", "Programmes et projets que le département soutient avec "
           "les institutions nationales et leurs partenaires. Les chiffres des projets de "
           "démonstration sont illustratifs."),
    "pt": ("Projetos de cooperação", "Programas e projetos que o departamento apoia com as "
           "instituições nacionais e seus parceiros. Os números dos projetos de demonstração "
           "são ilustrativos."),
}
