"""Words the generator draws from: names, organisations, places, topics.

Italian first (the cluster is in Emilia-Romagna), then the rest of Europe and beyond,
with the accents, apostrophes and particles that trip up search and sorting.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """A vocabulary written as one string of words ('_' joins the words of one name)."""
    return tuple(text.split())


FIRST_IT = _words(
    "Alessandro Alessia Andrea Anna Antonella Antonio Beatrice Carlo Caterina Chiara Claudia "
    "Cristina Daniele Davide Elena Elisa Emanuele Enrico Fabio Federica Federico Francesca "
    "Francesco Gabriele Giacomo Gianluca Giorgia Giorgio Giovanni Giulia Giulio Giuseppe "
    "Ilaria Laura Lorenzo Luca Lucia Marco Maria Marta Martina Matteo Michele Nicola Nicolò "
    "Niccolò Paola Paolo Pietro Raffaele Riccardo Roberta Roberto Sara Serena Silvia Simone "
    "Sofia Stefania Stefano Tommaso Valentina Valerio Vittoria Zoë Ludovica Noemi Mattia "
    "Gianmarco Pierpaolo Maria_Grazia Anna_Maria Gian_Luca"
)
FIRST_INTL = _words(
    "José Lucía María Javier Ana João Inês Gonçalo François Jérôme Hélène Émilie Agnès Benoît "
    "Anaïs Noémie Raphaël Inès Chloé Zoé Björn Søren Jürgen Jörg Günther Käthe Ursula Lukas "
    "Łukasz Małgorzata Wojciech Agnieszka Tomáš Jiří Zuzana Siobhán Seán Aoife Niamh Ciarán "
    "Ægir Sigríður Ömer Ayşe Elif Mehmet Dimitrios Eleni Ioana Ștefan Mihai Ilona Dóra "
    "Emma Oliver Charlotte James Sarah Michael David Jennifer Hiroshi Yuki Wei Mei Priya "
    "Arjun Min-jun Ji-woo Pieter Anouk Sanne Thijs Maarten Astrid Ingrid Henrik Mikko Aino"
)
LAST_IT = _words(
    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
    "De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani "
    "Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra "
    "Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco "
    "Marini Grasso Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina "
    "Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone "
    "Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra Palmieri Bernardi Martino "
    "Fiore De_Rosa Ferretti Bellini Basile Riva Donati Piras Vitali Battaglia Sartori Neri "
    "Costantini Milani Pagano Ruggiero Sorrentino D'Amico Orlando Damico Negri Dell'Acqua "
    "D'Alessandro Dall'Ara Sant'Ambrogio Lo_Presti Della_Valle Dell'Orto D'Agostino Nicolò "
    "Zanichelli Malpighi Rizzoli Sant'Orsola Bolognesi Emiliani Forlì Cesenà Dall'Olio"
)
LAST_INTL = _words(
    "Müller Schmidt Schneider Fischer Weber Schäfer Wagner Becker Hoffmann Köhler Lefèvre "
    "Dupont Martin Bernard Dubois Durand Moreau Laurent Girard Lemaître Núñez Sánchez García "
    "Fernández Gonçalves Pérez Jiménez López Martínez Rodríguez Muñoz Peña O'Brien O'Connor "
    "O'Sullivan Ó_Súilleabháin MacCarthy Murphy Kelly Šimić Novák Dvořák Kowalczyk "
    "Wiśniewski Nowak Lewandowski Çelik Yılmaz Öztürk Nguyễn Van_der_Berg van_Dijk de_Vries "
    "Jansen Østergaard Sørensen Jørgensen Nielsen Björklund Ångström Lindqvist Virtanen "
    "Korhonen Smith Jones Williams Brown Taylor Johnson Anderson Tanaka Suzuki Watanabe Wang "
    "Li Zhang Chen Patel Sharma Kim Park Lee Papadopoulos Popescu Ionescu Nagy Horváth "
    "von_Stein zu_Guttenberg de_la_Fuente Dell'Aquila"
)

# Organisation names: a first part, a second part, a legal form or an institution pattern.
ORG_HEAD = _words(
    "Bio Med Pharma Life Health Salute Tech Lab Gen Cardio Neuro Ortho Derma Onco Immuno "
    "Nutri Vita Nova Alpha Euro Medi Cura Sana Diagnos Genom Robo Nano Micro Opti Senso "
    "Emilia Adria Appennino Felsina Padana Estense Romagna Reno Secchia Panaro Apuana "
    "Helix Vector Aurora Zenith Orion Kairos Aesculap Ippocrate Galeno Asclepio Iris"
)
ORG_TAIL = _words(
    "Medical Solutions Therapeutics Devices Diagnostics Systems Biotech Pharma Care Life Lab "
    "Labs Tech Technologies Instruments Innovation Health Salute Bioscience Genomics Robotics "
    "Digital Wellness Nutraceutica Farmaceutici Biomedicale Ortopedia Dental Vision Imaging "
    "Analytics Bionics Implants Sensors Research"
)
LEGAL_FORMS = {
    "IT": ("S.p.A.", "S.r.l.", "S.r.l.s.", "S.c.a.r.l.", "Soc. Coop."),
    "DE": ("GmbH", "AG", "GmbH & Co. KG", "e.V."),
    "AT": ("GmbH", "AG"),
    "CH": ("AG", "SA", "GmbH"),
    "FR": ("SAS", "SA", "SARL"),
    "BE": ("SA", "NV", "BV", "asbl", "SRL"),
    "NL": ("B.V.", "N.V."),
    "ES": ("S.L.", "S.A."),
    "PT": ("Lda.", "S.A."),
    "GB": ("Ltd", "PLC", "LLP"),
    "IE": ("Ltd", "DAC"),
    "US": ("Inc.", "LLC", "Corp."),
    "SE": ("AB",),
    "DK": ("ApS", "A/S"),
    "NO": ("AS",),
    "FI": ("Oy",),
    "PL": ("Sp. z o.o.", "S.A."),
    "JP": ("K.K.", "Co., Ltd."),
}
DEFAULT_FORMS = ("Ltd", "Inc.", "S.A.")
CLUSTER_PATTERNS = (
    "Cluster {region} Scienze della Vita",
    "{region} Health Cluster",
    "{region} Life Sciences Cluster",
    "Pôle de compétitivité {region} Santé",
    "{region} Medtech Cluster",
    "Clust-ER {region}",
    "Distretto Biomedicale {region}",
    "{region} Biocluster",
)
INSTITUTE_PATTERNS = (
    ("Università degli Studi di {city}", "university"),
    ("University of {city}", "university"),
    ("Universität {city}", "university"),
    ("Université de {city}", "university"),
    ("Istituto di Ricerca {head}{tail}", "research_centre"),
    ("Fraunhofer-Institut {city}", "research_centre"),
    ("Centro Ricerche {head} {city}", "research_centre"),
    ("Ospedale {saint} di {city}", "hospital"),
    ("Azienda Ospedaliero-Universitaria di {city}", "hospital"),
    ("Klinikum {city}", "hospital"),
    ("Hôpital {saint} de {city}", "hospital"),
    ("Camera di Commercio di {city}", "public_body"),
    ("Agenzia per l'Innovazione di {city}", "agency"),
    ("{region} Enterprise Europe Network", "agency"),
    ("Associazione {head}{tail} {city}", "association"),
    ("Fondazione {saint} {city}", "association"),
)
SAINTS = (
    "Sant'Orsola",
    "Sant'Anna",
    "San Raffaele",
    "Sant'Andrea",
    "San Gerardo",
    "Santa Maria Nuova",
    "Saint-Louis",
    "Sainte-Anne",
    "Saint-Éloi",
    "Maggiore",
)
REGIONS = _words(
    "Emilia-Romagna Lombardia Piemonte Veneto Toscana Lazio Puglia Campania Sicilia Wallonie "
    "Flandres Bayern Baden-Württemberg Île-de-France Auvergne-Rhône-Alpes Catalunya Euskadi "
    "Andalucía Skåne Midtjylland Noord-Brabant Zuid-Holland Tirol Ticino Mazowsze Bretagne "
    "Occitanie Hessen Sachsen Oulu Leuven Øresund Medicon_Valley BioValley Alsace"
)
CITIES = {
    "IT": "Bologna Modena Reggio_Emilia Parma Piacenza Ferrara Ravenna Forlì Cesena Rimini "
    "Imola Carpi Mirandola Sassuolo Milano Torino Genova Firenze Pisa Siena Roma Napoli Bari "
    "Lecce Catania Palermo Padova Verona Venezia Trieste Udine Trento Bolzano L'Aquila "
    "Sant'Agata_Bolognese Città_di_Castello San_Lazzaro_di_Savena Castel_San_Pietro_Terme",
    "DE": "München Köln Düsseldorf Berlin Hamburg Frankfurt_am_Main Stuttgart Tübingen Jena",
    "FR": "Paris Lyon Marseille Toulouse Strasbourg Grenoble Nantes Montpellier Saint-Étienne",
    "BE": "Bruxelles Liège Leuven Gent Antwerpen Wavre Charleroi Namur Louvain-la-Neuve",
    "ES": "Madrid Barcelona València Sevilla Bilbao Málaga Zaragoza A_Coruña Córdoba",
    "NL": "Amsterdam Rotterdam Utrecht Leiden Eindhoven Nijmegen Groningen 's-Hertogenbosch",
    "GB": "London Cambridge Oxford Manchester Edinburgh Glasgow Bristol Leeds",
    "IE": "Dublin Cork Galway Limerick",
    "US": "Boston New_York San_Francisco San_Diego Minneapolis Chicago Houston Philadelphia",
    "CH": "Zürich Basel Genève Lausanne Bern Lugano",
    "AT": "Wien Graz Innsbruck Linz Salzburg",
    "SE": "Stockholm Göteborg Malmö Uppsala Lund",
    "DK": "København Aarhus Odense Aalborg",
    "FI": "Helsinki Espoo Tampere Oulu Turku",
    "NO": "Oslo Bergen Trondheim",
    "PL": "Warszawa Kraków Łódź Wrocław Poznań Gdańsk",
    "PT": "Lisboa Porto Coimbra Braga",
    "JP": "Tōkyō Ōsaka Kyōto Kōbe Yokohama",
    "CN": "Shanghai Beijing Shenzhen Guangzhou Suzhou",
    "IN": "Bengaluru Mumbai Hyderabad Pune Chennai",
    "SG": "Singapore",
    "CA": "Toronto Montréal Québec Vancouver",
    "KR": "Seoul Incheon Daegu",
    "IL": "Tel_Aviv Haifa Jerusalem",
}
ORG_COUNTRIES = (
    ("IT", 50),
    ("DE", 7),
    ("FR", 6),
    ("BE", 5),
    ("ES", 4),
    ("NL", 3),
    ("GB", 3),
    ("US", 4),
    ("CH", 2),
    ("AT", 2),
    ("SE", 2),
    ("DK", 2),
    ("FI", 1),
    ("NO", 1),
    ("PL", 2),
    ("PT", 1),
    ("IE", 1),
    ("JP", 1),
    ("CN", 1),
    ("IN", 1),
    ("SG", 1),
    ("CA", 1),
    ("KR", 1),
    ("IL", 1),
)
TAGS = _words(
    "medtech pharma biotech diagnostics digital-health e-health ageing nutraceuticals "
    "cosmetics wellness orthopaedics cardiology oncology neurology rare-diseases dental "
    "imaging robotics ai telemedicine wearables regenerative-medicine biomaterials "
    "clinical-trials hospital-logistics sport active-ageing food-for-health silver-economy "
    "3d-printing genomics vaccines rehabilitation mental-health health-tourism "
    "circular-economy sustainability cybersecurity big-data internationalisation"
)
ROLES = (
    "CEO",
    "CTO",
    "Project manager",
    "Cluster manager",
    "Responsabile internazionalizzazione",
    "Responsabile R&D",
    "Business developer",
    "Head of R&D",
    "Directeur général",
    "Chargée de mission Europe",
    "Geschäftsführer",
    "Innovation manager",
    "Export manager",
    "Ricercatrice",
    "Professore ordinario",
    "Direttore sanitario",
    "EU project officer",
    "Technology transfer officer",
    "",
    "",
)
LANGUAGES = ("it", "it, en", "en", "en, fr", "de, en", "fr", "es, en", "it, en, fr", "")
EVENT_WORDS = _words(
    "MEDICA COMPAMED Arab_Health BIO_International BIO-Europe BIO-Europe_Spring Exposanità "
    "Vitafoods CPhI Pharmintech Cosmoprof In-Cosmetics Health_2.0 HIMSS MedTech_Forum "
    "Nordic_Life_Science_Days Swiss_Biotech_Day Biofit BioMed_Israel Hospitalar FIME "
    "Healthcare_Week DMEA Rehacare Expodental IDS AAOS ESC_Congress ASCO ECCMID "
    "Meet_in_Italy_for_Life_Sciences Cluster_Matchmaking EEN_Brokerage Info_Day "
    "European_Cluster_Conference Innovation_Days Partnering_Forum Regional_Roadshow"
)
EVENT_SUFFIXES = ("", "", "Brokerage Event", "B2B", "Partnering", "Summit", "Expo", "Forum")
TOPICS = (
    "dispositivi medici per la riabilitazione",
    "telemedicina e monitoraggio remoto",
    "nutraceutica e alimenti funzionali",
    "stampa 3D di protesi",
    "intelligenza artificiale in diagnostica",
    "invecchiamento attivo",
    "sperimentazioni cliniche multicentriche",
    "regulatory MDR/IVDR",
    "distribuzione in Germania",
    "joint application to Horizon Europe",
    "COSME Go International consortium",
    "INNOSUP cluster excellence",
    "wearable sensors for elderly care",
    "hospital procurement in France",
    "FDA 510(k) pathway",
    "cosmetics for sensitive skin",
    "robotic surgery training",
    "biomaterials for dental implants",
    "cybersecurity of connected devices",
    "digital therapeutics reimbursement",
)
SUMMARIES = {  # by kind of contact
    "meeting": (
        "Incontro con {who} allo stand: interesse per {topic}.",
        "Met {who} at {where}; they are looking for partners on {topic}.",
        "B2B meeting at {where} with {who} of {org} on {topic}.",
        "{who} introduced us to {org} at {where}; common interest in {topic}.",
    ),
    "call": (
        "Call with {who} about {topic}. Positive, wants a follow-up meeting.",
        "Telefonata con {who} ({org}): chiedono dettagli su {topic}.",
    ),
    "email": (
        "Email exchange with {who}: sent our cluster presentation and the {topic} brief.",
        "Mail da {who} di {org}: propongono una collaborazione su {topic}.",
    ),
    "video_call": (
        "Videochiamata con {who} ({org}) su {topic}; da coinvolgere nel consorzio.",
        "Video call with {who}: {org} could join the consortium on {topic}.",
    ),
    "visit": (
        "Visita presso {org}: laboratorio, pipeline su {topic}, possibile progetto comune.",
        "Study visit of {who} ({org}) to Bologna, focus on {topic}.",
    ),
}
FOLLOW_UPS = (
    "Inviare presentazione del cluster",
    "Send the one-pager on {topic}",
    "Fissare una call con il responsabile R&D",
    "Share the consortium draft and ask for a letter of support",
    "Mandare contatti di due aziende socie",
    "Check their interest in the next mission to {country}",
    "Richiamare dopo la fiera",
    "Send NDA",
)
PROGRAMMES = (
    "COSME",
    "INNOSUP",
    "Horizon Europe",
    "EU4Health",
    "Interreg Europe",
    "Interreg Central Europe",
    "Digital Europe",
    "EIC Accelerator",
    "I3 Instrument",
    "Single Market Programme",
    "Erasmus+",
    "POR FESR Emilia-Romagna",
)
CALL_TOPICS = (
    "Cluster Go International",
    "Cluster Excellence Programme",
    "Euroclusters",
    "Joint Cluster Initiatives",
    "Innovation in health and care systems",
    "Digital health and care",
    "Personalised medicine",
    "Tools and technologies for a healthy society",
    "Interregional innovation investments",
    "Internationalisation of SMEs",
    "Ageing well",
    "Resilient health supply chains",
)
