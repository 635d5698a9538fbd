"""Demo experiences: (country, agency acronym, language, start, end, months since verified,
themes, population groups, title, summary, problem, what was done, results, lessons).

Written for the demo; the programmes are real in outline, the figures are illustrative.
"""

E = (
    (
        'CO', 'DPS', 'es', 2017, None, 3,
        ['cash-transfers', 'social-information-systems'],
        ['children-adolescents'],
        'Focalización de transferencias monetarias condicionadas con el Sisbén IV',
        (
            'Prosperidad Social usa el registro social de hogares Sisbén IV para focalizar las '
            'transferencias monetarias condicionadas de Familias en Acción.'
        ),
        (
            'Las transferencias llegaban a hogares que ya no eran pobres y dejaban fuera a familias'
            ' en pobreza extrema.'
        ),
        (
            'Se adoptó la clasificación por grupos del Sisbén IV, se cruzaron los datos con '
            'registros administrativos y se recertificó a los hogares cada dos años.'
        ),
        (
            'Los errores de inclusión bajaron y más de dos millones de familias quedaron '
            'correctamente focalizadas.'
        ),
        (
            'Un registro social vivo, actualizado con fuentes administrativas, vale más que una '
            'encuesta perfecta pero vieja.'
        ),
    ),
    (
        'BR', 'MDS', 'pt', 2003, None, 5,
        ['cash-transfers', 'social-information-systems', 'social-protection'],
        ['children-adolescents', 'women'],
        'Cadastro Único: um registro social para focalizar o Bolsa Família',
        (
            'O Cadastro Único reúne dados de mais de 40 milhões de famílias de baixa renda e serve '
            'para focalizar transferências de renda condicionadas.'
        ),
        (
            'Cada programa social mantinha a sua própria lista de beneficiários, com duplicidades e'
            ' lacunas.'
        ),
        (
            'Os municípios cadastram as famílias com um formulário único; o ministério cruza os '
            'dados com registros de emprego e previdência e revisa o cadastro periodicamente.'
        ),
        (
            'Mais de trinta programas usam o mesmo cadastro para selecionar beneficiários de '
            'transferências de renda.'
        ),
        (
            'A gestão descentralizada com incentivos financeiros aos municípios manteve o cadastro '
            'atualizado.'
        ),
    ),
    (
        'PE', 'MIDIS', 'es', 2012, None, 8,
        ['social-protection', 'rural-development'],
        ['older-persons', 'rural-workers'],
        'Pensión 65: protección social para personas adultas mayores en pobreza',
        (
            'Una pensión no contributiva para personas de 65 años o más en pobreza extrema, con '
            'visitas domiciliarias de salud.'
        ),
        (
            'Muchas personas mayores en zonas rurales no tenían ningún ingreso ni acceso a '
            'servicios de salud.'
        ),
        (
            'Se entregó una subvención bimestral, se coordinó con el Ministerio de Salud para '
            'tamizajes y se creó la red Saberes Productivos.'
        ),
        (
            'Más de medio millón de personas mayores reciben la pensión y acceden a controles de '
            'salud.'
        ),
        'Combinar el pago con servicios da sentido de pertenencia y mejora la salud.',
    ),
    (
        'MX', 'BIENESTAR', 'es', 2019, None, 30,
        ['social-protection', 'cash-transfers'],
        ['older-persons'],
        'Pensión universal para el bienestar de las personas adultas mayores',
        (
            'Pago bimestral universal a personas de 65 años o más, dispersado a cuentas bancarias '
            'del Banco del Bienestar.'
        ),
        'Las pensiones contributivas cubrían a menos de la mitad de la población mayor.',
        (
            'Se levantó un censo casa por casa, se abrieron sucursales bancarias en municipios '
            'rurales y se pagó de forma directa.'
        ),
        'La cobertura superó el 90 % de la población de 65 años o más.',
        'La bancarización en zonas rurales requiere infraestructura propia.',
    ),
    (
        'CL', 'MDSF', 'es', 2016, None, 4,
        ['social-information-systems', 'social-protection'],
        [],
        'Registro Social de Hogares: calificación socioeconómica con datos administrativos',
        (
            'El Registro Social de Hogares reemplazó la Ficha de Protección Social por una '
            'calificación basada en registros administrativos.'
        ),
        'La encuesta autodeclarada era fácil de manipular y no se actualizaba.',
        (
            'Se integraron bases del Servicio de Impuestos Internos, el seguro de cesantía y la '
            'superintendencia de pensiones.'
        ),
        'La calificación se actualiza cada mes sin nuevas encuestas.',
        'La interoperabilidad exige acuerdos legales de intercambio de datos desde el inicio.',
    ),
    (
        'CL', 'SENAMA', 'es', 2013, None, 12,
        ['care-systems'],
        ['older-persons'],
        'Centros diurnos para personas mayores con dependencia leve',
        (
            'Centros que ofrecen actividades de estimulación y apoyo para que las personas mayores '
            'sigan viviendo en su hogar.'
        ),
        'Las familias no podían cuidar de sus mayores durante la jornada laboral.',
        (
            'Se financiaron centros diurnos municipales con equipos de terapia ocupacional y '
            'kinesiología.'
        ),
        'Se retrasó el ingreso a residencias de larga estadía.',
        'El trabajo con municipios acelera la expansión.',
    ),
    (
        'CL', 'SENADIS', 'es', 2015, None, 20,
        ['non-discrimination', 'employment-skills'],
        ['persons-with-disabilities'],
        'Inclusión laboral de personas con discapacidad en el sector público',
        'Aplicación de la cuota de 1 % de personas con discapacidad en los servicios públicos.',
        'Pocas personas con discapacidad trabajaban en el Estado.',
        (
            'Se dictó la ley de inclusión laboral, se capacitó a los equipos de recursos humanos y '
            'se adaptaron puestos.'
        ),
        'La mayoría de los servicios públicos cumplen la cuota.',
        'Los ajustes razonables cuestan poco cuando se planifican.',
    ),
    (
        'CL', 'SERMIG', 'es', 2021, None, 6,
        ['migration-mobility', 'digital-government'],
        ['migrants-refugees'],
        'Trámites migratorios en línea para residencias temporales',
        'Plataforma digital para solicitar y seguir las residencias temporales sin filas.',
        'Las solicitudes presenciales acumulaban meses de espera.',
        'Se digitalizó el expediente, se habilitó el pago en línea y la notificación por correo.',
        'El tiempo de resolución bajó a la mitad.',
        'La simplificación normativa precede a la digitalización.',
    ),
    (
        'AR', 'MTEySS', 'es', 2014, 2019, 40,
        ['employment-skills'],
        ['youth'],
        'Programa Jóvenes con Más y Mejor Trabajo',
        (
            'Formación, orientación e intermediación laboral para jóvenes de 18 a 24 años sin '
            'estudios completos.'
        ),
        'El desempleo juvenil triplicaba al de los adultos.',
        (
            'Oficinas de empleo municipales ofrecieron talleres, cursos y prácticas en empresas con'
            ' un incentivo económico.'
        ),
        'Los participantes tuvieron más probabilidad de un empleo registrado.',
        'Las prácticas en empresas son el componente más valorado.',
    ),
    (
        'AR', 'DNM', 'es', 2018, None, 15,
        ['migration-mobility'],
        ['migrants-refugees'],
        'Radicación a distancia para personas migrantes del Mercosur',
        (
            'Solicitud de residencia en línea bajo el criterio de nacionalidad del Acuerdo de '
            'Residencia del Mercosur.'
        ),
        'Las personas migrantes viajaban grandes distancias para iniciar su trámite.',
        'Se creó el sistema RaDEX con validación biométrica en delegaciones.',
        'Miles de residencias se otorgaron sin turnos presenciales.',
        'Los acuerdos regionales facilitan la regularización.',
    ),
    (
        'BO', 'MTEPS', 'es', 2016, None, 28,
        ['labour-inspection', 'child-labour'],
        ['children-adolescents'],
        'Inspección del trabajo infantil en la zafra de castaña',
        'Operativos conjuntos de inspección en la cosecha de castaña en la Amazonía boliviana.',
        'Niñas y niños trabajaban en la recolección junto a sus familias.',
        (
            'Se coordinaron brigadas con defensorías de la niñez y se firmaron acuerdos con '
            'empresas beneficiadoras.'
        ),
        'Disminuyó la presencia de menores en los campamentos inspeccionados.',
        'La presencia sostenida del Estado en temporada es clave.',
    ),
    (
        'BR', 'MTE', 'pt', 2015, None, 10,
        ['labour-inspection', 'digital-government'],
        [],
        'eSocial: escrituração digital das obrigações trabalhistas',
        (
            'Sistema único em que os empregadores informam vínculos, folhas de pagamento e '
            'acidentes de trabalho.'
        ),
        'As empresas enviavam as mesmas informações a vários órgãos.',
        (
            'Unificou-se o envio de dados trabalhistas, previdenciários e fiscais em um leiaute '
            'único.'
        ),
        'A fiscalização passou a planejar inspeções com base em dados.',
        'Uma transição gradual por porte de empresa reduziu a resistência.',
    ),
    (
        'BR', 'MTE', 'pt', 1995, None, 7,
        ['labour-inspection'],
        ['rural-workers'],
        'Grupo Especial de Fiscalização Móvel contra o trabalho escravo',
        (
            'Equipes móveis de auditores fiscais resgatam trabalhadores em condições análogas à '
            'escravidão.'
        ),
        'O trabalho escravo persistia em fazendas e carvoarias distantes.',
        (
            'Auditores, procuradores e polícia atuam juntos a partir de denúncias, com pagamento '
            'imediato de verbas.'
        ),
        'Mais de 60 mil trabalhadores foram resgatados desde 1995.',
        'A lista suja de empregadores tem forte efeito dissuasório.',
    ),
    (
        'BR', 'MPI', 'pt', 2023, None, 2,
        ['non-discrimination'],
        ['indigenous-peoples'],
        'Consulta prévia aos povos indígenas em políticas públicas',
        'Protocolos de consulta livre, prévia e informada construídos com as comunidades.',
        'Políticas eram desenhadas sem ouvir os povos afetados.',
        'Apoio à elaboração de protocolos próprios por cada povo e formação de servidores.',
        'Vários protocolos foram reconhecidos por órgãos públicos.',
        'A consulta precisa respeitar os tempos das comunidades.',
    ),
    (
        'BR', 'MDS', 'pt', 2017, None, 9,
        ['care-systems', 'social-protection'],
        ['children-adolescents'],
        'Criança Feliz: visitas domiciliares na primeira infância',
        (
            'Visitas domiciliares a gestantes e crianças de até três anos inscritas no Cadastro '
            'Único.'
        ),
        'O desenvolvimento infantil era desigual entre famílias pobres e não pobres.',
        'Visitadores capacitados orientam as famílias sobre brincadeiras, saúde e vínculo.',
        'Milhares de municípios aderiram ao programa.',
        'A supervisão técnica dos visitadores define a qualidade.',
    ),
    (
        'CA', 'ESDC', 'en', 2018, None, 14,
        ['employment-skills'],
        ['youth'],
        'Youth Employment and Skills Strategy',
        (
            'Flexible funding for organisations that help young people facing barriers get work '
            'experience.'
        ),
        (
            'Young people with disabilities, Indigenous youth and newcomers faced long unemployment'
            ' spells.'
        ),
        (
            'Funding agreements paid for wage subsidies, mentoring and skills training tailored to '
            'each participant.'
        ),
        'Most participants were employed or in school after the intervention.',
        'Wrap-around supports matter as much as the job placement.',
    ),
    (
        'CA', 'IRCC', 'en', 2016, None, 11,
        ['migration-mobility'],
        ['migrants-refugees'],
        'Private sponsorship of refugees',
        (
            'Groups of citizens sponsor refugees, supporting them financially and socially for '
            'their first year.'
        ),
        'Government-assisted resettlement alone could not meet humanitarian need.',
        (
            'Community groups, faith organisations and families sign sponsorship agreements and '
            'receive training.'
        ),
        'Privately sponsored refugees found employment faster than other groups.',
        'Local sponsors open networks that public services cannot.',
    ),
    (
        'CA', 'ESDC', 'fr', 2019, None, 18,
        ['employment-skills', 'gender-equality'],
        ['women'],
        'Formation en compétences numériques pour les femmes en reconversion',
        (
            'Des ateliers financés pour aider les femmes qui retournent au travail à acquérir des '
            'compétences numériques.'
        ),
        "Les femmes sorties du marché du travail pour s'occuper d'enfants peinaient à y revenir.",
        (
            'Des organismes communautaires ont offert des formations courtes, du mentorat et des '
            'stages.'
        ),
        'La majorité des participantes ont trouvé un emploi dans les six mois.',
        "La garde d'enfants pendant la formation est une condition de participation.",
    ),
    (
        'CO', 'SENA', 'es', 2010, None, 16,
        ['employment-skills', 'rural-development'],
        ['rural-workers', 'youth'],
        'Formación para el emprendimiento rural con SENA Emprende Rural',
        'Formación técnica y acompañamiento a proyectos productivos de jóvenes en zonas rurales.',
        'Los jóvenes rurales migraban a las ciudades por falta de oportunidades.',
        'Instructores itinerantes formaron a grupos en sus veredas y apoyaron planes de negocio.',
        'Se crearon miles de unidades productivas rurales.',
        'La formación debe ir donde están las personas.',
    ),
    (
        'CO', 'MINTRABAJO', 'es', 2018, None, 35,
        ['migration-mobility', 'employment-skills'],
        ['migrants-refugees'],
        'Permiso Especial de Permanencia para el Fomento de la Formalización',
        (
            'Un permiso para que personas migrantes venezolanas con oferta de empleo trabajen '
            'formalmente.'
        ),
        'Muchas personas migrantes trabajaban en la informalidad sin protección.',
        (
            'Se habilitó la solicitud del empleador en línea y la verificación con Migración '
            'Colombia.'
        ),
        'Miles de contratos formales se firmaron con personas migrantes.',
        'La regularización y la inserción laboral deben ir de la mano.',
    ),
    (
        'CR', 'IMAS', 'es', 2015, None, 5,
        ['cash-transfers', 'social-information-systems'],
        ['women'],
        'SINIRUBE: sistema nacional de información y registro único de beneficiarios',
        (
            'Un registro único para focalizar los programas sociales de todas las instituciones '
            'costarricenses.'
        ),
        'Cada institución calificaba la pobreza con su propio instrumento.',
        (
            'Se creó por ley un sistema que integra bases de datos de pensiones, salud, educación y'
            ' registro civil.'
        ),
        'Las instituciones consultan el mismo índice de pobreza para otorgar transferencias.',
        'Una ley específica dio sostenibilidad al sistema.',
    ),
    (
        'CR', 'MTSS', 'es', 2014, None, 22,
        ['social-dialogue'],
        [],
        'Consejo Superior de Trabajo: diálogo tripartito sobre salarios mínimos',
        'Mesa tripartita que fija los salarios mínimos con una fórmula acordada.',
        'Las negociaciones anuales eran conflictivas e imprevisibles.',
        (
            'Gobierno, empleadores y sindicatos acordaron una fórmula basada en inflación y '
            'productividad.'
        ),
        'Las revisiones salariales se cerraron por consenso varios años seguidos.',
        'Una regla técnica compartida reduce la conflictividad.',
    ),
    (
        'CR', 'DGME', 'es', 2019, None, 13,
        ['migration-mobility'],
        ['migrants-refugees'],
        'Categoría especial temporal para personas nicaragüenses, venezolanas y cubanas',
        (
            'Una categoría migratoria especial para regularizar a solicitantes de refugio con '
            'solicitud denegada.'
        ),
        'Miles de personas quedaban en situación irregular tras el rechazo del refugio.',
        'Se aprobó la categoría por decreto y se redujeron los requisitos documentales.',
        'Las personas beneficiarias accedieron a empleo formal y seguridad social.',
        'Las vías complementarias de regularización alivian el sistema de asilo.',
    ),
    (
        'DO', 'MT', 'es', 2017, None, 26,
        ['occupational-safety-health'],
        [],
        'Comités mixtos de seguridad y salud en el trabajo',
        'Promoción de comités mixtos empleador-trabajador en empresas medianas.',
        'Los accidentes laborales se concentraban en la construcción y la manufactura.',
        'Se capacitó a integrantes de comités y se entregó una guía de autoevaluación.',
        'Las empresas con comité reportaron menos accidentes.',
        'La participación de los trabajadores mejora la prevención.',
    ),
    (
        'EC', 'MIES', 'es', 2013, None, 9,
        ['cash-transfers', 'care-systems'],
        ['children-adolescents', 'women'],
        'Bono de Desarrollo Humano con corresponsabilidades de salud y educación',
        (
            'Transferencia monetaria condicionada a madres de familias en pobreza, focalizada con '
            'el Registro Social.'
        ),
        'La pobreza extrema se concentraba en hogares con niños pequeños.',
        (
            'Se focalizó con el Registro Social, se verificaron corresponsabilidades y se pagó a '
            'través de la banca.'
        ),
        'Aumentaron la matrícula escolar y los controles de salud.',
        'La verificación de corresponsabilidades exige sistemas de información interoperables.',
    ),
    (
        'GT', 'MINTRAB', 'es', 2019, None, 32,
        ['migration-mobility', 'employment-skills'],
        ['migrants-refugees', 'rural-workers'],
        'Programa de trabajo temporal en el extranjero',
        (
            'Intermediación pública y ética para trabajadores agrícolas que viajan con visas '
            'temporales.'
        ),
        'Reclutadores privados cobraban cuotas abusivas a los trabajadores.',
        (
            'El ministerio registró a los trabajadores, verificó ofertas de empleo y orientó antes '
            'de la partida.'
        ),
        'Ningún trabajador del programa pagó cuotas de reclutamiento.',
        'El reclutamiento equitativo protege a los trabajadores y a los empleadores.',
    ),
    (
        'GY', 'MHSSS', 'en', 2020, None, 17,
        ['social-protection', 'cash-transfers'],
        ['persons-with-disabilities'],
        'Public assistance for persons with disabilities',
        (
            'A monthly cash grant for persons with disabilities, with assessments carried out in '
            'the regions.'
        ),
        'People in the hinterland could not travel to Georgetown to be assessed.',
        'Mobile assessment teams visited the regions and payments moved to bank accounts.',
        'More eligible people in remote regions now receive assistance.',
        'Outreach to remote areas is part of the benefit, not an extra.',
    ),
    (
        'HN', 'STSS', 'es', 2016, None, 38,
        ['employment-skills'],
        ['youth'],
        'Servicio Nacional de Empleo: ferias de empleo en línea',
        'Ferias virtuales que conectan a jóvenes con vacantes en todo el país.',
        'Las oficinas de empleo estaban solo en las grandes ciudades.',
        'Se creó un portal de empleo y se organizaron ferias virtuales con empresas.',
        'Miles de jóvenes fueron entrevistados en línea.',
        'La conectividad limitada exige alternativas móviles.',
    ),
    (
        'JM', 'MLSS', 'en', 2002, None, 6,
        ['cash-transfers', 'social-protection'],
        ['children-adolescents', 'older-persons'],
        'PATH: targeting conditional cash transfers with a proxy means test',
        (
            'The Programme of Advancement Through Health and Education targets cash transfers with '
            'a proxy means test.'
        ),
        'Several small cash programmes overlapped and missed the poorest families.',
        (
            'Programmes were merged, a proxy means test scored applicants and payments were tied to'
            ' school attendance and clinic visits.'
        ),
        'School attendance of beneficiary children rose.',
        'A single targeting instrument simplifies the system for families and staff.',
    ),
    (
        'MX', 'STPS', 'es', 2019, None, 19,
        ['employment-skills'],
        ['youth'],
        'Jóvenes Construyendo el Futuro: capacitación en el trabajo',
        (
            'Becas para que jóvenes que no estudian ni trabajan se capaciten durante un año en '
            'centros de trabajo.'
        ),
        'Millones de jóvenes no estudiaban ni trabajaban.',
        (
            'Una plataforma vinculó a jóvenes con tutores en empresas, instituciones y talleres, '
            'con beca mensual y seguro médico.'
        ),
        'Más de dos millones de jóvenes participaron.',
        'La verificación de los centros de trabajo previene abusos.',
    ),
    (
        'MX', 'INAPAM', 'es', 2018, None, 27,
        ['non-discrimination'],
        ['older-persons'],
        'Tarjeta INAPAM de descuentos para personas adultas mayores',
        (
            'Credencial que da descuentos en transporte, salud y servicios a personas de 60 años o '
            'más.'
        ),
        'Las personas mayores gastaban mucho en transporte y medicinas.',
        'Se firmaron convenios con empresas y se emitieron credenciales en módulos móviles.',
        'Millones de personas mayores usan la tarjeta.',
        'Los convenios con el sector privado amplían el alcance a bajo costo.',
    ),
    (
        'MX', 'INM', 'es', 2020, None, 21,
        ['migration-mobility'],
        ['migrants-refugees', 'children-adolescents'],
        'Protección de niñas, niños y adolescentes migrantes no acompañados',
        (
            'Protocolo para canalizar a menores migrantes no acompañados a los sistemas de '
            'protección de la infancia.'
        ),
        'Los menores eran alojados en estaciones migratorias.',
        'Se prohibió su detención y se coordinó su traslado a centros de asistencia social.',
        'Ningún menor no acompañado permanece en estaciones migratorias.',
        'La coordinación con las procuradurías de protección es esencial.',
    ),
    (
        'PA', 'MITRADEL', 'es', 2017, None, 24,
        ['labour-inspection', 'child-labour'],
        ['children-adolescents'],
        'Hoja de ruta para erradicar el trabajo infantil en la zafra',
        (
            'Inspecciones y acuerdos con ingenios azucareros para eliminar el trabajo infantil en '
            'la cosecha.'
        ),
        'Adolescentes trabajaban en el corte de caña.',
        (
            'Se firmaron compromisos con ingenios, se intensificó la inspección y se otorgaron '
            'becas escolares.'
        ),
        'El trabajo infantil detectado en la zafra se redujo.',
        'Las becas escolares hacen sostenible el retiro del trabajo.',
    ),
    (
        'PY', 'MTESS', 'es', 2018, None, 29,
        ['employment-skills', 'gender-equality'],
        ['women'],
        'Formación profesional para mujeres en oficios no tradicionales',
        'Cursos de electricidad, soldadura y mecánica para mujeres.',
        'Las mujeres se concentraban en ocupaciones de baja remuneración.',
        (
            'El Sistema Nacional de Formación ofreció cursos con cuidado infantil y becas de '
            'transporte.'
        ),
        'Muchas egresadas consiguieron empleos mejor pagados.',
        'El cuidado infantil durante la formación es decisivo.',
    ),
    (
        'PE', 'MTPE', 'es', 2016, None, 12,
        ['employment-skills', 'digital-government'],
        ['youth'],
        'Certificado Único Laboral para jóvenes',
        (
            'Un documento gratuito que reúne antecedentes, identidad, formación y experiencia para '
            'postular a empleos.'
        ),
        'Los jóvenes pagaban por varios certificados para cada postulación.',
        (
            'Se integraron bases de la policía, el poder judicial, RENIEC y el ministerio de '
            'educación.'
        ),
        'Cientos de miles de certificados se emitieron en línea.',
        'La interoperabilidad reduce costos a los ciudadanos.',
    ),
    (
        'PE', 'SUNAFIL', 'es', 2019, None, 10,
        ['labour-inspection', 'digital-government'],
        [],
        'Casilla electrónica para notificaciones de inspección laboral',
        (
            'Las notificaciones de inspección se envían a una casilla electrónica obligatoria de '
            'los empleadores.'
        ),
        'Las notificaciones en papel demoraban los procedimientos.',
        'Se implementó la casilla electrónica y se integró con el registro de contribuyentes.',
        'Los plazos de notificación se redujeron de semanas a horas.',
        'La obligatoriedad legal fue clave para la adopción.',
    ),
    (
        'PE', 'MIGRACIONES', 'es', 2021, None, 8,
        ['migration-mobility', 'digital-government'],
        ['migrants-refugees'],
        'Carné de Permiso Temporal de Permanencia en línea',
        'Regularización de personas migrantes venezolanas con un trámite completamente digital.',
        'Cientos de miles de personas estaban en situación irregular.',
        'Se habilitó el registro en línea, la toma biométrica en agencias y la entrega del carné.',
        'Más de 300 mil personas fueron regularizadas.',
        'El trámite digital soportó una demanda masiva.',
    ),
    (
        'SV', 'MTPS', 'es', 2018, None, 31,
        ['gender-equality', 'labour-inspection'],
        ['women'],
        'Inspección con enfoque de género en la industria maquiladora',
        'Inspecciones especializadas en acoso laboral y derechos de maternidad en maquilas.',
        'Las trabajadoras denunciaban despidos por embarazo.',
        'Se formó a inspectoras especializadas y se creó un canal de denuncia confidencial.',
        'Aumentaron las denuncias atendidas y las reinstalaciones.',
        'La confidencialidad genera confianza para denunciar.',
    ),
    (
        'US', 'DOL', 'en', 2014, None, 4,
        ['employment-skills'],
        ['youth'],
        'Registered apprenticeship expansion',
        (
            'Grants to states and industry partners to expand registered apprenticeships in new '
            'sectors.'
        ),
        'Apprenticeship was concentrated in construction trades.',
        (
            'Grants funded intermediaries that helped employers in health care, IT and '
            'manufacturing design programmes.'
        ),
        'Hundreds of thousands of new apprentices registered.',
        'Industry intermediaries lower the cost for small employers.',
    ),
    (
        'US', 'HHS', 'en', 2016, None, 15,
        ['social-protection', 'social-information-systems'],
        ['children-adolescents'],
        'Integrated eligibility for health and human services',
        'States build one system to determine eligibility for Medicaid, SNAP and TANF.',
        'Families applied separately for each benefit, repeating the same information.',
        (
            'Federal cost allocation rules allowed shared systems; states reused data across '
            'programmes.'
        ),
        'Application times fell and fewer eligible families were missed.',
        'Shared data rules must be agreed early.',
    ),
    (
        'US', 'ACL', 'en', 2012, None, 36,
        ['care-systems'],
        ['older-persons', 'persons-with-disabilities'],
        'No Wrong Door system for long-term services and supports',
        (
            'One point of access for older adults and people with disabilities to learn about care '
            'options.'
        ),
        'People did not know where to ask for long-term care.',
        'Aging and disability resource centres were linked with person-centred counselling.',
        'More people stayed in their communities rather than institutions.',
        'Person-centred counselling takes training and time.',
    ),
    (
        'UY', 'MIDES', 'es', 2015, None, 3,
        ['care-systems', 'gender-equality'],
        ['women', 'older-persons', 'persons-with-disabilities'],
        'Sistema Nacional Integrado de Cuidados',
        (
            'Un sistema público que organiza servicios de cuidado para la infancia, la vejez y la '
            'discapacidad.'
        ),
        'El cuidado recaía casi por completo en las mujeres de cada familia.',
        (
            'Se crearon servicios de asistentes personales, teleasistencia y centros de día, con '
            'formación de cuidadoras.'
        ),
        'Miles de personas dependientes recibieron asistentes personales.',
        'Reconocer el cuidado como derecho cambia la política pública.',
    ),
    (
        'UY', 'MIDES', 'es', 2006, None, 23,
        ['cash-transfers', 'social-information-systems'],
        ['children-adolescents'],
        'Tarjeta Uruguay Social: focalización con índice de carencias críticas',
        (
            'Transferencia para la compra de alimentos a hogares vulnerables, focalizada con un '
            'índice de carencias críticas.'
        ),
        'Los hogares más vulnerables no accedían a una alimentación adecuada.',
        (
            'Se visitó a los hogares, se calculó el índice de carencias y se cargó la tarjeta '
            'mensualmente.'
        ),
        'La inseguridad alimentaria de los hogares beneficiarios disminuyó.',
        'El índice requiere visitas de actualización periódicas.',
    ),
    (
        'UY', 'MTSS', 'es', 2005, None, 33,
        ['social-dialogue'],
        [],
        'Consejos de Salarios: negociación colectiva por rama',
        'Negociación tripartita de salarios y condiciones de trabajo por sector de actividad.',
        'La negociación colectiva había desaparecido en la mayoría de los sectores.',
        'El gobierno convocó consejos tripartitos por rama con rondas periódicas.',
        'Casi todos los trabajadores formales quedaron cubiertos por convenios.',
        'La convocatoria regular institucionaliza el diálogo.',
    ),
    (
        'CL', 'MINTRAB', 'es', 2020, None, 14,
        ['occupational-safety-health', 'digital-government'],
        [],
        'Teletrabajo: ley y fiscalización de la desconexión digital',
        'Regulación del trabajo a distancia con derecho a la desconexión.',
        'El teletrabajo masivo no tenía reglas claras.',
        (
            'Se aprobó la ley, se creó un registro de pactos de teletrabajo y se fiscalizaron '
            'denuncias.'
        ),
        'Miles de pactos se registraron.',
        'Las reglas claras protegen a ambas partes.',
    ),
    (
        'CO', 'DPS', 'es', 2012, None, 27,
        ['social-protection', 'rural-development'],
        ['rural-workers'],
        'Red de Seguridad Alimentaria en comunidades rurales',
        'Apoyo a huertas familiares para el autoconsumo en zonas rurales.',
        'La inseguridad alimentaria era alta en hogares campesinos.',
        'Se entregaron insumos y asistencia técnica a familias para huertas caseras.',
        'Las familias diversificaron su dieta.',
        'El acompañamiento técnico sostiene las huertas.',
    ),
    (
        'BR', 'FUNAI', 'pt', 2018, None, 34,
        ['rural-development'],
        ['indigenous-peoples'],
        'Etnodesenvolvimento em terras indígenas',
        'Apoio a projetos produtivos sustentáveis definidos pelas próprias comunidades indígenas.',
        'Projetos impostos de fora não respeitavam o modo de vida indígena.',
        'As comunidades elaboraram planos de gestão territorial e ambiental com apoio técnico.',
        'Vários planos foram implementados com financiamento público.',
        'A autonomia das comunidades garante a continuidade.',
    ),
    (
        'BR', 'MDS', 'pt', 2011, None, 13,
        ['employment-skills', 'social-protection'],
        ['youth', 'women'],
        'Inclusão produtiva de beneficiários de transferências de renda',
        'Cursos de qualificação profissional para pessoas inscritas no Cadastro Único.',
        'Beneficiários de transferências tinham pouco acesso à formação profissional.',
        'Vagas em cursos técnicos foram reservadas para o público do Cadastro Único.',
        'Mais de um milhão de matrículas foram realizadas.',
        'A oferta deve acompanhar a demanda do mercado local.',
    ),
    (
        'MX', 'SEGOB', 'es', 2019, None, 25,
        ['non-discrimination', 'migration-mobility'],
        ['migrants-refugees'],
        'Clave Única de Registro de Población para personas refugiadas',
        'Asignación de la CURP a personas refugiadas para acceder a empleo y servicios.',
        'Sin CURP, las personas refugiadas no podían trabajar formalmente.',
        'Se acordó con la comisión de refugiados la asignación inmediata de CURP temporal.',
        'Las personas refugiadas se afiliaron a la seguridad social.',
        'Los documentos de identidad abren todos los demás derechos.',
    ),
    (
        'EC', 'MIES', 'es', 2018, None, 18,
        ['care-systems'],
        ['children-adolescents'],
        'Centros de Desarrollo Infantil con educadoras comunitarias',
        'Atención integral a niñas y niños de 1 a 3 años en centros comunitarios.',
        'Las familias pobres no tenían acceso a cuidado infantil de calidad.',
        'Se profesionalizó a educadoras comunitarias y se estandarizaron los centros.',
        'Mejoró el desarrollo infantil medido con escalas estandarizadas.',
        'La formación de las educadoras es la mayor inversión.',
    ),
    (
        'PE', 'MIDIS', 'es', 2005, None, 6,
        ['cash-transfers', 'social-protection'],
        ['children-adolescents', 'women'],
        'Programa Juntos: transferencias condicionadas en zonas rurales',
        (
            'Transferencias monetarias condicionadas a hogares rurales en pobreza con niños y '
            'gestantes.'
        ),
        'La pobreza rural afectaba sobre todo a niños y gestantes.',
        'Se pagó un incentivo bimestral condicionado a controles de salud y asistencia escolar.',
        'Aumentó la asistencia a controles prenatales.',
        'Los pagos en zonas remotas requieren agencias móviles.',
    ),
    (
        'AG', None, 'en', 2019, None, 40,
        ['social-protection'],
        ['older-persons'],
        'Home care for older persons living alone',
        'Home care workers visit older persons living alone to help with daily tasks.',
        'Older persons living alone were admitted to hospital for lack of care at home.',
        'The programme trained home care workers and matched them with older persons.',
        'Hospital admissions of participants fell.',
        'Training care workers builds a new occupation.',
    ),
    (
        'BB', None, 'en', 2017, None, 44,
        ['employment-skills'],
        ['youth'],
        'Youth entrepreneurship scheme',
        'Loans and mentoring for young entrepreneurs.',
        'Young people lacked access to credit for small businesses.',
        'A revolving fund offered small loans together with business mentoring.',
        'Most supported businesses survived two years.',
        'Mentoring reduced loan defaults.',
    ),
    (
        'CA', 'IRCC', 'fr', 2018, None, 9,
        ['migration-mobility', 'employment-skills'],
        ['migrants-refugees'],
        'Reconnaissance des titres de compétences des personnes immigrantes',
        "Un accompagnement pour faire reconnaître les diplômes étrangers avant l'arrivée.",
        'Les personnes immigrantes qualifiées occupaient des emplois sous-qualifiés.',
        "Des services avant l'arrivée ont orienté les démarches auprès des ordres professionnels.",
        'Le délai de reconnaissance des titres a diminué.',
        "Commencer avant l'arrivée fait gagner des mois.",
    ),
    (
        'CA', 'ESDC', 'fr', 2021, None, 2,
        ['social-protection', 'digital-government'],
        ['older-persons'],
        'Inscription automatique à la Sécurité de la vieillesse',
        'Les aînés admissibles reçoivent leur pension sans avoir à présenter de demande.',
        'De nombreux aînés ne demandaient pas la pension à laquelle ils avaient droit.',
        'Les données fiscales ont servi à inscrire automatiquement les personnes admissibles.',
        'La majorité des nouveaux pensionnés ont été inscrits automatiquement.',
        "L'inscription automatique réduit le non-recours.",
    ),
    (
        'MX', 'BIENESTAR', 'fr', 2020, None, 20,
        ['rural-development', 'employment-skills'],
        ['rural-workers'],
        'Semer la vie : reboisement et revenu pour les paysans',
        'Un appui mensuel aux paysans qui plantent des arbres fruitiers et forestiers.',
        'La déforestation et la pauvreté rurale se renforçaient mutuellement.',
        'Des techniciens ont accompagné les paysans dans des pépinières communautaires.',
        "Des centaines de milliers d'hectares ont été plantés.",
        "L'accompagnement technique détermine la survie des plantations.",
    ),
    (
        'CO', 'DPS', 'fr', 2016, None, 11,
        ['cash-transfers', 'employment-skills'],
        ['youth'],
        'Jeunes en action : transferts conditionnels pour les études',
        (
            'Des transferts monétaires pour les jeunes pauvres qui poursuivent des études '
            'techniques ou universitaires.'
        ),
        'Les jeunes des ménages pauvres abandonnaient leurs études faute de revenus.',
        (
            'Les jeunes ciblés par le Sisbén reçoivent un transfert conditionné à la réussite des '
            'cours.'
        ),
        'Le taux de décrochage des bénéficiaires a baissé.',
        'Le ciblage par le registre social évite les doublons.',
    ),
    (
        'US', 'DOL', 'fr', 2017, None, 42,
        ['occupational-safety-health'],
        ['rural-workers'],
        'Prévention des coups de chaleur chez les travailleurs agricoles',
        "Une campagne d'information et d'inspection sur l'eau, l'ombre et le repos.",
        'Des travailleurs agricoles mouraient de coups de chaleur.',
        'Des guides multilingues et des inspections ciblées pendant les vagues de chaleur.',
        'Les employeurs ont adopté des plans de prévention.',
        'Les messages doivent être dans la langue des travailleurs.',
    ),
    (
        'BR', 'MTE', 'pt', 2019, None, 16,
        ['occupational-safety-health'],
        [],
        'Observatório de segurança e saúde no trabalho',
        'Painéis de dados abertos sobre acidentes de trabalho por município e setor.',
        'Os dados de acidentes não orientavam a prevenção.',
        'Cruzaram-se notificações de acidentes e dados previdenciários em painéis públicos.',
        'Gestores locais passaram a priorizar setores de risco.',
        'Dados abertos mobilizam parceiros.',
    ),
    (
        'UY', 'MIDES', 'pt', 2019, None, 19,
        ['migration-mobility'],
        ['migrants-refugees'],
        'Acolhimento de migrantes na fronteira com o Brasil',
        'Serviços de orientação para migrantes nas cidades gêmeas da fronteira.',
        'Migrantes chegavam sem informação sobre direitos e serviços.',
        'Escritórios binacionais ofereceram orientação em português e espanhol.',
        'Aumentou o acesso dos migrantes a documentos.',
        'A cooperação fronteiriça facilita o atendimento.',
    ),
    (
        'PE', 'MTPE', 'pt', 2020, None, 23,
        ['employment-skills', 'migration-mobility'],
        ['migrants-refugees'],
        'Certificação de competências para trabalhadores migrantes',
        'Avaliação e certificação de competências adquiridas na prática por migrantes.',
        'Migrantes experientes não tinham como comprovar suas competências.',
        'Centros de certificação avaliaram competências em ofícios com alta demanda.',
        'Os certificados facilitaram a contratação formal.',
        'A certificação valoriza a experiência prévia.',
    ),
)
